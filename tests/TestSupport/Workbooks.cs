using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParPlatform.TestSupport;

/// <summary>A cell's text written inline in the sheet, not in the shared strings.</summary>
public sealed record InlineText(string Text);

/// <summary>
/// Excel workbooks (.xlsx) built with the Open XML SDK as a spreadsheet program writes them. The first
/// worksheet holds the rows, from row 1, each value a cell: a string in the shared strings (an
/// <see cref="InlineText"/> inline), a number, a bool, a DateTime in a date-and-time format, a DateOnly in a
/// date format; null leaves the cell out, and an empty row leaves the row out (the next keeps its number).
/// A second worksheet, "Ghi chú", follows with a note in A1 (its part stored first in the package), so
/// that a reader of any sheet but the first would fail.
/// </summary>
public static class Workbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateStyle = 1;
    private const uint DateTimeStyle = 2;

    public static byte[] Build(params object?[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy\\ hh:mm" }),
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }));
            var notes = workbook.AddNewPart<WorksheetPart>();
            notes.Worksheet = new Worksheet(new SheetData(new Row(new Cell
            {
                CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Không đọc trang này")),
            }) { RowIndex = 1 }));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var strings = new List<string>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                if (rows[r].Length == 0)
                    continue;
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } value)
                        row.AppendChild(CellOf($"{(char)('A' + c)}{r + 1}", value, strings));
                }
                data.AppendChild(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Dữ liệu" },
                new Sheet { Id = workbook.GetIdOfPart(notes), SheetId = 2, Name = "Ghi chú" }));
        }
        return stream.ToArray();
    }

    private static Cell CellOf(string reference, object value, List<string> strings)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string text:
                strings.Add(text);
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture));
                break;
            case InlineText inline:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(inline.Text));
                break;
            case bool flag:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(flag ? "1" : "0");
                break;
            case DateTime instant:
                cell.StyleIndex = DateTimeStyle;
                cell.CellValue = new CellValue(instant.ToOADate().ToString(CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                cell.StyleIndex = DateStyle;
                cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                break;
            default:
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
        }
        return cell;
    }
}
