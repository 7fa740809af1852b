using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParPlatform.Reporting.Documents;

/// <summary>
/// The pieces the platform's Word documents are made of, in the official layout of Decree 30/2020/NĐ-CP (<see cref="ReportDocument"/>):
/// Times New Roman 14 pt, 6 pt after each paragraph, headers with the page number from page 2, A4 portrait or landscape
/// sections, justified paragraphs with their first line indented, tables, runs.
/// </summary>
internal static class WordParts
{
    /// <summary>A4 in twentieths of a point, and the margins (1 mm = 56,7).</summary>
    public const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850;

    /// <summary>Body text 14 pt (half-points), first line indented 1,27 cm, 6 pt after each paragraph.</summary>
    public const int BodySize = 28, FirstLineIndent = 720, SpacingAfter = 120;

    internal static void AddStyles(MainDocumentPart main)
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
    internal static (string First, string Paged) AddHeaders(MainDocumentPart main)
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

    internal static SectionProperties Section(bool portrait, string firstHeader, string pagedHeader) => new(
        new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeader },
        new HeaderReference { Type = HeaderFooterValues.Default, Id = pagedHeader },
        portrait
            ? new PageSize { Width = PageWidth, Height = PageHeight }
            : new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape },
        portrait
            ? new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567 }
            : new PageMargin { Top = MarginLeft, Bottom = MarginRight, Left = MarginTop, Right = MarginBottom, Header = 567, Footer = 567 },
        new TitlePage());

    /// <summary>A table's borders, in the schema's order: all single lines, or none.</summary>
    internal static TableBorders Borders(BorderValues line) => new(
        new TopBorder { Val = line, Size = 4 }, new LeftBorder { Val = line, Size = 4 }, new BottomBorder { Val = line, Size = 4 },
        new RightBorder { Val = line, Size = 4 }, new InsideHorizontalBorder { Val = line, Size = 4 }, new InsideVerticalBorder { Val = line, Size = 4 });

    /// <summary>A table's columns, in twentieths of a point.</summary>
    internal static TableGrid Grid(params int[] widths) =>
        new(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    internal static TableCell Cell(int widthFiftieths, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(widthFiftieths == 0
            ? new TableCellWidth { Type = TableWidthUnitValues.Auto }
            : new TableCellWidth { Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(content);
        return cell;
    }

    /// <summary>A body paragraph: justified, first line indented.</summary>
    internal static Paragraph Text(string text) => new(new ParagraphProperties(Indent(), new Justification { Val = JustificationValues.Both }), R(text));

    internal static Indentation Indent() => new() { FirstLine = FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    internal static Paragraph Centered(Run run) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }), run);

    internal static Paragraph Left(Run run) => new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), run);

    /// <summary>A short centred rule under a header block: an empty paragraph with a top border, indented on both sides.</summary>
    internal static Paragraph Rule(int indent) => new(new ParagraphProperties(
        new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
        new SpacingBetweenLines { After = "0" },
        new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Right = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    /// <summary>A run of text, its properties in the schema's order (bold, italic, size in half-points).</summary>
    internal static Run R(string text, bool bold = false, bool italic = false, int? size = null)
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

    /// <summary>
    /// The header of a document: the issuing authority and body in capitals with a short rule under them, left; the national
    /// name and motto with their rule, right; then the number ("Số: 188/BC-UBND") and the italic place and date.
    /// </summary>
    internal static Table HeaderTable(Run authority, Run body, string documentNumber, string placeAndDate)
    {
        // The national name in 12 pt (Decree 30 allows 12–13) on one line: 13 pt bold does not fit the right column of an A4 page.
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.None)), Grid(3368, 5987));
        table.Append(new TableRow(
            Cell(1800, Centered(authority), Centered(body), Rule(900)),
            Cell(3200, Centered(R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24)), Centered(R("Độc lập - Tự do - Hạnh phúc", bold: true)), Rule(1700))));
        table.Append(new TableRow(Cell(1800, Centered(R($"Số: {documentNumber}", size: 26))), Cell(3200, Centered(R(placeAndDate, italic: true)))));
        return table;
    }

    /// <summary>The foot of a document: "Nơi nhận:" bold italic 12 pt with its list in 11 pt, left; the signer's title in bold, right.</summary>
    internal static Table SignatureTable(IEnumerable<string> to, params string[] signer)
    {
        var recipients = new List<OpenXmlElement> { Left(R("Nơi nhận:", bold: true, italic: true, size: 24)) };
        recipients.AddRange(to.Select(r => Left(R($"- {r}", size: 22))));
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.None)),
            Grid(4677, 4678));
        table.Append(new TableRow(Cell(2500, [.. recipients]), Cell(2500, [.. signer.Select(line => Centered(R(line, bold: true)))])));
        return table;
    }

    /// <summary>A table with a border on every line: its headings in bold, then the rows, the first column left, the others centred.</summary>
    internal static Table GridTable(int[] widths, IEnumerable<string> headings, IEnumerable<IReadOnlyList<string>> rows, int size = 22)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.Single)), Grid(widths));
        table.Append(new TableRow(headings.Select(c => Cell(0, Centered(R(c, bold: true, size: size))))));
        foreach (var row in rows)
            table.Append(new TableRow(row.Select((value, i) => Cell(0, i == 0 ? Left(R(value, size: size)) : Centered(R(value, size: size))))));
        return table;
    }
}
