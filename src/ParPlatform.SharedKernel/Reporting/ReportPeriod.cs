using System.Globalization;

namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// The period of one CCHC report (kỳ báo cáo): a kind in a year, e.g. quý I năm 2026, and for a month or an ad hoc report its
/// number. Its <see cref="Code"/>, used in URLs, is the four-digit year, a hyphen and the kind's code: "2026-Q1", "2026-6M",
/// "2026-Q3", "2026-Y", "2026-M03" (March), "2026-DX01" (the province's first ad hoc report of 2026); parsed regardless of
/// case, a number with one digit or two. The year is the one in which the data window ends; a window may start in the year
/// before. The dates of the statutory and monthly periods come from the province's <see cref="ReportPeriodSettings"/>; an ad
/// hoc period's are the province's data, set when it calls for the report.
/// </summary>
public readonly record struct ReportPeriod
{
    public const int MinYear = 1000;

    public const int MaxYear = 9999;

    /// <summary>The highest number of an ad hoc report in a year.</summary>
    public const int MaxAdHocNumber = 99;

    public const string FormatError =
        "Kỳ báo cáo có dạng năm-kỳ: 2026-Q1 (quý I), 2026-6M (6 tháng đầu năm), 2026-Q3 (quý III), 2026-Y (năm), " +
        "2026-M03 (tháng 3) hoặc 2026-DX01 (báo cáo đột xuất số 1).";

    /// <param name="number">The month (1–12) of a <see cref="ReportPeriodKind.Month"/>, the number (1–99) of an
    /// <see cref="ReportPeriodKind.AdHoc"/> report in its year; 0 for the other kinds.</param>
    public ReportPeriod(int year, ReportPeriodKind kind, int number = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        var highest = kind switch { ReportPeriodKind.Month => 12, ReportPeriodKind.AdHoc => MaxAdHocNumber, _ => 0 };
        if (kind.IsNumbered() ? number < 1 || number > highest : number != 0)
            throw new ArgumentOutOfRangeException(nameof(number), number, null);
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }

    public ReportPeriodKind Kind { get; }

    /// <summary>The month of a monthly period, the number of an ad hoc one; 0 for the statutory periods.</summary>
    public int Number { get; }

    public string Code => Kind.IsNumbered()
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}-{Kind.Code()}{Number:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-{Kind.Code()}");

    /// <summary>
    /// The period in Vietnamese: "Quý I năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026", "Năm 2026", "Tháng 3 năm 2026",
    /// "Đột xuất số 1 năm 2026" (an ad hoc report is printed under the name the province gave it).
    /// </summary>
    public string Name => Kind switch
    {
        ReportPeriodKind.Q1 => $"Quý I năm {Year}",
        ReportPeriodKind.SixMonths => $"6 tháng đầu năm {Year}",
        ReportPeriodKind.Q3 => $"Quý III năm {Year}",
        ReportPeriodKind.Month => $"Tháng {Number} năm {Year}",
        ReportPeriodKind.AdHoc => $"Đột xuất số {Number} năm {Year}",
        _ => $"Năm {Year}",
    };

    /// <summary>The four statutory periods of <paramref name="year"/>, in the order they fall due.</summary>
    public static IReadOnlyList<ReportPeriod> ListFor(int year) =>
        [.. ReportPeriodKinds.Statutory.Select(kind => new ReportPeriod(year, kind))];

    /// <summary>The twelve months of <paramref name="year"/>.</summary>
    public static IReadOnlyList<ReportPeriod> MonthsOf(int year) =>
        [.. Enumerable.Range(1, 12).Select(month => new ReportPeriod(year, ReportPeriodKind.Month, month))];

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is not { Length: > 5 } || text[4] != '-' || !text[..4].All(char.IsAsciiDigit)
            || int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture) is not (var year and >= MinYear))
            return false;
        var rest = text[5..];
        foreach (var kind in Enum.GetValues<ReportPeriodKind>())
        {
            var code = kind.Code();
            if (!kind.IsNumbered())
            {
                if (string.Equals(rest, code, StringComparison.OrdinalIgnoreCase))
                {
                    period = new ReportPeriod(year, kind);
                    return true;
                }
                continue;
            }
            var digits = rest.Length > code.Length && rest.StartsWith(code, StringComparison.OrdinalIgnoreCase) ? rest[code.Length..] : "";
            if (digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit)
                && int.Parse(digits, CultureInfo.InvariantCulture) is var number and >= 1
                && number <= (kind == ReportPeriodKind.Month ? 12 : MaxAdHocNumber))
            {
                period = new ReportPeriod(year, kind, number);
                return true;
            }
        }
        return false;
    }

    public static ReportPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}': {FormatError}");

    /// <summary>
    /// The data window under the province's <paramref name="settings"/>, for a period they cover
    /// (<see cref="ReportPeriodSettings.Covers"/>: a statutory one, a month when the province collects monthly reports).
    /// </summary>
    public DateWindow Window(ReportPeriodSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Kind == ReportPeriodKind.Month)
            return Monthly(settings).Window(Year, Number);
        var rule = settings.For(Kind);
        return new DateWindow(rule.Start.In(rule.StartsInPreviousYear ? Year - 1 : Year), rule.End.In(Year));
    }

    /// <summary>
    /// The last day on which the unit's report reaches the province in time, under the province's <paramref name="settings"/>,
    /// for a period they cover (<see cref="ReportPeriodSettings.Covers"/>).
    /// </summary>
    public DateOnly Due(ReportPeriodSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Kind == ReportPeriodKind.Month ? Monthly(settings).Due(Year, Number) : settings.For(Kind).Due.In(Year);
    }

    private static MonthlyReportRule Monthly(ReportPeriodSettings settings) =>
        settings.Monthly ?? throw new InvalidOperationException("The province does not collect monthly reports: its settings have no monthly rule.");

    public override string ToString() => Code;
}
