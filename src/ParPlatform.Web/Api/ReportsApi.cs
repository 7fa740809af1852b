using ParPlatform.SharedKernel.Reporting;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>A period the province collects reports for: statutory (Q1, 6M, Q3, Y), a month (M) or an ad hoc report (DX).</summary>
public sealed record ReportPeriod(string Code, string Kind, string Name, DateOnly From, DateOnly To, DateOnly Due);

public sealed record ReportPeriods(string ProvinceCode, int Year, IReadOnlyList<ReportPeriod> Periods)
{
    /// <summary>The years whose periods may have started by <paramref name="today"/>: last year's, this year's, and next year's (its Q1 starts on 01/12).</summary>
    public static IReadOnlyList<int> YearsAround(DateOnly today) => [today.Year - 1, today.Year, today.Year + 1];

    /// <summary>The periods whose data window has started, the latest due first.</summary>
    public static IReadOnlyList<ReportPeriod> Started(IEnumerable<ReportPeriod> periods, DateOnly today) =>
        [.. periods.Where(p => p.From <= today).OrderByDescending(p => p.Due).ThenByDescending(p => p.From)];

    /// <summary>The period to show: <paramref name="wanted"/> when it is one of them, else the report due next, else the latest.</summary>
    public static string? Choose(IReadOnlyList<ReportPeriod> started, string? wanted, DateOnly today) =>
        started.FirstOrDefault(p => string.Equals(p.Code, wanted, StringComparison.OrdinalIgnoreCase))?.Code
        ?? started.Where(p => p.Due >= today).MinBy(p => p.Due)?.Code
        ?? (started.Count > 0 ? started[0].Code : null);
}

