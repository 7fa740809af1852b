using ParPlatform.SharedKernel.Reporting;
using Refit;

namespace ParPlatform.Web.Api;

public sealed record ReportPeriod(string Code, string Kind, string Name, DateOnly From, DateOnly To, DateOnly Due);

public sealed record ReportPeriods(string ProvinceCode, int Year, IReadOnlyList<ReportPeriod> Periods);

/// <summary>Where a unit stands for the period: "missing", or its report's status ("submitted", "returned", "accepted").</summary>
public sealed record UnitSubmission(
    string UnitCode, string UnitName, string Status, string? DocumentNumber, DateOnly? FirstSubmittedOn, bool? OnTime, int Versions, string? ReturnReason);

public sealed record Submissions(
    string ProvinceCode, string Period, DateOnly Due, int Units, int Submitted, int OnTime, int Late, int Returned, int Accepted, int Missing,
    Rate ReportingRate, Rate OnTimeRate, IReadOnlyList<UnitSubmission> UnitReports);

public sealed record UnitStatisticsRow(int? Rank, string UnitCode, string UnitName, StatisticsRow Statistics);

/// <summary>Form II.06a of a province for a period: its total and every unit, ranked.</summary>
public sealed record ProvinceStatistics(
    string ProvinceCode, string? Period, DateOnly From, DateOnly To, string RankBy, StatisticsRow Total, IReadOnlyList<UnitStatisticsRow> Units);

/// <summary>A province's reports and statistics, through the gateway (/api/v1/provinces/{provinceCode}/reports).</summary>
public interface IReportsApi
{
    [Get("/api/v1/provinces/{provinceCode}/reports/periods")]
    Task<ReportPeriods> PeriodsAsync(string provinceCode, int year, CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/periods/{period}/submissions")]
    Task<Submissions> SubmissionsAsync(string provinceCode, string period, CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/statistics/dossiers?rankBy=onTime")]
    Task<ProvinceStatistics> StatisticsAsync(string provinceCode, string period, CancellationToken cancellationToken);
}
