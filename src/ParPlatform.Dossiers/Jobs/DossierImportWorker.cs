using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Jobs;

/// <summary>Wakes the <see cref="DossierImportWorker"/> when an import is accepted (the import itself is in the database).</summary>
public sealed class AcceptedImports
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Returns when signalled (or signalled since the last wait), or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _signal.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out.
        }
    }
}

/// <summary>
/// Writes the accepted imports (<see cref="DossierCopy"/>), oldest first, from the database: when the service starts (so
/// an import it stopped writing, or had not started, is written from its staged rows), when one is accepted, and every
/// <see cref="Interval"/> (one another instance left). Keeps their job rows current: rows gone through while it writes,
/// then completed (in the writing transaction) or failed (nothing written, staged rows deleted). An import that fails
/// because the database is unavailable stays waiting and is tried again.
/// </summary>
public sealed class DossierImportWorker(AcceptedImports accepted, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DossierImportWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await WriteWaitingAsync(stoppingToken);
                await accepted.WaitAsync(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an import being written rolls back and is written again at the next start.
        }
    }

    private async Task WriteWaitingAsync(CancellationToken stoppingToken)
    {
        List<(Guid Id, string UnitCode)> waiting;
        try
        {
            await using var services = scopes.CreateAsyncScope();
            services.ServiceProvider.GetRequiredService<TenantScope>().SetAllTenants();
            var db = services.ServiceProvider.GetRequiredService<DossiersDbContext>();
            waiting = [.. (await db.ImportJobs.AsNoTracking()
                .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Writing)
                .OrderBy(j => j.StartedAt).ThenBy(j => j.Id).Select(j => new { j.Id, j.UnitCode }).ToListAsync(stoppingToken))
                .Select(j => (j.Id, j.UnitCode))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not look for imports waiting to be written; looking again in {Interval}", Interval);
            return;
        }
        foreach (var (id, unitCode) in waiting)
            await WriteAsync(id, unitCode, stoppingToken);
    }

    private async Task WriteAsync(Guid id, string unitCode, CancellationToken stoppingToken)
    {
        try
        {
            await using var services = scopes.CreateAsyncScope();
            services.ServiceProvider.GetRequiredService<TenantScope>().SetUnit(unitCode);
            var copy = services.ServiceProvider.GetRequiredService<DossierCopy>();
            var result = await copy.WriteAsync(id, clock.GetUtcNow(),
                rows => RecordAsync(id, "record its progress", UpdateAsync(unitCode, db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(j => j
                    .SetProperty(x => x.Status, ImportStatus.Writing).SetProperty(x => x.WrittenRows, rows), stoppingToken))),
                stoppingToken);
            if (result is var (written, skipped))
            {
                logger.LogInformation("Import {JobId} of unit {UnitCode}: {Written} dossiers written, {Skipped} already there", id, unitCode,
                    written, skipped);
            }
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            logger.LogWarning(e, "Import {JobId} of unit {UnitCode} could not be written now; it stays waiting", id, unitCode);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {JobId} of unit {UnitCode} failed; nothing was written", id, unitCode);
            await RecordAsync(id, "record its failure", UpdateAsync(unitCode, async db =>
            {
                db.Database.SetCommandTimeout(TimeSpan.Zero); // deleting a million staged rows takes longer than the default 30 s
                await db.Database.ExecuteSqlAsync($"DELETE FROM dossiers.dossier_import_rows WHERE job_id = {id}", CancellationToken.None);
                return await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(j => j
                    .SetProperty(x => x.Status, ImportStatus.Failed).SetProperty(x => x.WrittenRows, 0)
                    .SetProperty(x => x.Error, "Ghi vào cơ sở dữ liệu không thành công; chưa ghi hồ sơ nào. Gửi lại tệp.")
                    .SetProperty(x => x.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            }));
        }
    }

    /// <summary>Writes a job's state; a failure is logged and never stops the worker (nor undoes what was written).</summary>
    private async Task RecordAsync(Guid id, string what, Task write)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {JobId}: could not {What}", id, what);
        }
    }

    /// <summary>Runs <paramref name="update"/> on a context of its own, scoped to the unit (outside the writing transaction).</summary>
    private async Task<int> UpdateAsync(string unitCode, Func<DossiersDbContext, Task<int>> update)
    {
        await using var services = scopes.CreateAsyncScope();
        services.ServiceProvider.GetRequiredService<TenantScope>().SetUnit(unitCode);
        return await update(services.ServiceProvider.GetRequiredService<DossiersDbContext>());
    }
}
