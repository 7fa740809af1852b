using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Jobs;

/// <summary>A checked import waiting to be written.</summary>
public sealed record ImportWork(Guid JobId, string UnitCode, IReadOnlyList<Dossier> Dossiers);

/// <summary>The imports this instance accepted, written one after another by <see cref="DossierImportWorker"/>.</summary>
public sealed class AcceptedImports
{
    private readonly Channel<ImportWork> _channel = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ImportWork work) => _channel.Writer.TryWrite(work);

    public IAsyncEnumerable<ImportWork> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Marks failed the imports left "writing" by an instance that stopped (its accepted rows were only
/// in its memory): those started more than <see cref="After"/> ago, when an import takes a minute or two.
/// </summary>
public sealed class AbandonedImports(DossiersDbContext db, TenantScope scope)
{
    public static readonly TimeSpan After = TimeSpan.FromMinutes(30);

    /// <summary>How often a running service looks for them (and once when it starts).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task<int> MarkFailedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        scope.SetAllTenants();
        var before = now - After;
        return await db.ImportJobs.Where(j => j.Status == ImportStatus.Writing && j.StartedAt < before).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, ImportStatus.Failed).SetProperty(x => x.WrittenRows, 0)
            .SetProperty(x => x.Error, "Dịch vụ dừng khi đang ghi; chưa ghi hồ sơ nào. Gửi lại tệp.")
            .SetProperty(x => x.FinishedAt, now), cancellationToken);
    }
}

/// <summary>
/// Writes accepted imports (<see cref="DossierCopy"/>) and keeps their job rows current: rows
/// written so far while it runs, then completed (written, skipped) or failed (nothing written).
/// Meanwhile, every <see cref="AbandonedImports.Interval"/>, marks the <see cref="AbandonedImports"/> failed.
/// </summary>
public sealed class DossierImportWorker(
    AcceptedImports queue, DossierCopy copy, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DossierImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepAbandonedAsync(stoppingToken);
        await WriteAcceptedAsync(stoppingToken);
        await sweeping;
    }

    private async Task SweepAbandonedAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AbandonedImports.Interval, clock);
        try
        {
            do
            {
                await RecordAsync(null, "mark the abandoned imports failed", MarkAbandonedAsync(stoppingToken));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WriteAcceptedAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            int written, skipped;
            try
            {
                (written, skipped) = await copy.WriteAsync(work.JobId, work.UnitCode, work.Dossiers, clock.GetUtcNow(),
                    rows => RecordAsync(work, "record its progress",
                        UpdateAsync(work, jobs => jobs.ExecuteUpdateAsync(j => j.SetProperty(x => x.WrittenRows, rows), stoppingToken))),
                    stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import {JobId} of unit {UnitCode} failed; nothing was written", work.JobId, work.UnitCode);
                await RecordAsync(work, "record its failure", UpdateAsync(work, jobs => jobs.ExecuteUpdateAsync(j => j
                    .SetProperty(x => x.Status, ImportStatus.Failed).SetProperty(x => x.WrittenRows, 0)
                    .SetProperty(x => x.Error, "Ghi vào cơ sở dữ liệu không thành công; chưa ghi hồ sơ nào. Gửi lại tệp.")
                    .SetProperty(x => x.FinishedAt, clock.GetUtcNow()), CancellationToken.None)));
                continue;
            }
            logger.LogInformation("Import {JobId} of unit {UnitCode}: {Written} dossiers written, {Skipped} already there", work.JobId, work.UnitCode,
                written, skipped);
            await RecordAsync(work, "record its completion", UpdateAsync(work, jobs => jobs.ExecuteUpdateAsync(j => j
                .SetProperty(x => x.Status, ImportStatus.Completed).SetProperty(x => x.WrittenRows, written)
                .SetProperty(x => x.SkippedRows, skipped).SetProperty(x => x.FinishedAt, clock.GetUtcNow()), CancellationToken.None)));
        }
    }

    /// <summary>Writes a job's state; a failure is logged and never stops the worker (nor undoes what was written).</summary>
    private async Task RecordAsync(ImportWork? work, string what, Task write)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {JobId}: could not {What}", work?.JobId, what);
        }
    }

    private async Task<int> UpdateAsync(ImportWork work, Func<IQueryable<DossierImportJob>, Task<int>> update)
    {
        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantScope>().SetUnit(work.UnitCode);
        var db = services.ServiceProvider.GetRequiredService<DossiersDbContext>();
        return await update(db.ImportJobs.Where(j => j.Id == work.JobId));
    }

    private async Task<int> MarkAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<AbandonedImports>().MarkFailedAsync(clock.GetUtcNow(), cancellationToken);
    }
}
