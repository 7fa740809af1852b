using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Jobs;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Dossiers.Jobs;

/// <summary>
/// Marks the dossiers of every unit that passed their due date (<see cref="Dossier.MarkOverdue"/>, which raises
/// <c>DossierOverdue</c>), once: the mark and the event commit together, and a marked dossier is never picked
/// again. Batches are locked with SKIP LOCKED, so two instances share the work.
/// </summary>
public sealed class OverdueScan(DossiersDbContext db, TenantScope scope) : IPeriodicScan
{
    public const int BatchSize = 500;

    /// <summary>The unmarked dossiers overdue at @as_of (<see cref="DossierStatisticsSql.PastDue"/>), a batch of them, locked.</summary>
    private static readonly string BatchSql = $"""
        SELECT *, xmin FROM dossiers.dossiers
        WHERE overdue_at IS NULL AND finished_at IS NULL AND {DossierStatisticsSql.PastDue}
        ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Marks every dossier overdue at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        scope.SetAllTenants();
        var marked = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // the SQL is this class's constant; the instant is a parameter
            var batch = await db.Dossiers.FromSqlRaw(BatchSql, new NpgsqlParameter("as_of", now)).ToListAsync(cancellationToken);
#pragma warning restore EF1002
            var changed = batch.Count(dossier => dossier.MarkOverdue(now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            marked += changed;
            if (batch.Count < BatchSize)
                return marked;
        }
    }
}
