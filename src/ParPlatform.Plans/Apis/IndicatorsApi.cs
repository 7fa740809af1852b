using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Plans;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Plans.Apis;

/// <summary>A unit's row of the province's view of plans for a year.</summary>
/// <param name="PlanStatus">"issued", "draft", or "none" (no plan of the unit's own covers the year).</param>
/// <param name="AgencyPlansDueDate">The date by which the unit's plan has its agencies file theirs (28/02 in Tam Thanh's).</param>
/// <param name="AgencyPlansIssued">Its agencies' plans issued for the year.</param>
public sealed record UnitPlansRow(
    int Rank, string UnitCode, string UnitName, string PlanStatus, Guid? PlanId, string? Reference, DateOnly? IssueDate,
    DateOnly? AgencyPlansDueDate, int AgencyPlansIssued,
    int TasksDue, int TasksDone, int TasksOverdue, decimal? CompletionRate);

/// <summary>The province's units for <paramref name="Year"/> as of <paramref name="AsOf"/>, ranked by completion rate (units with nothing due last).</summary>
public sealed record ProvincePlansOverview(int Year, DateOnly AsOf, IReadOnlyList<UnitPlansRow> Units);

/// <summary>
/// The plans' indicators. A task counts when it belongs to a unit's own plan in force (issued, not superseded), is not
/// cancelled, and its due date falls in the period: <c>Plans.TaskCompletionRate</c> is those done by their due date ÷ those;
/// <c>Plans.ProvinceAssignedTaskCompletionRate</c> the same over the province-assigned ones. Ongoing tasks and tasks with no
/// due date yet do not count.
/// </summary>
public static class IndicatorsApi
{
    public const string TaskCompletionRate = "Plans.TaskCompletionRate";
    public const string ProvinceAssignedTaskCompletionRate = "Plans.ProvinceAssignedTaskCompletionRate";

    public static async Task<Results<Ok<List<IndicatorValue>>, ValidationProblem>> UnitAsync(
        string unitCode, string? from, string? to, PlansDbContext db, CancellationToken ct)
    {
        var (window, errors) = DateQuery.ParseWindow(from, to);
        if (window is not { } w)
            return ApiProblems.Invalid(errors);
        var counts = await Counted(db, w.From, w.To).Where(t => t.UnitCode == unitCode)
            .GroupBy(t => t.ProvinceAssigned)
            .Select(g => new { Assigned = g.Key, Due = g.Count(), Done = g.Count(t => t.CompletedOn != null && t.CompletedOn <= t.DueDate) })
            .ToListAsync(ct);
        var assigned = counts.SingleOrDefault(c => c.Assigned);
        return TypedResults.Ok<List<IndicatorValue>>(
        [
            Value(TaskCompletionRate, counts.Sum(c => c.Done), counts.Sum(c => c.Due)),
            Value(ProvinceAssignedTaskCompletionRate, assigned?.Done ?? 0, assigned?.Due ?? 0),
        ]);
    }

    public static async Task<Results<Ok<ProvincePlansOverview>, ValidationProblem>> ProvinceOverviewAsync(
        string provinceCode, int? year, PlansDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (year is not (>= 2000 and <= 2100))
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        var y = year.Value;
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var units = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode)
            .Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.ProvinceCode == provinceCode && p.UnitCode != null && p.FromYear <= y && p.ToYear >= y && p.Status != PlanStatus.Superseded)
            .Select(p => new { p.UnitCode, p.AgencyCode, p.Id, p.Status, p.Number, p.Symbol, p.IssueDate, p.AgencyPlansDueDate, p.CreatedAt })
            .ToListAsync(ct);
        var yearEnd = new DateOnly(y, 12, 31);
        var dueBy = today.AddDays(-1) < yearEnd ? today.AddDays(-1) : yearEnd;
        var tasks = await Counted(db, new DateOnly(y, 1, 1), dueBy).Where(t => t.ProvinceCode == provinceCode)
            .GroupBy(t => t.UnitCode)
            .Select(g => new
            {
                UnitCode = g.Key!,
                Due = g.Count(),
                Done = g.Count(t => t.CompletedOn != null && t.CompletedOn <= t.DueDate),
                Overdue = g.Count(t => t.Status != PlanTaskStatus.Done),
            })
            .ToDictionaryAsync(t => t.UnitCode, ct);
        var rows = units.Select(unit =>
        {
            var own = plans.Where(p => p.UnitCode == unit.UnitCode && p.AgencyCode == null)
                .OrderBy(p => p.Status == PlanStatus.Issued ? 0 : 1).ThenByDescending(p => p.CreatedAt).FirstOrDefault();
            var counted = tasks.GetValueOrDefault(unit.UnitCode);
            return new UnitPlansRow(0, unit.UnitCode, unit.UnitName, own is null ? "none" : EnumNames.Name(own.Status), own?.Id,
                own is null ? null : $"{own.Number}/{own.Symbol}", own?.IssueDate, own?.AgencyPlansDueDate,
                plans.Count(p => p.UnitCode == unit.UnitCode && p.AgencyCode != null && p.Status == PlanStatus.Issued),
                counted?.Due ?? 0, counted?.Done ?? 0, counted?.Overdue ?? 0, Rate(counted?.Done ?? 0, counted?.Due ?? 0));
        })
            .OrderBy(r => r.CompletionRate is null ? 1 : 0).ThenByDescending(r => r.CompletionRate).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return TypedResults.Ok(new ProvincePlansOverview(y, today, rows));
    }

    /// <summary>The tasks that count for a period (see the class).</summary>
    private static IQueryable<PlanTask> Counted(PlansDbContext db, DateOnly from, DateOnly to) =>
        db.Tasks.AsNoTracking().Where(t => t.UnitCode != null && t.DueDate >= from && t.DueDate <= to && t.Status != PlanTaskStatus.Cancelled
            && db.Plans.Any(p => p.Id == t.PlanId && p.Status == PlanStatus.Issued && p.AgencyCode == null));

    private static IndicatorValue Value(string code, int done, int due) => new(code, done, due, Rate(done, due));

    private static decimal? Rate(int done, int due) => due == 0 ? null : Math.Round(100m * done / due, 2);
}
