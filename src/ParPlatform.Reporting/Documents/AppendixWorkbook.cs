using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParPlatform.Reporting.Apis;

namespace ParPlatform.Reporting.Documents;

/// <summary>
/// Appendix I of a submitted report (form II.06a) as an Excel workbook: a title row, the window, the column headings, a row
/// per field and the total; counts as numbers, so the province can add them up.
/// </summary>
public static class AppendixWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(ReportContent report, string documentNumber)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, $"Phụ lục I: Tổng hợp tình hình, kết quả giải quyết thủ tục hành chính — {report.UnitName}, {report.PeriodName}"));
            data.Append(Row(2, $"Kèm theo Báo cáo số {documentNumber}; số liệu từ ngày {report.From:dd/MM/yyyy} đến ngày {report.To:dd/MM/yyyy}"));
            data.Append(Row(3, AppendixTable.Columns));
            uint index = 4;
            foreach (var row in AppendixTable.Rows(report.DossiersByField, report.Dossiers))
            {
                var line = new Row { RowIndex = index };
                line.Append(TextCell(Reference(0, index), row.Field ?? ""));
                var values = AppendixTable.Counts(row);
                for (var c = 0; c < values.Length; c++)
                    line.Append(new Cell { CellReference = Reference(c + 1, index), CellValue = new CellValue((decimal)values[c]) });
                data.Append(line);
                index++;
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Phụ lục I" }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, params string[] texts)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < texts.Length; c++)
            row.Append(TextCell(Reference(c, index), texts[c]));
        return row;
    }

    private static Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static string Reference(int column, uint row) => $"{(char)('A' + column)}{row}";
}
