using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParPlatform.Reporting.Apis;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;

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

    /// <summary>A4 in twentieths of a point, and the margins (1 mm = 56,7).</summary>
    public const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850;

    /// <summary>Body text 14 pt (half-points), first line indented 1,27 cm, 6 pt after each paragraph.</summary>
    public const int BodySize = 28, FirstLineIndent = 720, SpacingAfter = 120;


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
            body.Append(HeaderTable(issuer, documentNumber, date));
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
            body.Append(SignatureTable(report.Template.Recipients.Select(r => TemplateText.Fill(r, figures) ?? r)));
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

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = SpacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
    }

    /// <summary>No header on page 1; the page number centred at the top of the others.</summary>
    private static (string First, string Paged) AddHeaders(MainDocumentPart main)
    {
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        var paged = main.AddNewPart<HeaderPart>();
        paged.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return (main.GetIdOfPart(first), main.GetIdOfPart(paged));
    }

    private static SectionProperties Section(bool portrait, string firstHeader, string pagedHeader) => new(
        new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeader },
        new HeaderReference { Type = HeaderFooterValues.Default, Id = pagedHeader },
        portrait
            ? new PageSize { Width = PageWidth, Height = PageHeight }
            : new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape },
        portrait
            ? new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567 }
            : new PageMargin { Top = MarginLeft, Bottom = MarginRight, Left = MarginTop, Right = MarginBottom, Header = 567, Footer = 567 },
        new TitlePage());

    private static Table HeaderTable(Issuer issuer, string documentNumber, DateOnly date)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            Borders(BorderValues.None)), Grid(3742, 5613));
        table.Append(new TableRow(
            Cell(2000, Centered(R("ỦY BAN NHÂN DÂN", bold: true, size: 26)), Centered(R(issuer.BodyUpper, bold: true, size: 26)), Rule(900)),
            Cell(3000, Centered(R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 26)), Centered(R("Độc lập - Tự do - Hạnh phúc", bold: true)),
                Rule(1700))));
        table.Append(new TableRow(
            Cell(2000, Centered(R($"Số: {documentNumber}", size: 26))),
            Cell(3000, Centered(R(ReportSentences.PlaceAndDate(issuer.Place, date), italic: true)))));
        return table;
    }

    private static Table SignatureTable(IEnumerable<string> to)
    {
        var recipients = new List<OpenXmlElement> { Left(R("Nơi nhận:", bold: true, italic: true, size: 24)) };
        recipients.AddRange(to.Select(r => Left(R($"- {r}", size: 22))));
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.None)),
            Grid(4677, 4678));
        table.Append(new TableRow(
            Cell(2500, [.. recipients]),
            Cell(2500, Centered(R("TM. ỦY BAN NHÂN DÂN", bold: true)), Centered(R("CHỦ TỊCH", bold: true)))));
        return table;
    }

    private static Table StatisticsTable(ReportContent report)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            Borders(BorderValues.Single)), Grid([2570, .. Enumerable.Repeat(1000, AppendixTable.Columns.Length - 1)]));
        table.Append(new TableRow(AppendixTable.Columns.Select(c => Cell(0, Centered(R(c, bold: true, size: 22))))));
        foreach (var row in AppendixTable.Rows(report.DossiersByField, report.Dossiers))
        {
            var values = AppendixTable.Counts(row);
            table.Append(new TableRow([Cell(0, Left(R(row.Field ?? "", size: 22))), .. values.Select(v => Cell(0, Centered(R(ReportSentences.Count(v), size: 22))))]));
        }
        return table;
    }

    /// <summary>A table's borders, in the schema's order: all single lines, or none.</summary>
    private static TableBorders Borders(BorderValues line) => new(
        new TopBorder { Val = line, Size = 4 }, new LeftBorder { Val = line, Size = 4 }, new BottomBorder { Val = line, Size = 4 },
        new RightBorder { Val = line, Size = 4 }, new InsideHorizontalBorder { Val = line, Size = 4 }, new InsideVerticalBorder { Val = line, Size = 4 });

    /// <summary>A table's columns, in twentieths of a point.</summary>
    private static TableGrid Grid(params int[] widths) =>
        new(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    private static TableCell Cell(int widthFiftieths, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(widthFiftieths == 0
            ? new TableCellWidth { Type = TableWidthUnitValues.Auto }
            : new TableCellWidth { Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(content);
        return cell;
    }

    private static Paragraph Heading(ReportHeading heading) => new(
        new ParagraphProperties(new KeepNext(), Indent(), new Justification { Val = JustificationValues.Both }),
        R(heading.Text, bold: heading.Level <= 2, italic: heading.Level > 2));

    /// <summary>A body paragraph: justified, first line indented.</summary>
    private static Paragraph Text(string text) => new(new ParagraphProperties(Indent(), new Justification { Val = JustificationValues.Both }), R(text));

    private static Indentation Indent() => new() { FirstLine = FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Paragraph Centered(Run run) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }), run);

    private static Paragraph Left(Run run) => new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run);

    /// <summary>A short centred rule under a header block: an empty paragraph with a top border, indented on both sides.</summary>
    private static Paragraph Rule(int indent) => new(new ParagraphProperties(
        new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
        new SpacingBetweenLines { After = "0" },
        new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Right = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    /// <summary>A run of text, its properties in the schema's order (bold, italic, size in half-points).</summary>
    private static Run R(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        if (size is { } halfPoints)
            properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
