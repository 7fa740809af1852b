using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// Form II.06a from the read model (<see cref="DossierStatisticsSql"/> over the facts): for a unit
/// per field, as the dossiers service computes it; for a province per unit, every unit it knows.
/// </summary>
public sealed class ReportingStatisticsQuery(ReportingDbContext db, TimeProvider clock)
{
    /// <summary>The facts of each unit's active generation (a unit never rebuilt is at generation 0).</summary>
    public static readonly DossierStatisticsTables Tables = new(ActiveRows("reporting.dossier_facts"), ActiveRows("reporting.feedback_facts"));

    /// <summary>A unit's table, as the dossiers service computes it from its own rows.</summary>
    public async Task<UnitStatistics> ForUnitAsync(string unitCode, DateWindow window, CancellationToken cancellationToken) =>
        (await RunAsync("unit_code", unitCode, "field", window, cancellationToken)).ByField();

    /// <summary>The province's total and one row per unit it knows (a unit without dossiers is a row of zeros), with their names.</summary>
    public async Task<(StatisticsRow Total, IReadOnlyList<(string UnitCode, string UnitName, StatisticsRow Statistics)> Units, FeedbackStatistics Feedback)>
        ForProvinceAsync(string provinceCode, DateWindow window, CancellationToken cancellationToken)
    {
        var counts = await RunAsync("province_code", provinceCode, "unit_code", window, cancellationToken);
        var units = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode)
            .Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(cancellationToken);
        var names = units.ToDictionary(u => u.UnitCode, u => u.UnitName, StringComparer.Ordinal);
        var rows = names.Keys.Union(counts.Groups.Keys)
            .Select(code => (code, names.GetValueOrDefault(code) ?? code,
                StatisticsRow.From(null, counts.Groups.GetValueOrDefault(code) ?? new DossierCounts())))
            .ToList();
        return (StatisticsRow.From(null, counts.Total), rows, counts.Feedback);
    }

    /// <summary>
    /// The counts of every unit of a scope (a unit or a province: <paramref name="scopeColumn"/> unit_code or province_code)
    /// by unit and field, keyed "unit/field", and each unit's feedback over the window.
    /// </summary>
    public async Task<(IReadOnlyDictionary<(string UnitCode, string Field), DossierCounts> Counts, IReadOnlyDictionary<string, FeedbackStatistics> Feedback)>
        ByUnitAndFieldAsync(string scopeColumn, string scopeCode, DateWindow window, CancellationToken cancellationToken)
    {
        var counts = await RunAsync(scopeColumn, scopeCode, "unit_code || '/' || field", window, cancellationToken);
        var byUnitAndField = counts.Groups.ToDictionary(g => (g.Key[..g.Key.IndexOf('/', StringComparison.Ordinal)], g.Key[(g.Key.IndexOf('/', StringComparison.Ordinal) + 1)..]), g => g.Value);
        var feedback = new Dictionary<string, FeedbackStatistics>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // the SQL is built from this class's constants (table and column names), never from input
            command.CommandText = $"""
                SELECT unit_code,
                  count(*) FILTER (WHERE received_at >= @start AND received_at < @end),
                  count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end),
                  count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end AND resolved_within_deadline)
                FROM {Tables.Feedback}
                WHERE {scopeColumn} = @scope AND received_at < @end AND (resolved_at IS NULL OR resolved_at >= @start)
                GROUP BY unit_code
                """;
#pragma warning restore CA2100
            command.Parameters.Add(new Npgsql.NpgsqlParameter("scope", scopeCode));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("start", window.Start));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("end", window.End));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (resolved, within) = (reader.GetInt64(2), reader.GetInt64(3));
                feedback[reader.GetString(0)] = new FeedbackStatistics(reader.GetInt64(1), resolved, within, Rate.Of(within, resolved));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return (byUnitAndField, feedback);
    }

    private static string ActiveRows(string table) => $"""
        (SELECT f.* FROM {table} f LEFT JOIN reporting.unit_generations g ON g.unit_code = f.unit_code
         WHERE f.generation = coalesce(g.active, 0)) AS facts
        """;

    private async Task<DossierStatisticsCounts> RunAsync(
        string scopeColumn, string scopeCode, string groupColumn, DateWindow window, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            return await DossierStatisticsSql.RunAsync(
                db.Database.GetDbConnection(), Tables, scopeColumn, scopeCode, groupColumn, window, clock.GetUtcNow(), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
