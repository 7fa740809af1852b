namespace ParPlatform.SharedKernel.Reporting;

/// <summary>The periodic CCHC reports a unit sends its province each year, in the order they fall due.</summary>
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
}

public static class ReportPeriodKinds
{
    /// <summary>The kind's code in a period's code ("2026-6M"): Q1, 6M, Q3 or Y.</summary>
    public static string Code(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Q1 => "Q1",
        ReportPeriodKind.SixMonths => "6M",
        ReportPeriodKind.Q3 => "Q3",
        ReportPeriodKind.Year => "Y",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind in Vietnamese, as in "báo cáo quý I": quý I, 6 tháng đầu năm, quý III or năm.</summary>
    public static string Label(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Q1 => "quý I",
        ReportPeriodKind.SixMonths => "6 tháng đầu năm",
        ReportPeriodKind.Q3 => "quý III",
        ReportPeriodKind.Year => "năm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
