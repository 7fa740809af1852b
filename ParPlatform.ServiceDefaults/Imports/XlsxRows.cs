using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParPlatform.ServiceDefaults.Imports;

/// <summary>
/// The rows of a workbook's first worksheet, read one row at a time (OpenXmlReader): each row that has
/// a value, by its number as Excel shows it, with its cells' texts by column (0 is A; null when empty).
/// Shared and inline strings are their text, numbers as written ("0.5"), booleans "true" or "false",
/// and a number in a date format its date ("2026-01-05", or "2026-01-05 08:00:00" with a time).
/// A workbook whose first sheet is not a worksheet has no rows; a damaged one throws (InvalidDataException,
/// XmlException, OpenXmlPackageException).
/// </summary>
internal static class XlsxRows
{
    public static IEnumerable<(int Row, string?[] Cells)> Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart;
        var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (sheet?.Id?.Value is not { } id || workbook!.GetPartById(id) is not WorksheetPart worksheet)
            yield break;
        var strings = SharedStrings(workbook);
        var dateStyles = DateStyles(workbook);

        using var reader = OpenXmlReader.Create(worksheet);
        reader.Read(); // to the root element
        var number = 0;
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }
            // Loading the element moves the reader past it.
            var row = (Row)reader.LoadCurrentElement()!;
            number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : cells.Count;
                while (cells.Count <= column)
                    cells.Add(null);
                cells[column] = Text(cell, strings, dateStyles)?.Trim() is { Length: > 0 } text ? text : null;
            }
            if (cells.Any(c => c is not null))
                yield return (number, [.. cells]);
        }
    }

    /// <summary>The column of a cell reference, from 0: "A1" is 0, "AB12" is 27.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            column = column * 26 + char.ToUpperInvariant(c) - 'A' + 1;
        return column - 1;
    }

    private static string? Text(Cell cell, List<string> strings, Dictionary<uint, bool> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? RichText(inline) : null;
        if (cell.CellValue?.Text is not { } value)
            return null;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? strings[index]
                : throw new InvalidDataException($"Cell {cell.CellReference} names shared string {value}, which the workbook does not have.");
        }
        if (type == CellValues.Boolean)
            return value == "1" ? "true" : "false";
        if (type is not null && type != CellValues.Number)
            return value; // a formula's text, an ISO date, an error (#N/A)
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return value;
        if (cell.StyleIndex?.Value is { } style && dateStyles.TryGetValue(style, out var showsTime) && number is >= 0 and < 2958466) // to 9999-12-31
        {
            var date = DateTime.FromOADate((double)number);
            date = new DateTime((date.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
            return showsTime || date.TimeOfDay != TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A string item's text: its one text, or its runs' texts together (phonetic hints left out).</summary>
    private static string RichText(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
            return strings;
        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // to the root element
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(RichText(reader.LoadCurrentElement()!));
            else
                reader.Read();
        }
        return strings;
    }

    /// <summary>The cell styles whose number format is a date, each with whether it shows a time.</summary>
    private static Dictionary<uint, bool> DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var styles = new Dictionary<uint, bool>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 17)
                styles[index] = false;
            else if (id is >= 18 and <= 22 or >= 45 and <= 47)
                styles[index] = true;
            else if (custom.TryGetValue(id, out var code) && DateParts(code) is { Length: > 0 } parts)
                styles[index] = parts.Contains('h', StringComparison.Ordinal) || parts.Contains('s', StringComparison.Ordinal);
            index++;
        }
        return styles;
    }

    /// <summary>
    /// The date and time letters (d, m, y, h, s) of a number format's code, leaving out quoted text,
    /// escaped characters and [bracketed] parts (colours, locales).
    /// </summary>
    private static string DateParts(string code)
    {
        var parts = new System.Text.StringBuilder();
        var (quoted, bracketed, escaped) = (false, false, false);
        foreach (var c in code.ToLowerInvariant())
        {
            if (escaped)
                escaped = false;
            else if (c == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == '\\')
                escaped = true;
            else if (c is '[' or ']')
                bracketed = c == '[';
            else if (!bracketed && c is 'd' or 'm' or 'y' or 'h' or 's')
                parts.Append(c);
        }
        return parts.ToString();
    }
}
