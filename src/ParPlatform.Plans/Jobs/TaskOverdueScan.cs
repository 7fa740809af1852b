using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults.Jobs;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Plans.Jobs;

/// <summary>
/// Marks the tasks of every unit's issued plans whose due date passed undone (<see cref="PlanTask.MarkOverdue"/>, which raises
/// <c>TaskOverdue</c>), once: the mark and the event commit together, and a marked task is never picked again. Batches are
/// locked with SKIP LOCKED, so two instances share the work. "Today" is the date in Vietnam.
/// </summary>
public sealed class TaskOverdueScan(PlansDbContext db, TenantScope scope) : IPeriodicScan
{
    public const int BatchSize = 500;

    private static readonly string BatchSql = $"""
        SELECT t.*, t.xmin FROM plans.plan_tasks t
        JOIN plans.plans p ON p.id = t.plan_id AND p.status = {EnumNames.SqlLiteral(PlanStatus.Issued)}
        WHERE t.overdue_on IS NULL AND t.completed_on IS NULL AND t.due_date IS NOT NULL AND t.due_date < @today AND t.unit_code IS NOT NULL
          AND t.status <> {EnumNames.SqlLiteral(Contracts.Plans.PlanTaskStatus.Cancelled)}
        ORDER BY t.due_date LIMIT {BatchSize} FOR UPDATE OF t SKIP LOCKED
        """;

    /// <summary>Marks every task overdue at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        scope.SetAllTenants();
        var today = WorkingCalendar.VietnamDate(now);
        var marked = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // the SQL is this class's constant; the day is a parameter
            var batch = await db.Tasks.FromSqlRaw(BatchSql, new NpgsqlParameter("today", today)).ToListAsync(cancellationToken);
#pragma warning restore EF1002
            var changed = batch.Count(task => task.MarkOverdue(today, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            marked += changed;
            if (batch.Count < BatchSize)
                return marked;
        }
    }
}
