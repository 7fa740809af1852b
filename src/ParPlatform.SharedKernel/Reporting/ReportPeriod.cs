using System.Globalization;

namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// The period of one periodic CCHC report (kỳ báo cáo): a kind in a year, e.g. quý I năm 2026.
/// Its <see cref="Code"/>, used in URLs, is the four-digit year, a hyphen and the kind's code:
/// "2026-Q1", "2026-6M", "2026-Q3", "2026-Y" (parsed regardless of case). The year is the one in
/// which the data window ends and the report is due; a window may start in the year before. The
/// dates come from the province's <see cref="ReportPeriodSettings"/>.
/// </summary>
public readonly record struct ReportPeriod
{
    public const int MinYear = 1000;

    public const int MaxYear = 9999;

    public const string FormatError =
        "Kỳ báo cáo có dạng năm-kỳ: 2026-Q1 (quý I), 2026-6M (6 tháng đầu năm), 2026-Q3 (quý III) hoặc 2026-Y (năm).";

    public ReportPeriod(int year, ReportPeriodKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        Year = year;
        Kind = kind;
    }

    public int Year { get; }

    public ReportPeriodKind Kind { get; }

    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Kind.Code()}");

    /// <summary>The period in Vietnamese: "Quý I năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026", "Năm 2026".</summary>
    public string Name => Kind switch
    {
        ReportPeriodKind.Q1 => $"Quý I năm {Year}",
        ReportPeriodKind.SixMonths => $"6 tháng đầu năm {Year}",
        ReportPeriodKind.Q3 => $"Quý III năm {Year}",
        _ => $"Năm {Year}",
    };

    /// <summary>The four periods of <paramref name="year"/>, in the order they fall due.</summary>
    public static IReadOnlyList<ReportPeriod> ListFor(int year) =>
        [.. Enum.GetValues<ReportPeriodKind>().Select(kind => new ReportPeriod(year, kind))];

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        if (text is { Length: > 5 } && text[4] == '-' && text[..4].All(char.IsAsciiDigit)
            && int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture) is var year and >= MinYear)
        {
            foreach (var kind in Enum.GetValues<ReportPeriodKind>())
            {
                if (string.Equals(text[5..], kind.Code(), StringComparison.OrdinalIgnoreCase))
                {
                    period = new ReportPeriod(year, kind);
                    return true;
                }
            }
        }
        period = default;
        return false;
    }

    public static ReportPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}': {FormatError}");

    /// <summary>The data window under the province's <paramref name="settings"/>.</summary>
    public DateWindow Window(ReportPeriodSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rule = settings.For(Kind);
        return new DateWindow(rule.Start.In(rule.StartsInPreviousYear ? Year - 1 : Year), rule.End.In(Year));
    }

    /// <summary>The last day on which the unit's report reaches the province in time, under the province's <paramref name="settings"/>.</summary>
    public DateOnly Due(ReportPeriodSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.For(Kind).Due.In(Year);
    }

    public override string ToString() => Code;
}
