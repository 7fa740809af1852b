using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Reporting.Data;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Reporting.Domain;
using ParPlatform.Reporting.Events;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

public sealed record UnitStatisticsResponse(
    string UnitCode, string? Period, DateOnly From, DateOnly To, StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback,
    ReadModelStatus ReadModel);

public sealed record ProvinceStatisticsResponse(
    string ProvinceCode, string? Period, DateOnly From, DateOnly To, string RankBy, StatisticsRow Total, IReadOnlyList<UnitStatisticsRow> Units,
    FeedbackStatistics Feedback, ReadModelStatus ReadModel);

/// <summary>
/// Form II.06a from the read model: for a unit (total and per field, the same numbers as the
/// dossiers service's own statistics once the events are in), and for a province (its total, Σ
/// numerators ÷ Σ denominators, and every unit ranked by a chosen rate). Each answer says how far behind the
/// sources the read model is (<see cref="ReadModelStatus"/>).
/// </summary>
public static class StatisticsApi
{
    /// <summary>/api/v1/units/{unitCode}/reports/statistics/dossiers (<see cref="ReportingApi.MapReportingApi"/>).</summary>
    public static void MapUnitStatistics(this RouteGroupBuilder statistics) =>
        statistics.MapGet("", ForUnitAsync).WithName("GetUnitDossierStatistics")
            .WithSummary("Form II.06a of a unit from the read model, for a reporting period or a date window");

    /// <summary>/api/v1/provinces/{provinceCode}/reports/statistics/dossiers (<see cref="ReportingApi.MapReportingApi"/>).</summary>
    public static void MapProvinceStatistics(this RouteGroupBuilder statistics) =>
        statistics.MapGet("", ForProvinceAsync).WithName("GetProvinceDossierStatistics")
            .WithSummary("Form II.06a of a province, with every unit ranked by a chosen rate, for a reporting period or a date window");

    private static async Task<Results<Ok<UnitStatisticsResponse>, ValidationProblem, ProblemHttpResult>> ForUnitAsync(
        string unitCode, string? period, string? from, string? to, IUnitDirectory units, ProvincePeriodsStore periods,
        ReportingStatisticsQuery statistics, ConsumerQueues queues, ReadModelLag lag, CancellationToken ct)
    {
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return ApiProblems.NotFound($"Dịch vụ báo cáo chưa nhận được đơn vị {unitCode} từ danh mục.");
        var (window, code, errors) = await PeriodsApi.WindowAsync(period, from, to, province, periods, ct);
        if (window is not { } w)
            return ApiProblems.Invalid(errors);
        var (total, fields, feedback) = await statistics.ForUnitAsync(unitCode, w, ct);
        return TypedResults.Ok(new UnitStatisticsResponse(unitCode, code, w.From, w.To, total, fields, feedback, ReadModelStatus.Of(queues, lag)));
    }

    private static async Task<Results<Ok<ProvinceStatisticsResponse>, ValidationProblem>> ForProvinceAsync(
        string provinceCode, string? period, string? from, string? to, string? rankBy, ProvincePeriodsStore periods,
        ReportingStatisticsQuery statistics, ConsumerQueues queues, ReadModelLag lag, CancellationToken ct)
    {
        var rate = rankBy ?? ProvinceRanking.DefaultRate;
        var (window, code, errors) = await PeriodsApi.WindowAsync(period, from, to, provinceCode, periods, ct);
        if (!ProvinceRanking.Rates.ContainsKey(rate))
            errors.Add("rankBy", $"Xếp hạng theo một trong: {string.Join(", ", ProvinceRanking.Rates.Keys)}.");
        if (window is not { } w || errors.Any)
            return ApiProblems.Invalid(errors);
        var (total, units, feedback) = await statistics.ForProvinceAsync(provinceCode, w, ct);
        return TypedResults.Ok(new ProvinceStatisticsResponse(
            provinceCode, code, w.From, w.To, rate, total, ProvinceRanking.Rank(units, rate), feedback, ReadModelStatus.Of(queues, lag)));
    }
}
