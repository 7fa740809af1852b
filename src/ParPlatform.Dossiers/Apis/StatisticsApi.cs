using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Dossiers.Data;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers.Apis;

public sealed record StatisticsResponse(
    string UnitCode, DateOnly From, DateOnly To, StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback);

/// <summary>GET /api/v1/units/{unitCode}/dossiers/statistics?from=yyyy-MM-dd&amp;to=yyyy-MM-dd: form II.06a with its rates.</summary>
public static class StatisticsApi
{
    /// <summary>…/dossiers/statistics (<see cref="DossiersApi.MapDossiersApi"/>).</summary>
    public static void MapStatistics(this RouteGroupBuilder statistics) =>
        statistics.MapGet("", GetAsync).WithName("GetDossierStatistics")
            .WithSummary("Form II.06a of the unit for a date window: dossiers received, resolved, on time and overdue, by field, and feedback");

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem>> GetAsync(
        string unitCode, string? from, string? to, DossierStatisticsQuery statistics, CancellationToken ct)
    {
        var (window, errors) = DateQuery.ParseWindow(from, to);
        if (window is not { } w)
            return ApiProblems.Invalid(errors);
        var (total, fields, feedback) = await statistics.RunAsync(unitCode, w, ct);
        return TypedResults.Ok(new StatisticsResponse(unitCode, w.From, w.To, total, fields, feedback));
    }
}
