namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// The CCHC reports a unit sends its province: the four statutory ones of each year, in the order they fall due, then the
/// monthly ones (when the province collects them) and the ad hoc ones (đột xuất) the province calls for.
/// </summary>
public enum ReportPeriodKind
{
    /// <summary>Quý I, code "Q1".</summary>
    Q1,

    /// <summary>6 tháng đầu năm, code "6M".</summary>
    SixMonths,

    /// <summary>Quý III, code "Q3".</summary>
    Q3,

    /// <summary>Năm, code "Y".</summary>
    Year,

    /// <summary>A month, code "M" and the month's number: "M03" is March.</summary>
    Month,

    /// <summary>Đột xuất, code "DX" and the province's number of it in the year: "DX01".</summary>
    AdHoc,
}

public static class ReportPeriodKinds
{
    /// <summary>The four reports of every year (DOMAIN.md section 8), in the order they fall due.</summary>
    public static IReadOnlyList<ReportPeriodKind> Statutory { get; } =
        [ReportPeriodKind.Q1, ReportPeriodKind.SixMonths, ReportPeriodKind.Q3, ReportPeriodKind.Year];

    /// <summary>Whether a period of this kind carries a number: the month, or the ad hoc report's number in its year.</summary>
    public static bool IsNumbered(this ReportPeriodKind kind) => kind is ReportPeriodKind.Month or ReportPeriodKind.AdHoc;

    /// <summary>The kind's code in a period's code ("2026-6M", "2026-M03", "2026-DX01"): Q1, 6M, Q3, Y, M or DX.</summary>
    public static string Code(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Q1 => "Q1",
        ReportPeriodKind.SixMonths => "6M",
        ReportPeriodKind.Q3 => "Q3",
        ReportPeriodKind.Year => "Y",
        ReportPeriodKind.Month => "M",
        ReportPeriodKind.AdHoc => "DX",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind in Vietnamese, as in "báo cáo quý I": quý I, 6 tháng đầu năm, quý III, năm, tháng or đột xuất.</summary>
    public static string Label(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Q1 => "quý I",
        ReportPeriodKind.SixMonths => "6 tháng đầu năm",
        ReportPeriodKind.Q3 => "quý III",
        ReportPeriodKind.Year => "năm",
        ReportPeriodKind.Month => "tháng",
        ReportPeriodKind.AdHoc => "đột xuất",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
