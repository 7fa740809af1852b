using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Audit;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Reporting.Apis;

public sealed record RebuildInput(string? UnitCode);

public sealed record UnitReplayResponse(string UnitCode, int? ExpectedDossiers, int ReplayedDossiers, int? ExpectedFeedback, int ReplayedFeedback);

public sealed record RebuildResponse(
    Guid Id, string Status, DateTimeOffset RequestedAt, string RequestedBy, int Units, int FinishedUnits, IReadOnlyList<UnitReplayResponse> Replaying);

/// <summary>
/// Rebuilding the read model from the source (/api/v1/admin/reports/rebuilds, platform
/// administrators; operators read): for each unit (or one), a new generation starts recording the
/// unit's events and the dossiers service is asked to publish all of the unit's data again; the
/// old generation keeps answering until the new one has received everything, then is deleted. Each start is
/// recorded in the audit log (<see cref="AuditTrail"/>).
/// </summary>
public static class RebuildsApi
{
    /// <summary>/api/v1/admin/reports/rebuilds (<see cref="ReportingApi.MapReportingApi"/>).</summary>
    public static void MapRebuilds(this RouteGroupBuilder rebuilds)
    {
        rebuilds.MapPost("", StartAsync).WithName("StartReadModelRebuild")
            .WithSummary("Rebuilds the read model of every unit (or one) from the dossiers service's data (202 with the rebuild's address)");
        rebuilds.MapGet("", async (ReportingDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await DescribeAsync(db, await db.Rebuilds.AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(20).ToListAsync(ct), ct)))
            .WithName("ListReadModelRebuilds").WithSummary("The last 20 rebuilds, newest first, with the units still replaying");
        rebuilds.MapGet("/{id:guid}", GetAsync).WithName("GetReadModelRebuild").WithSummary("A rebuild's progress");
    }

    private static async Task<Results<Ok<RebuildResponse>, ProblemHttpResult>> GetAsync(Guid id, ReportingDbContext db, CancellationToken ct) =>
        await db.Rebuilds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } rebuild
            ? TypedResults.Ok((await DescribeAsync(db, [rebuild], ct))[0])
            : ApiProblems.NotFound($"Không có lần dựng lại {id}.");

    private static async Task<Results<Accepted<RebuildResponse>, ValidationProblem>> StartAsync(
        RebuildInput? input, ClaimsPrincipal user, ReportingDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var units = db.Set<KnownUnit>().AsNoTracking();
        if (input?.UnitCode is { } only)
        {
            if (!await units.AnyAsync(u => u.UnitCode == only, ct))
                return ApiProblems.Invalid(new FieldErrors().Add("unitCode", $"Dịch vụ báo cáo không biết đơn vị {only}."));
            units = units.Where(u => u.UnitCode == only);
        }
        var targets = await units.OrderBy(u => u.UnitCode).Select(u => new { u.UnitCode, u.ProvinceCode }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rebuild = new ReadModelRebuild { RequestedAt = now, RequestedBy = Caller.Of(user).UserId, Units = targets.Count };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Rebuild requests take their turn: two at once would both create or move the same units' generations.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('reporting.rebuilds'))", ct);
        await db.Database.ExecuteSqlRawAsync(FactWrites.Turn, ct); // it deletes facts' counts, which the consumers add to
        db.Rebuilds.Add(rebuild);
        var generations = await db.UnitGenerations.ToDictionaryAsync(g => g.UnitCode, StringComparer.Ordinal, ct);
        foreach (var unit in targets)
        {
            if (!generations.TryGetValue(unit.UnitCode, out var generation))
            {
                generation = UnitGeneration.First(unit.UnitCode, unit.ProvinceCode);
                db.UnitGenerations.Add(generation);
            }
            if (generation.Building is { } abandoned)
            {
                // An earlier rebuild of the unit never finished: its rows and counts go, and its late events find no generation to fill.
                await db.DossierFacts.Where(f => f.UnitCode == unit.UnitCode && f.Generation == abandoned).ExecuteDeleteAsync(ct);
                await db.DossierDayCounts.Where(c => c.UnitCode == unit.UnitCode && c.Generation == abandoned).ExecuteDeleteAsync(ct);
                await db.DossierFieldDayCounts.Where(c => c.UnitCode == unit.UnitCode && c.Generation == abandoned).ExecuteDeleteAsync(ct);
                await db.FeedbackFacts.Where(f => f.UnitCode == unit.UnitCode && f.Generation == abandoned).ExecuteDeleteAsync(ct);
            }
            generation.StartReplay(rebuild.Id, now);
        }
        var one = input?.UnitCode is null ? null : targets[0]; // a rebuild of one unit concerns it and its province
        audit.Record(user, "read-model-rebuild.started", rebuild.Id.ToString(), before: null, new { input?.UnitCode, rebuild.Units },
            one?.UnitCode, one?.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Accepted($"/api/v1/admin/reports/rebuilds/{rebuild.Id}", (await DescribeAsync(db, [rebuild], ct))[0]);
    }

    /// <summary>Each rebuild with its units still replaying and how many finished, from one query of their units' generations.</summary>
    private static async Task<List<RebuildResponse>> DescribeAsync(ReportingDbContext db, IReadOnlyList<ReadModelRebuild> rebuilds, CancellationToken ct)
    {
        var ids = rebuilds.Select(r => r.Id).ToList();
        var generations = (await db.UnitGenerations.AsNoTracking().Where(g => g.RebuildId != null && ids.Contains(g.RebuildId.Value))
            .OrderBy(g => g.UnitCode).ToListAsync(ct)).ToLookup(g => g.RebuildId);
        return
        [
            .. rebuilds.Select(rebuild =>
            {
                var units = generations[rebuild.Id].ToList();
                var replaying = units.Where(g => g.ReplayId != null)
                    .Select(g => new UnitReplayResponse(g.UnitCode, g.ExpectedDossiers, g.ReplayedDossiers, g.ExpectedFeedback, g.ReplayedFeedback))
                    .ToList();
                return new RebuildResponse(rebuild.Id, replaying.Count == 0 ? "completed" : "replaying", rebuild.RequestedAt, rebuild.RequestedBy,
                    rebuild.Units, units.Count - replaying.Count, replaying);
            }),
        ];
    }
}
