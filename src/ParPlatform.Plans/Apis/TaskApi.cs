using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Plans;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Plans.Apis;

/// <summary>A unit's tasks once its plan is issued: progress updates, due dates the province sets; and the unit's bodies and its province's targets.</summary>
public static class TaskApi
{
    public static async Task<Results<Ok<List<ProgressResponse>>, ProblemHttpResult>> ProgressAsync(
        string unitCode, Guid id, Guid taskId, PlansDbContext db, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.UnitCode == unitCode && t.PlanId == id && t.Id == taskId, ct))
            return TaskNotFound(taskId);
        var progress = await db.Progress.AsNoTracking().Where(p => p.TaskId == taskId).OrderBy(p => p.RecordedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(progress.Select(ProgressResponse.From).ToList());
    }

    public static async Task<Results<Ok<TaskResponse>, ValidationProblem, ProblemHttpResult>> RecordProgressAsync(
        string unitCode, Guid id, Guid taskId, ProgressInput input, PlansDbContext db, PlanStore store, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(http);
        var errors = new FieldErrors();
        var status = EnumNames.Parse<PlanTaskStatus>(input.Status);
        if (status is null)
            errors.Add("status", $"Trạng thái là {string.Join(", ", EnumNames.All<PlanTaskStatus>().Select(n => $"\"{n}\""))}.");
        if (input.Date is null)
            errors.Add("date", "Không được để trống.");
        if (input.Note is { Length: > 2000 })
            errors.Add("note", "Tối đa 2000 ký tự.");
        if (input.Evidence is { Length: > 1000 })
            errors.Add("evidence", "Tối đa 1000 ký tự.");
        if (input.Reason is { Length: > 2000 })
            errors.Add("reason", "Tối đa 2000 ký tự.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.UnitCode == unitCode && t.PlanId == id && t.Id == taskId, ct);
        if (task is null)
            return TaskNotFound(taskId);
        var planStatus = await db.Plans.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(ct);
        var now = clock.GetUtcNow();
        db.Progress.Add(task.RecordProgress(planStatus, status!.Value, input.Date!.Value, Trim(input.Note), Trim(input.Evidence), Trim(input.Reason),
            Caller.Of(http.User).UserId, now, WorkingCalendar.VietnamDate(now)));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TaskResponse.From(task, await store.BodyNamesAsync(unitCode, ct)));
    }

    public static async Task<Results<Ok<TaskResponse>, ValidationProblem, ProblemHttpResult>> SetDueDateAsync(
        string unitCode, Guid id, Guid taskId, DueDateInput input, PlansDbContext db, PlanStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DueDate is null)
            return ApiProblems.Invalid(new FieldErrors().Add("dueDate", "Không được để trống."));
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.UnitCode == unitCode && t.PlanId == id && t.Id == taskId, ct);
        if (task is null)
            return TaskNotFound(taskId);
        task.SetDueDate(input.DueDate.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TaskResponse.From(task, await store.BodyNamesAsync(unitCode, ct)));
    }

    public static async Task<Results<Ok<List<UnitBodyResponse>>, ProblemHttpResult>> BodiesAsync(string unitCode, PlansDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.UnitBodies.AsNoTracking().Where(b => b.UnitCode == unitCode).OrderBy(b => b.AgencyCode)
            .Select(b => new UnitBodyResponse(b.AgencyCode, b.Name, b.Kind)).ToListAsync(ct));

    public static async Task<Results<Ok<List<TargetResponse>>, ProblemHttpResult>> ProvinceTargetsAsync(string unitCode, PlanStore store, CancellationToken ct)
    {
        var route = PlanRoute.Unit(unitCode);
        if (await store.OwnerAsync(route, ct) is not { } owner)
            return PlanStore.UnknownUnit(route);
        return TypedResults.Ok((await store.ProvinceTargetsAsync(owner.ProvinceCode, null, ct)).Select(TargetResponse.From).ToList());
    }

    private static ProblemHttpResult TaskNotFound(Guid taskId) => ApiProblems.NotFound($"Không có nhiệm vụ {taskId} trong kế hoạch này.");

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
