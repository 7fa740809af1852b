using System.Globalization;

namespace ParPlatform.Dossiers.Domain;

/// <summary>What is wrong with one row of an import: its CSV line (or item number in a JSON array), the column, why.</summary>
public sealed record ImportProblem(int Row, string? Column, string Reason);

/// <summary>
/// A procedure catalogue file, checked whole before anything is written: every row valid, no
/// code twice. Rows are numbered as the person sees them: CSV by line (the header is line 1),
/// JSON by item (from 1).
/// </summary>
public static class ProcedureImport
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "name", "field", "timeLimit", "timeLimitUnit", "fee", "onlineLevel", "interLevel", "active"];

    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "name", "field", "timeLimit"];

    /// <summary>The rows of a CSV file with a header line, or the problems that stop it.</summary>
    public static (List<(int Row, ProcedureInput Input)> Rows, List<ImportProblem> Problems) FromCsv(string text)
    {
        var rows = new List<(int, ProcedureInput)>();
        var problems = new List<ImportProblem>();
        using var records = Csv.Read(text).GetEnumerator();
        if (!records.MoveNext())
        {
            problems.Add(new ImportProblem(1, null, "Tệp trống: dòng đầu phải là tên các cột."));
            return (rows, problems);
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
            problems.Add(new ImportProblem(1, unknown, $"Cột không có trong mẫu; các cột là: {string.Join(", ", Columns)}."));
        foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
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
            var cells = header.Zip(record.Fields, (column, value) => (column, value: value.Trim())).ToDictionary(c => c.column, c => c.value);
            var before = problems.Count;
            var input = new ProcedureInput(
                Text(cells, "code"), Text(cells, "name"), Text(cells, "field"),
                Number(cells, "timeLimit", record.Line, problems), Text(cells, "timeLimitUnit"),
                Integer(cells, "fee", record.Line, problems), Text(cells, "onlineLevel"),
                Flag(cells, "interLevel", record.Line, problems), Flag(cells, "active", record.Line, problems));
            if (problems.Count == before)
                rows.Add((record.Line, input));
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(2, null, "Tệp không có dòng dữ liệu nào."));
        problems.AddRange(Check(rows));
        return (rows, problems);
    }

    /// <summary>The problems of rows already read (a JSON array, or CSV rows that parsed): field rules and repeated codes.</summary>
    public static List<ImportProblem> Check(IEnumerable<(int Row, ProcedureInput Input)> rows)
    {
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, input) in rows)
        {
            foreach (var (column, reasons) in input.Validate().ToDictionary())
                problems.AddRange(reasons.Select(reason => new ImportProblem(row, column, reason)));
            if (input.Code is not null && !seen.TryAdd(input.Code, row))
                problems.Add(new ImportProblem(row, "code", $"Mã {input.Code} đã có ở dòng {seen[input.Code]}."));
        }
        return problems;
    }

    private static string? Text(Dictionary<string, string> cells, string column) =>
        cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    private static decimal? Number(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
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

    private static long? Integer(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
    {
        var text = Text(cells, column);
        if (text is null)
            return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add(new ImportProblem(line, column, $"\"{text}\" không phải là số đồng nguyên, không dấu phân cách (ví dụ 50000)."));
        return null;
    }

    private static bool? Flag(Dictionary<string, string> cells, string column, int line, List<ImportProblem> problems)
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
}
