using System.Globalization;
using System.Text.Json;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// Reading the cells of an import row (a CSV line by its header, or a JSON item as text): an
/// empty cell is null; a cell that does not read adds a problem naming the row and column.
/// </summary>
public static class ImportCells
{
    /// <summary>
    /// The data rows of a CSV file with a header line, as cells by column name, or the problems of
    /// the header (unknown, repeated or missing columns) and of rows with the wrong number of cells.
    /// </summary>
    public static (List<(int Row, Dictionary<string, string> Cells)> Rows, List<ImportProblem> Problems) FromCsv(
        string text, IReadOnlyList<string> columns, IReadOnlyList<string> requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(requiredColumns);
        var rows = new List<(int, Dictionary<string, string>)>();
        var problems = new List<ImportProblem>();
        using var records = Csv.Read(text).GetEnumerator();
        if (!records.MoveNext())
        {
            problems.Add(new ImportProblem(1, null, "Tệp trống: dòng đầu phải là tên các cột."));
            return (rows, problems);
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        foreach (var unknown in header.Where(h => !columns.Contains(h)))
            problems.Add(new ImportProblem(1, unknown, $"Cột không có trong mẫu; các cột là: {string.Join(", ", columns)}."));
        foreach (var repeated in header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add(new ImportProblem(1, repeated.Key, $"Cột có {repeated.Count()} lần trong tiêu đề; mỗi cột chỉ một lần."));
        foreach (var missing in requiredColumns.Where(c => !header.Contains(c)))
            problems.Add(new ImportProblem(1, missing, "Thiếu cột bắt buộc."));
        if (problems.Count > 0)
            return (rows, problems);
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(record.Line, null, $"Dòng có {record.Fields.Count} ô, tiêu đề có {header.Count} cột."));
                continue;
            }
            var cells = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                cells[header[i]] = record.Fields[i].Trim();
            rows.Add((record.Line, cells));
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(2, null, "Tệp không có dòng dữ liệu nào."));
        return (rows, problems);
    }

    /// <summary>
    /// The items of a JSON array of objects as cells by property name (numbers and true/false as
    /// their text), numbered from 1, or the problems of items that are not objects or name unknown properties.
    /// </summary>
    public static (List<(int Row, Dictionary<string, string> Cells)> Rows, List<ImportProblem> Problems) FromJson(
        JsonElement array, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var rows = new List<(int, Dictionary<string, string>)>();
        var problems = new List<ImportProblem>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ImportProblem(1, null, "Tệp JSON phải là một mảng các đối tượng."));
            return (rows, problems);
        }
        var row = 0;
        foreach (var item in array.EnumerateArray())
        {
            row++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ImportProblem(row, null, "Mỗi phần tử phải là một đối tượng."));
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in item.EnumerateObject())
            {
                if (!columns.Contains(property.Name))
                    problems.Add(new ImportProblem(row, property.Name, $"Trường không có trong mẫu; các trường là: {string.Join(", ", columns)}."));
                else if (property.Value.ValueKind == JsonValueKind.String)
                    cells[property.Name] = property.Value.GetString()!.Trim();
                else if (property.Value.ValueKind is not JsonValueKind.Null)
                    cells[property.Name] = property.Value.GetRawText();
            }
            rows.Add((row, cells));
        }
        if (row == 0)
            problems.Add(new ImportProblem(1, null, "Tệp không có hồ sơ nào."));
        return (rows, problems);
    }

    public static string? Text(Dictionary<string, string> cells, string column) =>
        cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    public static decimal? Number(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
    {
        var text = Text(cells, column);
        if (text is null)
            return null;
        // A decimal comma is how people write half a day: "0,5".
        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add(new ImportProblem(line, column, $"\"{text}\" không phải là số."));
        return null;
    }

    public static long? WholeNumber(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
    {
        var text = Text(cells, column);
        if (text is null)
            return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add(new ImportProblem(line, column, $"\"{text}\" không phải là số đồng nguyên, không dấu phân cách (ví dụ 50000)."));
        return null;
    }

    public static bool? Flag(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
    {
        var text = Text(cells, column);
        switch (text?.ToUpperInvariant())
        {
            case null:
                return null;
            case "TRUE" or "1" or "CÓ" or "X":
                return true;
            case "FALSE" or "0" or "KHÔNG":
                return false;
            default:
                problems.Add(new ImportProblem(line, column, $"\"{text}\" phải là true/false (có/không)."));
                return null;
        }
    }

    /// <summary>
    /// An instant: ISO 8601 with an offset ("2025-12-03T08:15:00+07:00", "…Z"), or a time in
    /// Vietnam without one ("2025-12-03 08:15", "2025-12-03T08:15:00").
    /// </summary>
    public static DateTimeOffset? Instant(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
    {
        var text = Text(cells, column);
        if (text is null)
            return null;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return WorkingCalendar.FromVietnamTime(local);
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant.ToUniversalTime();
        problems.Add(new ImportProblem(line, column, $"\"{text}\" không phải thời điểm dạng 2025-12-03T08:15:00+07:00 hoặc 2025-12-03 08:15 (giờ Việt Nam)."));
        return null;
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK"];
}
