using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// A change of a unit's procedure catalogue (an import, a procedure added or changed, deactivated included) saved with the
/// <see cref="ProcedureCatalogueChanged"/> that counts the catalogue as it then is, in one transaction. The changes of one
/// unit's catalogue take turns (a lock of the catalogue from <see cref="ChangeAsync"/> to the commit): each one's checks see
/// every change committed before it, each event counts them, and the unit's events are published in that order.
/// </summary>
public sealed class ProcedureCatalogue(DossiersDbContext db, IOutbox outbox, TimeProvider clock)
{
    /// <summary>The key that orders a unit's catalogue events, and names the lock of its catalogue.</summary>
    public static string EventKey(string unitCode) => $"procedures:{unitCode}";

    /// <summary>Starts a change of the unit's catalogue: a transaction that has the catalogue to itself until it ends.</summary>
    public async Task<IDbContextTransaction> ChangeAsync(string unitCode, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({EventKey(unitCode)}, 0))", ct);
        return transaction;
    }

    /// <summary>Saves the change, then the event of the unit's active procedures as they now are, and commits both.</summary>
    public async Task CommitAsync(IDbContextTransaction transaction, string unitCode, string provinceCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await db.SaveChangesAsync(ct);
        var active = await db.Procedures.Where(p => p.UnitCode == unitCode && p.Active).Select(p => new { p.OnlineLevel, p.InterLevel }).ToListAsync(ct);
        outbox.Add(new ProcedureCatalogueChanged
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, OccurredAt = clock.GetUtcNow(), ActiveProcedures = active.Count,
            FullyOnline = active.Count(p => p.OnlineLevel == OnlineLevel.Full), PartlyOnline = active.Count(p => p.OnlineLevel == OnlineLevel.Partial),
            InterLevel = active.Count(p => p.InterLevel),
        }, EventKey(unitCode));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
