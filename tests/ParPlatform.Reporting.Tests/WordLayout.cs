using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParPlatform.Reporting.Tests;

/// <summary>The layout properties of a Word document that Decree 30/2020/NĐ-CP sets, read from the file as Word would.</summary>
public sealed record WordLayout(
    (int Width, int Height) PortraitPage, (int Top, int Bottom, int Left, int Right) Margins, string? Font, int BodyHalfPoints,
    bool TitlePageWithoutNumber, bool PageNumberCentredAtTop, bool AppendixLandscape, bool BodyParagraphsJustifiedAndIndented,
    bool RecipientsBoldItalic12, string Text)
{
    public static WordLayout Read(WordprocessingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var sections = body.Descendants<SectionProperties>().ToList();
        var first = sections[0];
        var size = first.GetFirstChild<PageSize>()!;
        var margin = first.GetFirstChild<PageMargin>()!;
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!;
        var runDefaults = defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var spacingAfter = int.Parse(defaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!.After!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        string HeaderText(HeaderFooterValues type)
        {
            var id = first.Elements<HeaderReference>().Single(h => h.Type!.Value == type).Id!.Value!;
            return ((HeaderPart)main.GetPartById(id)).Header!.InnerXml;
        }
        var paged = HeaderText(HeaderFooterValues.Default);
        var justified = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Both)
            .ToList();
        var recipients = body.Descendants<Run>().First(r => r.InnerText == "Nơi nhận:");
        return new WordLayout(
            ((int)size.Width!.Value, (int)size.Height!.Value),
            (margin.Top!.Value, margin.Bottom!.Value, (int)margin.Left!.Value, (int)margin.Right!.Value),
            runDefaults.RunFonts?.Ascii?.Value,
            int.Parse(runDefaults.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture),
            first.GetFirstChild<TitlePage>() is not null && !HeaderText(HeaderFooterValues.First).Contains("PAGE", StringComparison.Ordinal),
            paged.Contains("PAGE", StringComparison.Ordinal) && paged.Contains("w:jc w:val=\"center\"", StringComparison.Ordinal),
            sections.Count == 2 && sections[1].GetFirstChild<PageSize>()!.Orient?.Value == PageOrientationValues.Landscape,
            justified.Count > 10 && spacingAfter >= 120 && justified.All(p => p.ParagraphProperties!.Indentation?.FirstLine?.Value is "567" or "720"),
            recipients.RunProperties?.Bold is not null && recipients.RunProperties.Italic is not null && recipients.RunProperties.FontSize?.Val?.Value == "24",
            string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)));
    }
}
