using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParPlatform.Reporting.Domain;

/// <summary>
/// A paragraph of the template that prints computed figures: its text with placeholders <c>{Code}</c> or <c>{Code:format}</c>
/// (<see cref="TemplateText"/>), printed under the heading <see cref="SectionKey"/> before the unit's own words. When
/// <see cref="ZeroFigure"/> is 0, <see cref="ZeroText"/> is printed instead (an empty one prints nothing); a paragraph with a
/// figure that has no data is left out, and so is one whose <see cref="Requires"/> figure has none (a line that introduces
/// others, without a figure of its own).
/// </summary>
public sealed record TemplateParagraph(string SectionKey, string Text, string? ZeroFigure = null, string? ZeroText = null, string? Requires = null);

/// <summary>
/// Fills a template's placeholders with figures, printed as Vietnamese official documents print them:
/// <list type="bullet">
/// <item><c>{Code}</c>: a number with "." between thousands and "," before decimals ("1.877"), a date as dd/MM/yyyy, a text as is;</item>
/// <item><c>{Code:d}</c>: a date with its day and month as they are ("31/3/2026");</item>
/// <item><c>{Code:00}</c>: a count from 1 to 9 on two digits ("01", "09"; 0 and 10 and above as they are);</item>
/// <item><c>{Code:%}</c>: a percentage rounded to a whole number ("68%"); <c>{Code:%1}</c> to one decimal, ",0" left off ("82,4%", "100%");</item>
/// <item><c>{Code:tr}</c>: an amount in đồng as millions (triệu đồng), to one decimal, ",0" left off ("44.553", "3.969,4");</item>
/// <item><c>{Code:kc}</c>: "không có" for 0, else the count on two digits and "đơn vị" ("01 đơn vị").</item>
/// </list>
/// </summary>
public static partial class TemplateText
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    [GeneratedRegex(@"\{(?<code>[A-Za-z][A-Za-z0-9.]*)(:(?<format>[^}]+))?\}")]
    private static partial Regex Placeholder();

    /// <summary>The paragraphs of <paramref name="sectionKey"/> filled with <paramref name="figures"/>, those without data left out.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<TemplateParagraph> template, string sectionKey, IReadOnlyDictionary<string, ComputedFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(figures);
        var printed = new List<string>();
        foreach (var paragraph in template.Where(p => p.SectionKey == sectionKey))
        {
            if (paragraph.Requires is { } required && !figures.ContainsKey(required))
                continue;
            var text = paragraph.ZeroFigure is { } zero && figures.TryGetValue(zero, out var z) && z.Number == 0 ? paragraph.ZeroText! : paragraph.Text;
            if (Fill(text, figures) is { Length: > 0 } filled)
                printed.Add(filled);
        }
        return printed;
    }

    /// <summary>The text with every placeholder filled, or null when a figure it names has no value.</summary>
    public static string? Fill(string text, IReadOnlyDictionary<string, ComputedFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(figures);
        var missing = false;
        var filled = Placeholder().Replace(text, match =>
        {
            if (!figures.TryGetValue(match.Groups["code"].Value, out var figure))
            {
                missing = true;
                return "";
            }
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            var printed = Print(figure, format);
            missing |= printed is null;
            return printed ?? "";
        });
        return missing ? null : filled;
    }

    /// <summary>The names of the figures a text's placeholders ask for, and whether each format is known (for checking a template).</summary>
    public static IEnumerable<(string Code, string? Format)> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => (m.Groups["code"].Value, m.Groups["format"].Success ? m.Groups["format"].Value : null));

    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "00", "%", "%1", "tr", "kc", "d" };

    private static string? Print(ComputedFigure figure, string? format)
    {
        if (figure.Text is { } text)
            return text;
        if (figure.Date is { } date)
            return date.ToString(format == "d" ? "d/M/yyyy" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (figure.Number is not { } number)
            return null;
        return format switch
        {
            null => Number(number, 2),
            "00" => Padded(number),
            "%" => Number(Math.Round(number, 0, MidpointRounding.AwayFromZero), 0) + "%",
            "%1" => Number(number, 1) + "%",
            "tr" => Number(number / 1_000_000m, 1),
            "kc" => number == 0 ? "không có" : Print(figure, "00") + " đơn vị",
            "d" => Number(number, 2),
            _ => throw new ArgumentException($"Unknown format \"{format}\" of {figure.Code}.", nameof(format)),
        };
    }

    /// <summary>A count as the reports write it: 1–9 with a leading zero ("09"), others as <see cref="Number"/>.</summary>
    public static string Padded(decimal number) =>
        number is >= 1 and <= 9 && number == decimal.Truncate(number) ? $"0{number:0}" : Number(number, 2);

    /// <summary>A number rounded to at most <paramref name="decimals"/> places, with no trailing zeros after the comma.</summary>
    public static string Number(decimal value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var builder = new StringBuilder("#,0");
        if (decimals > 0)
            builder.Append('.').Append('#', decimals);
        return rounded.ToString(builder.ToString(), Vietnamese);
    }
}
