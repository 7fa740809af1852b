using Microsoft.EntityFrameworkCore;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Dossiers.Data;

/// <summary>Form II.06a for a unit over a window, straight from its dossier rows (<see cref="DossierStatisticsSql"/>), per field and in total.</summary>
public sealed class DossierStatisticsQuery(DossiersDbContext db, TimeProvider clock)
{
    private static readonly DossierStatisticsTables Tables = new("dossiers.dossiers", "dossiers.feedback");

    public async Task<UnitStatistics> RunAsync(string unitCode, DateWindow window, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            var counts = await DossierStatisticsSql.RunAsync(
                db.Database.GetDbConnection(), Tables, "unit_code", unitCode, "field", window, clock.GetUtcNow(), cancellationToken);
            return counts.ByField();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
