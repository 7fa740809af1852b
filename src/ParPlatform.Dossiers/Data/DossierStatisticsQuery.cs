using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Dossiers.Data;

/// <summary>Form II.06a for a unit over a window, straight from its dossier rows (<see cref="DossierStatisticsSql"/>), per field and in total.</summary>
public sealed class DossierStatisticsQuery(DossiersDbContext db, TimeProvider clock)
{
    public static readonly DossierStatisticsTables Tables = new("dossiers.dossiers", "dossiers.feedback");

    /// <summary>Fields in Vietnamese alphabetical order ("Đất đai" after "Chứng thực", before "Hộ tịch").</summary>
    public static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);

    /// <summary>The total row and one row per field (in Vietnamese alphabetical order), and the feedback figures.</summary>
    public async Task<(StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback)> RunAsync(
        string unitCode, DateWindow window, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            var counts = await DossierStatisticsSql.RunAsync(
                db.Database.GetDbConnection(), Tables, "unit_code", unitCode, "field", window, clock.GetUtcNow(), cancellationToken);
            return (StatisticsRow.From(null, counts.Total),
                [.. counts.Groups.OrderBy(c => c.Key, VietnameseOrder).Select(c => StatisticsRow.From(c.Key, c.Value))],
                counts.Feedback);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