/// <summary>The province's period windows as the API answers them: its own once saved, else the defaults.</summary>
public sealed record PeriodSettings(string ProvinceCode, ReportPeriodSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>An ad hoc report the province calls for: its name (read after "công tác cải cách hành chính"), data window and due date.</summary>
public sealed record AdHocPeriodInput(string? Name, DateOnly? From, DateOnly? To, DateOnly? Due);

/// <summary>Where a unit stands for the period: "missing", or its report's status ("submitted", "returned", "accepted").</summary>
public sealed record UnitSubmission(
    string UnitCode, string UnitName, string Status, string? DocumentNumber, DateOnly? FirstSubmittedOn, bool? OnTime, int Versions, string? ReturnReason);

public sealed record Submissions(
    string ProvinceCode, string Period, DateOnly Due, int Units, int Submitted, int OnTime, int Late, int Returned, int Accepted, int Missing,
    Rate ReportingRate, Rate OnTimeRate, IReadOnlyList<UnitSubmission> UnitReports);

public sealed record UnitStatisticsRow(int? Rank, string UnitCode, string UnitName, StatisticsRow Statistics);

/// <summary>Form II.06a of a province for a period: its total and every unit, ranked.</summary>
public sealed record ProvinceStatistics(
    string ProvinceCode, string? Period, DateOnly From, DateOnly To, string RankBy, StatisticsRow Total, IReadOnlyList<UnitStatisticsRow> Units)
{
    /// <summary>The months of <paramref name="today"/>'s year up to its own, each from its 1st to its last day (to today for the month under way).</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> MonthsSoFar(DateOnly today) =>
    [
        .. Enumerable.Range(1, today.Month).Select(month => new DateOnly(today.Year, month, 1))
            .Select(first => (From: first, To: first.Month == today.Month ? today : first.AddMonths(1).AddDays(-1))),
    ];
}

/// <summary>The text under a heading of the unit's report (empty when not written).</summary>
public sealed record NarrativePart(string Key, string Heading, string Text);

/// <summary>An entered fact of the period, as entered ("value") and as the report prints it ("text"); nulls when not entered.</summary>
public sealed record ReportFact(string Code, string SectionKey, string Label, string Measure, decimal? Value, bool AtLeast, string? Text, string? Evidence);

/// <summary>A submission of the report and the province's decision ("returned" with its reason, "accepted", or null while it waits).</summary>
public sealed record ReportVersionSummary(
    int Number, string DocumentNumber, DateOnly SubmittedOn, DateOnly Due, bool OnTime, string SubmittedBy, string? Decision, string? ReturnReason,
    DateTimeOffset? DecidedAt);

/// <summary>An agency's part of the unit's report under a heading: its text, when written, and when sent to the unit (null: the agency's draft).</summary>
public sealed record AgencyPart(string AgencyCode, string SectionKey, string Text, DateTimeOffset WrittenAt, DateTimeOffset? SentAt);

/// <summary>
/// A unit's report of a period as it stands: the period's name and data window, "draft", "submitted", "returned" or "accepted"; the
/// parts its agencies wrote for it.
/// </summary>
public sealed record UnitReport(
    string UnitCode, string Period, string PeriodName, DateOnly From, DateOnly To, string Status, DateOnly Due, IReadOnlyList<NarrativePart> Narrative, IReadOnlyList<ReportFact> Facts,
    IReadOnlyList<AgencyPart> AgencyParts, IReadOnlyList<ReportVersionSummary> Versions, string? ReturnReason);

/// <summary>
/// An indicator's value for the unit and the period: source "computed" (from the services' records) or "entered" (by the unit);
/// measure "rate" (numerator ÷ denominator, in percent), "count" (the numerator) or "change" (in percent against the denominator,
/// the baseline); nulls when there is nothing to count.
/// </summary>
public sealed record IndicatorValue(string Code, string Name, string Source, string Measure, decimal? Numerator, decimal? Denominator, decimal? Value);

/// <summary>The indicator catalogue's values for a unit and a period, as of a date (the due date, or today before it).</summary>
public sealed record ReportIndicators(string UnitCode, string Period, DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>An entered indicator: a rate's or a change's numerator and denominator, a count's value as the numerator alone.</summary>
public sealed record IndicatorInput(decimal? Numerator, decimal? Denominator, string? Evidence);

/// <summary>The computed number the unit replaced, and why.</summary>
public sealed record FigureOverride(decimal Computed, string Reason, string By, DateTimeOffset At);

/// <summary>A figure the report prints from the services' records, over its own time base: a number, a date or a text.</summary>
public sealed record ComputedFigure(string Code, string Label, string TimeBase, decimal? Number, DateOnly? Date, string? Text, FigureOverride? Override);

public sealed record ReportFigures(string UnitCode, string Period, DateOnly AsOf, IReadOnlyList<ComputedFigure> Figures);

public sealed record FigureOverrideInput(decimal? Value, string? Reason);

public sealed record NarrativeInput(string? Text);

public sealed record FactInput(decimal? Value, bool? AtLeast, string? Evidence);

/// <summary>The chairman's submission: the document's number and symbol, both optional (the next number, "BC-UBND").</summary>
public sealed record SubmitInput(int? Sequence, string? Symbol);

/// <summary>The version a submission made (the API also answers its content, which the page does not read).</summary>
public sealed record SubmittedVersion(ReportVersionSummary Version);

/// <summary>What differs between two submitted versions, by its path in the report ("narrative[II.2.1].text").</summary>
public sealed record VersionChange(string Path, string? Before, string? After);

public sealed record ReturnInput(string? Reason);

/// <summary>A unit's place in the province's ranking (none without data) and its targets met, not met and without data.</summary>
public sealed record RankedScorecard(int? Rank, string UnitCode, string UnitName, int Targets, int Met, int NotMet, int NoData, Rate MetRate);

/// <summary>The province's scorecards of a period, ranked by the share of targets met.</summary>
public sealed record ProvinceScorecard(string ProvinceCode, string Period, DateOnly AsOf, IReadOnlyList<RankedScorecard> Units);

/// <summary>A unit's periodic report, through the gateway (/api/v1/units/{unitCode}/reports/periods/{period}).</summary>
public interface IUnitReportsApi
{
    /// <summary>The periods of the unit's province in a year: statutory, monthly when it collects them, ad hoc.</summary>
    [Get("/api/v1/units/{unitCode}/reports/periods")]
    Task<ReportPeriods> PeriodsAsync(string unitCode, int year, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/reports/periods/{period}")]
    Task<UnitReport> GetAsync(string unitCode, string period, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/reports/periods/{period}/figures")]
    Task<ReportFigures> FiguresAsync(string unitCode, string period, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/reports/periods/{period}/figures/{code}/override")]
    Task<ComputedFigure> OverrideAsync(string unitCode, string period, string code, [Body] FigureOverrideInput input, CancellationToken cancellationToken);

    [Delete("/api/v1/units/{unitCode}/reports/periods/{period}/figures/{code}/override")]
    Task RestoreAsync(string unitCode, string period, string code, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/reports/periods/{period}/narrative/{key}")]
    Task<UnitReport> WriteAsync(string unitCode, string period, string key, [Body] NarrativeInput input, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/reports/periods/{period}/facts/{code}")]
    Task<ReportFact> EnterAsync(string unitCode, string period, string code, [Body] FactInput input, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/reports/periods/{period}/indicators")]
    Task<ReportIndicators> IndicatorsAsync(string unitCode, string period, CancellationToken cancellationToken);

    /// <summary>Enters an indicator no service computes (the unit's officers and chairman, while the report is open).</summary>
    [Put("/api/v1/units/{unitCode}/reports/periods/{period}/indicators/{code}")]
    Task<IndicatorValue> EnterIndicatorAsync(string unitCode, string period, string code, [Body] IndicatorInput input, CancellationToken cancellationToken);

    /// <summary>An agency's officer writes the agency's part under a heading (403 for anyone else).</summary>
    [Put("/api/v1/units/{unitCode}/reports/periods/{period}/agencies/{agencyCode}/parts/{key}")]
    Task<UnitReport> WriteAgencyPartAsync(string unitCode, string period, string agencyCode, string key, [Body] NarrativeInput input, CancellationToken cancellationToken);

    /// <summary>An agency's officer sends the agency's parts to the unit.</summary>
    [Post("/api/v1/units/{unitCode}/reports/periods/{period}/agencies/{agencyCode}/send")]
    Task<UnitReport> SendAgencyPartsAsync(string unitCode, string period, string agencyCode, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/reports/periods/{period}/submit")]
    Task<SubmittedVersion> SubmitAsync(string unitCode, string period, [Body] SubmitInput input, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/reports/periods/{period}/versions/compare")]
    Task<IReadOnlyList<VersionChange>> CompareAsync(
        string unitCode, string period, [AliasAs("from")] int before, [AliasAs("to")] int after, CancellationToken cancellationToken);

    /// <summary>The report as it stands, as a Word document (before it is submitted: no number, today's figures).</summary>
    [Get("/api/v1/units/{unitCode}/reports/periods/{period}/document")]
    Task<ApiResponse<Stream>> PreviewAsync(string unitCode, string period, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/reports/periods/{period}/versions/{number}/document")]
    Task<ApiResponse<Stream>> DocumentAsync(string unitCode, string period, int number, CancellationToken cancellationToken);
}

/// <summary>A province's reports and statistics, through the gateway (/api/v1/provinces/{provinceCode}/reports).</summary>
public interface IReportsApi
{
    [Get("/api/v1/provinces/{provinceCode}/reports/periods")]
    Task<ReportPeriods> PeriodsAsync(string provinceCode, int year, CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/period-settings")]
    Task<PeriodSettings> PeriodSettingsAsync(string provinceCode, CancellationToken cancellationToken);

    [Put("/api/v1/provinces/{provinceCode}/reports/period-settings")]
    Task<PeriodSettings> SavePeriodSettingsAsync(string provinceCode, [Body] ReportPeriodSettings settings, CancellationToken cancellationToken);

    [Post("/api/v1/provinces/{provinceCode}/reports/ad-hoc-periods")]
    Task<ReportPeriod> CallAdHocAsync(string provinceCode, [Body] AdHocPeriodInput input, CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/periods/{period}/submissions")]
    Task<Submissions> SubmissionsAsync(string provinceCode, string period, CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/statistics/dossiers?rankBy=onTime")]
    Task<ProvinceStatistics> StatisticsAsync(string provinceCode, string period, CancellationToken cancellationToken);

    /// <summary>Form II.06a of the province over a window of days (both included), as for a period.</summary>
    [Get("/api/v1/provinces/{provinceCode}/reports/statistics/dossiers")]
    Task<ProvinceStatistics> StatisticsBetweenAsync(
        string provinceCode, [AliasAs("from"), Query(Format = "yyyy-MM-dd")] DateOnly first, [AliasAs("to"), Query(Format = "yyyy-MM-dd")] DateOnly last,
        CancellationToken cancellationToken);

    [Get("/api/v1/provinces/{provinceCode}/reports/periods/{period}/scorecard")]
    Task<ProvinceScorecard> ScorecardAsync(string provinceCode, string period, CancellationToken cancellationToken);

    [Post("/api/v1/provinces/{provinceCode}/reports/periods/{period}/units/{unitCode}/return")]
    Task<ReportVersionSummary> ReturnAsync(string provinceCode, string period, string unitCode, [Body] ReturnInput input, CancellationToken cancellationToken);

    [Post("/api/v1/provinces/{provinceCode}/reports/periods/{period}/units/{unitCode}/accept")]
    Task<ReportVersionSummary> AcceptAsync(string provinceCode, string period, string unitCode, CancellationToken cancellationToken);

    /// <summary>The province's consolidated report of the period as a Word document.</summary>
    [Get("/api/v1/provinces/{provinceCode}/reports/periods/{period}/document")]
    Task<ApiResponse<Stream>> DocumentAsync(string provinceCode, string period, CancellationToken cancellationToken);
}
