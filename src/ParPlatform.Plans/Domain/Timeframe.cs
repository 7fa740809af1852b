using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParPlatform.Plans.Domain;

/// <summary>When a task is to be done, as a plan writes it.</summary>
public enum TimeframeKind
{
    /// <summary>A day: "31/03/2026", "Trước ngày 28/02/2026".</summary>
    Date,

    /// <summary>"Tháng 01/2026": due on the month's last day.</summary>
    Month,

    /// <summary>"Quý I/2026", "Quý III năm 2026": due on the quarter's last day.</summary>
    Quarter,

    /// <summary>"Năm 2026": due on 31/12.</summary>
    Year,

    /// <summary>"Thường xuyên": no due date; reported every period.</summary>
    Ongoing,

    /// <summary>"Theo hướng dẫn của tỉnh": due when the province's guidance says.</summary>
    ProvinceGuidance,

    /// <summary>"Theo văn bản của tỉnh": due when the province's documents say.</summary>
    ProvinceDocuments,

    /// <summary>"Sau khi có Quyết định của UBND tỉnh": due once the decision is known.</summary>
    AfterProvinceDecision,

    /// <summary>No time given.</summary>
    None,
}

/// <summary>
/// A task's timeframe: its kind, the text as the plan writes it, and the due date that follows from it (a month → its last
/// day, a quarter → its last day, the year → 31/12, a date → that date). Ongoing tasks have none. The province-directed
/// kinds have none until it is known (<see cref="PlanTask.SetDueDate"/>).
/// </summary>
public sealed partial record Timeframe(TimeframeKind Kind, string Text, DateOnly? DueDate)
{
    public const string FormatError =
        "Thời gian là một ngày (31/03/2026), một tháng (Tháng 01/2026), một quý (Quý I/2026), một năm (Năm 2026), " +
        "\"Thường xuyên\", \"Theo hướng dẫn của tỉnh\", \"Theo văn bản của tỉnh\", \"Sau khi có Quyết định của UBND tỉnh\", hoặc để trống.";

    /// <summary>Kinds whose due date the province sets later.</summary>
    public bool SetByProvince => Kind is TimeframeKind.ProvinceGuidance or TimeframeKind.ProvinceDocuments or TimeframeKind.AfterProvinceDecision;

    public static readonly Timeframe None = new(TimeframeKind.None, "", null);

    /// <summary>
    /// The timeframe of <paramref name="text"/> (kept as written; spaces collapsed), or null when it is none of the forms of
    /// <see cref="FormatError"/>. Case, tone placement ("Qúy") and the accents of "Quý"/"Tháng"/"Năm" are forgiven.
    /// </summary>
    public static Timeframe? Parse(string? text)
    {
        var written = Collapse(text);
        if (written.Length == 0)
            return None;
        var key = Fold(written);
        switch (key)
        {
            case "thuong xuyen":
                return new(TimeframeKind.Ongoing, written, null);
            case "theo huong dan cua tinh":
                return new(TimeframeKind.ProvinceGuidance, written, null);
            case "theo van ban cua tinh":
                return new(TimeframeKind.ProvinceDocuments, written, null);
            case "sau khi co quyet dinh cua ubnd tinh":
                return new(TimeframeKind.AfterProvinceDecision, written, null);
        }
        if (YearPattern().Match(key) is { Success: true } year && Year(year.Groups["y"].Value) is { } y)
            return new(TimeframeKind.Year, written, new DateOnly(y, 12, 31));
        if (QuarterPattern().Match(key) is { Success: true } quarter && Year(quarter.Groups["y"].Value) is { } qy
            && Array.IndexOf(Quarters, quarter.Groups["q"].Value) is var q and >= 0)
        {
            var last = new DateOnly(qy, 3 * (q + 1), 1);
            return new(TimeframeKind.Quarter, written, last.AddMonths(1).AddDays(-1));
        }
        if (MonthPattern().Match(key) is { Success: true } month && Year(month.Groups["y"].Value) is { } my
            && int.Parse(month.Groups["m"].Value, CultureInfo.InvariantCulture) is var m and >= 1 and <= 12)
            return new(TimeframeKind.Month, written, new DateOnly(my, m, DateTime.DaysInMonth(my, m)));
        if (DatePattern().Match(key) is { Success: true } date
            && DateOnly.TryParseExact(date.Groups["d"].Value, ["d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new(TimeframeKind.Date, written, day);
        return null;
    }

    /// <summary>The same timeframe with the due date the province set.</summary>
    public Timeframe WithDueDate(DateOnly dueDate) => this with { DueDate = dueDate };

    private static readonly string[] Quarters = ["i", "ii", "iii", "iv"];

    private static int? Year(string text) => int.Parse(text, CultureInfo.InvariantCulture) is var y and >= 2000 and <= 2100 ? y : null;

    private static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Lower case, without diacritics (đ → d), for matching the forms only.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
            folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^nam (?<y>\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^quy (?<q>i|ii|iii|iv)(/| nam )(?<y>\d{4})$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^thang (?<m>\d{1,2})(/| nam )(?<y>\d{4})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(truoc ngay |ngay )?(?<d>\d{1,2}/\d{1,2}/\d{4})$")]
    private static partial Regex DatePattern();
}
