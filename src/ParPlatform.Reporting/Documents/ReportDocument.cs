using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParPlatform.Reporting.Apis;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;
using static ParPlatform.Reporting.Documents.WordParts;

namespace ParPlatform.Reporting.Documents;

/// <summary>Who issues the report: the body in capitals for the header ("PHƯỜNG TAM THANH"), its name in the title ("phường Tam Thanh") and its place ("Tam Thanh").</summary>
public sealed record Issuer(string BodyUpper, string NameInTitle, string Place)
{
    /// <summary>The issuer of a unit from its registered name ("Phường Tam Thanh", "Xã Chi Lăng").</summary>
    public static Issuer Of(string unitName)
    {
        ArgumentNullException.ThrowIfNull(unitName);
        var place = unitName;
        foreach (var kind in new[] { "Phường ", "Xã ", "Đặc khu " })
        {
            if (unitName.StartsWith(kind, StringComparison.Ordinal))
                place = unitName[kind.Length..];
        }
        return new Issuer(unitName.ToUpperInvariant(), char.ToLowerInvariant(unitName[0]) + unitName[1..], place);
    }
}

/// <summary>
/// A submitted report as a Word document in the official layout of Decree 30/2020/NĐ-CP: A4, margins 20 mm top and bottom,
/// 30 mm left, 15 mm right; Times New Roman; the two-column header (the issuing body in capitals, bold, with a short rule;
/// the national motto with its rule), the number and the italic place-and-date line; the title; the body in 14 pt,
/// justified, first line indented 1,27 cm, 6 pt between paragraphs; page numbers centred at the top from page 2; "Nơi
/// nhận:" bold italic 12 pt with its list in 11 pt beside the signature; appendix I (form II.06a) on a landscape page.
/// </summary>
public static class ReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";


    public static byte[] Build(Issuer issuer, ReportContent report, string documentNumber, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var (firstHeader, pagedHeader) = AddHeaders(main);
            var body = new Body();
            body.Append(HeaderTable(R("ỦY BAN NHÂN DÂN", bold: true, size: 26), R(issuer.BodyUpper, bold: true, size: 26), documentNumber,
                ReportSentences.PlaceAndDate(issuer.Place, date)));
            body.Append(Centered(R("BÁO CÁO", bold: true)), Centered(R($"Công tác cải cách hành chính {issuer.NameInTitle}", bold: true)),
                Centered(R(report.PeriodName, bold: true)));
            var figures = report.FiguresByCode();
            var preamble = report.Template.Preamble is { Length: > 0 } basis ? TemplateText.Fill(basis, figures) + " " : "";
            body.Append(Text($"{preamble}UBND {issuer.NameInTitle} báo cáo kết quả triển khai, thực hiện công tác cải cách hành chính " +
                $"{char.ToLowerInvariant(report.PeriodName[0])}{report.PeriodName[1..]} trên địa bàn cụ thể như sau:"));
            foreach (var heading in ReportTemplate.Headings)
            {
                body.Append(Heading(heading));
                foreach (var paragraph in Paragraphs(heading, report, figures))
                    body.Append(Text(paragraph));
            }
            body.Append(Text($"Trên đây là báo cáo công tác cải cách hành chính {char.ToLowerInvariant(report.PeriodName[0])}{report.PeriodName[1..]} " +
                $"của UBND {issuer.NameInTitle}. UBND {issuer.NameInTitle.Split(' ')[0]} trân trọng báo cáo Sở Nội vụ xem xét, tổng hợp./."));
            body.Append(SignatureTable(report.Template.Recipients.Select(r => TemplateText.Fill(r, figures) ?? r), "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"));
            // Everything so far is the portrait section; the appendix follows in a landscape one.
            body.Append(new Paragraph(new ParagraphProperties(Section(portrait: true, firstHeader, pagedHeader))));
            body.Append(Centered(R("Phụ lục I", bold: true)), Centered(R("TỔNG HỢP TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", bold: true)),
                Centered(R($"(Kèm theo Báo cáo số {documentNumber}; số liệu từ ngày {report.From:dd/MM/yyyy} đến ngày {report.To:dd/MM/yyyy})", italic: true)));
            body.Append(StatisticsTable(report));
            body.Append(Section(portrait: false, firstHeader, pagedHeader));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>Under a heading: the template's sentences with the computed figures, the unit's own words, the facts it entered.</summary>
    private static IEnumerable<string> Paragraphs(ReportHeading heading, ReportContent report, IReadOnlyDictionary<string, ComputedFigure> figures)
    {
        foreach (var sentence in TemplateText.Paragraphs(report.Template.Paragraphs, heading.Key, figures))
            yield return sentence;
        var text = report.Narrative.FirstOrDefault(n => n.Key == heading.Key)?.Text ?? "";
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return line;
        foreach (var fact in report.Facts.Where(f => f.SectionKey == heading.Key && f.Text is not null))
            yield return $"- {fact.Label}: {fact.Text}.";
    }

    private static Table StatisticsTable(ReportContent report) => GridTable([2570, .. Enumerable.Repeat(1000, AppendixTable.Columns.Length - 1)],
        AppendixTable.Columns, AppendixTable.Rows(report.DossiersByField, report.Dossiers)
            .Select(row => (IReadOnlyList<string>)[row.Field ?? "", .. AppendixTable.Counts(row).Select(ReportSentences.Count)]));

    private static Paragraph Heading(ReportHeading heading) => new(
        new ParagraphProperties(new KeepNext(), Indent(), new Justification { Val = JustificationValues.Both }),
        R(heading.Text, bold: heading.Level <= 2, italic: heading.Level > 2));
}
