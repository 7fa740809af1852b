using ParPlatform.Dossiers.Data;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers.Apis;

public sealed record StatisticsResponse(
    string UnitCode, DateOnly From, DateOnly To, StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback);

/// <summary>GET /api/v1/units/{unitCode}/dossiers/statistics?from=yyyy-MM-dd&amp;to=yyyy-MM-dd: form II.06a with its rates.</summary>
public static class StatisticsApi
{
    public static void MapStatisticsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/units/{unitCode}/dossiers/statistics", async (
            string unitCode, string? from, string? to, DossierStatisticsQuery statistics, CancellationToken ct) =>
        {
            var (window, errors) = DateQuery.ParseWindow(from, to);
            if (window is not { } w)
                return ApiProblems.Invalid(errors);
            var (total, fields, feedback) = await statistics.RunAsync(unitCode, w, ct);
            return TypedResults.Ok(new StatisticsResponse(unitCode, w.From, w.To, total, fields, feedback));
        });
}
