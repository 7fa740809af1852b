using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Jobs;

/// <summary>
/// Marks the open dossiers of every unit that passed their due date (<see cref="Dossier.IsOverdueAt"/>) and
/// publishes <c>DossierOverdue</c> for each, once: the mark and the event commit together, and a
/// marked dossier is never picked again. Batches are locked with SKIP LOCKED, so two instances
/// share the work.
/// </summary>
public sealed class OverdueScan(DossiersDbContext db, TenantScope scope, IOutbox outbox)
{
    public const int BatchSize = 500;

    private static readonly string[] OpenStatuses = [.. DossierLifecycle.Open.Select(s => EnumNames.Stored(s))];

    /// <summary>Marks every dossier overdue at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        scope.SetAllTenants();
        var marked = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.Dossiers
                .FromSql($"""
                    SELECT *, xmin FROM dossiers.dossiers
                    WHERE overdue_at IS NULL AND finished_at IS NULL AND due_at < {now} AND (paused_at IS NULL OR due_at < paused_at)
                      AND status = ANY({OpenStatuses})
                    ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            foreach (var dossier in batch)
            {
                dossier.OverdueAt = now;
                outbox.Add(dossier.OverdueEvent(), dossier.Id.ToString());
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            marked += batch.Count;
            if (batch.Count < BatchSize)
                return marked;
        }
    }
}

/// <summary>Runs <see cref="OverdueScan"/> every <see cref="DossiersOptions.OverdueScanSeconds"/>.</summary>
public sealed class OverdueJob(IServiceScopeFactory scopes, IOptions<DossiersOptions> options, TimeProvider clock, ILogger<OverdueJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.OverdueScanSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var services = scopes.CreateAsyncScope();
                var marked = await services.ServiceProvider.GetRequiredService<OverdueScan>().RunAsync(clock.GetUtcNow(), stoppingToken);
                if (marked > 0)
                    logger.LogInformation("{Count} dossiers passed their due date and were marked overdue", marked);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The overdue scan failed; it runs again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
