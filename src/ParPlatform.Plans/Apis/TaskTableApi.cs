using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Plans.Apis;

/// <summary>
/// The task-table import: a CSV or XLSX file in the shape of seed 002's appendix replaces a draft's tasks, checked whole
/// (one bad row answers 400 with every bad row's line, column and reason, and nothing is written).
/// </summary>
public static class TaskTableApi
{
    /// <summary>Largest task table accepted: 5 MB.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> ImportAsync(
        string unitCode, Guid id, HttpRequest request, PlanStore store, PlansDbContext db, IOptions<PlansOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = PlanRoute.Unit(unitCode);
        if (await store.OwnerAsync(route, ct) is not { } owner)
            return PlanStore.UnknownUnit(route);
        var plan = await owner.Plans(db).Include(p => p.Tasks).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return PlanStore.PlanNotFound(id);
        var rows = new List<(int, TaskTableRow)>();
        var upload = await request.ReadImportAsync<TaskTableRow>(MaxBytes, options.Value.MaxImportRows, (row, cells) => rows.Add((row, cells)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var names = await store.BodyNamesAsync(owner, ct);
        var (tasks, problems) = TaskTable.Build(rows, new BodyNames(names));
        upload.Problems.Add(problems);
        if (upload.Problems.Count > 0)
            return upload.BadRows("nhiệm vụ");
        plan.ReplaceTasks(tasks, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PlanResponse.From(plan, names));
    }
}
