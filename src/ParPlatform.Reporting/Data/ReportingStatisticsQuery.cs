using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// Form II.06a from the read model: for a unit per field, as the dossiers service computes it, from the unit's facts; for a
/// province per unit, every unit it knows, from the counts kept per unit and day (<see cref="Domain.DossierDayCount"/>), and for
/// the scorecard per unit and field (<see cref="Domain.DossierFieldDayCount"/>), with the few facts open at the window's start or
/// end, which answer what a scan of the province's facts would (docs/decisions/0004).
/// </summary>
public sealed class ReportingStatisticsQuery(ReportingDbContext db, TimeProvider clock)
{
    /// <summary>The facts of each unit's active generation (a unit never rebuilt is at generation 0).</summary>
    public static readonly DossierStatisticsTables Tables = new(ActiveRows("reporting.dossier_facts"), ActiveRows("reporting.feedback_facts"));

    /// <summary>The largest class of <see cref="Domain.DossierFact.OpenDaysClass"/> under a bound: class k is under 2^k days.</summary>
    private const int LongestBoundedClass = 15;

    /// <summary>
    /// <see cref="Domain.DossierFact.OpenDaysClass"/>: the bucket of finished_at − received_at among 1, 2, 4 … 2^15 days (width_bucket
    /// counts the bounds at or under it), null while the dossier is open.
    /// </summary>
    public static readonly string OpenDaysClassSql = $"width_bucket(finished_at - received_at, ARRAY[{string.Join(", ",
        Enumerable.Range(0, LongestBoundedClass + 1).Select(k => $"'{1 << k} days'"))}]::interval[])";

    /// <summary>A unit's table, as the dossiers service computes it from its own rows.</summary>
    public async Task<UnitStatistics> ForUnitAsync(string unitCode, DateWindow window, CancellationToken cancellationToken) =>
        (await RunAsync(DossierStatisticsSql.Queries(Tables, "unit_code", "field"), unitCode, window, cancellationToken)).ByField();

    /// <summary>The province's total and one row per unit it knows (a unit without dossiers is a row of zeros), with their names.</summary>
    public async Task<(StatisticsRow Total, IReadOnlyList<(string UnitCode, string UnitName, StatisticsRow Statistics)> Units, FeedbackStatistics Feedback)>
        ForProvinceAsync(string provinceCode, DateWindow window, CancellationToken cancellationToken)
    {
        var counts = await RunAsync(Queries("province_code"), provinceCode, window, cancellationToken);
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
    /// The window's columns of every unit of a scope (a unit or a province: <paramref name="scopeColumn"/> unit_code or province_code)
    /// and of each unit in each of <paramref name="fields"/> — received, resolved, returned, ratings…, all that the rates read
    /// (<see cref="DossierRates"/>; carried over and pending left incomplete, <see cref="WindowQueries"/>) — and each unit's feedback.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, DossierCounts> Units, IReadOnlyDictionary<(string UnitCode, string Field), DossierCounts> Fields,
        IReadOnlyDictionary<string, FeedbackStatistics> Feedback)>
        WindowCountsAsync(string scopeColumn, string scopeCode, IReadOnlyList<string> fields, DateWindow window, CancellationToken cancellationToken)
    {
        var feedback = new Dictionary<string, FeedbackStatistics>(StringComparer.Ordinal);
        DossierStatisticsCounts counts;
        await db.Database.OpenConnectionAsync(cancellationToken); // once for both reads (RunAsync's own open is counted, not repeated)
        try
        {
            counts = await RunAsync(WindowQueries(scopeColumn, fields), scopeCode, window, cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // the SQL is built from this class's constants (table and column names), never from input
            command.CommandText = DossierStatisticsSql.FeedbackSql(Tables.Feedback, scopeColumn, "unit_code");
#pragma warning restore CA2100
            command.Parameters.Add(new Npgsql.NpgsqlParameter("scope", scopeCode));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("start", window.Start));
            command.Parameters.Add(new Npgsql.NpgsqlParameter("end", window.End));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                feedback[reader.GetString(0)] = FeedbackStatistics.Of(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var units = counts.Groups.Where(g => !g.Key.Contains('/', StringComparison.Ordinal)).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        var byUnitAndField = counts.Groups.Where(g => g.Key.Contains('/', StringComparison.Ordinal))
            .ToDictionary(g => g.Key.Split('/', 2) is [var unit, var field] ? (unit, field) : default, g => g.Value);
        return (units, byUnitAndField, feedback);
    }

    /// <summary>
    /// The statements over the counts of the units whose <paramref name="scopeColumn"/> (province_code or unit_code) is @scope,
    /// a row per unit, or <paramref name="byField"/> a row per unit and field keyed "unit/field": the window's days' counts (received,
    /// finished, rated in it); carried over and pending from the facts open at the window's start and at its end; and the form's counts of the facts finished before they were received, which no day
    /// counts. A unit whose counts are all zero has no dossier in the population nor a rating in the window, and is left out, as
    /// the scan of the facts leaves it out.
    /// </summary>
    public static DossierStatisticsQueries Queries(string scopeColumn, bool byField = false)
    {
        var grouping = byField ? ByField : ByUnit;
        return Statements([DaySums(scopeColumn, grouping), OpenAtEdges(scopeColumn, grouping.FactsKey), FinishedBeforeReceived(scopeColumn, grouping.FactsKey)], scopeColumn);
    }

    /// <summary>
    /// The window's columns (received, resolved, returned, ratings…: what the rates read, <see cref="DossierRates"/>) of every unit
    /// of a scope, keyed "unit", and of each unit in each of <paramref name="fields"/>, keyed "unit/field"; carried over and pending
    /// left incomplete (the facts open at the window's edges are not read).
    /// </summary>
    public static DossierStatisticsQueries WindowQueries(string scopeColumn, IReadOnlyList<string> fields) => Statements(
        [
            DaySums(scopeColumn, ByUnit), DaySums(scopeColumn, ByField, "c.field = ANY(@fields)"),
            FinishedBeforeReceived(scopeColumn, ByUnit.FactsKey), FinishedBeforeReceived(scopeColumn, ByField.FactsKey, "f.field = ANY(@fields)"),
        ],
        scopeColumn) with { Parameters = new Dictionary<string, object> { ["fields"] = fields.ToArray() } };

    /// <summary>
    /// Where a group's counts are kept, and its key: over the counts (aliased c) the key and the columns it is grouped by (grouping by
    /// the columns hashes them, not the longer key made of them), and over the facts.
    /// </summary>
    private sealed record Grouping(string Counts, string Key, string GroupBy, string FactsKey);

    /// <summary>A row per unit.</summary>
    private static readonly Grouping ByUnit = new("reporting.dossier_day_counts", "c.unit_code", "c.unit_code", "unit_code");

    /// <summary>A row per unit and field, keyed "unit/field".</summary>
    private static readonly Grouping ByField =
        new("reporting.dossier_field_day_counts", "c.unit_code || '/' || c.field", "c.unit_code, c.field", "unit_code || '/' || field");

    /// <summary>The form's columns and ratings of each group, summed over <paramref name="parts"/>, and the scope's feedback.</summary>
    private static DossierStatisticsQueries Statements(IEnumerable<string> parts, string scopeColumn) =>
        new(DossierStatisticsSql.Summed(parts), DossierStatisticsSql.FeedbackSql(Tables.Feedback, scopeColumn))
        {
            // A few thousand rows each: starting parallel workers costs more than it saves (measured on a busy 2-core machine: a
            // Gather of the open dossiers started in 88 ms of its 187; 27–40 ms for the whole statement without).
            Settings = "SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off; SET LOCAL max_parallel_workers_per_gather = 0",
        };

    /// <summary>
    /// The window's days' counts (received, finished, rated in it: one pass for the form's columns and the ratings) by <paramref name="grouping"/>;
    /// carried over and pending zero.
    /// </summary>
    private static string DaySums(string scopeColumn, Grouping grouping, string condition = "true") => $"""
        SELECT {grouping.Key}, 0, sum(c.received_online), sum(c.received_other), sum(c.resolved_early), sum(c.resolved_on_time), sum(c.resolved_late),
          0, 0, sum(c.returned), sum(c.electronic_results), sum(c.digitised), sum(c.with_fees), sum(c.paid_online), sum(c.late_with_apology),
          sum(c.very_satisfied), sum(c.satisfied), sum(c.not_satisfied)
        FROM {ActiveCounts(scopeColumn, grouping.Counts)} AND {condition}
        GROUP BY {grouping.GroupBy}
        """;

    /// <summary>Carried over and pending, from the facts open at the window's start and at its end, by <paramref name="factsGroup"/>.</summary>
    private static string OpenAtEdges(string scopeColumn, string factsGroup) => $"""
        SELECT {factsGroup}, count(*) FILTER (WHERE {OpenAt("@start")}), 0, 0, 0, 0, 0,
          count(*) FILTER (WHERE {OpenAt("@end")} AND NOT {DossierStatisticsSql.PastDue}),
          count(*) FILTER (WHERE {OpenAt("@end")} AND {DossierStatisticsSql.PastDue}), 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM {Tables.Dossiers}
        WHERE {scopeColumn} = @scope AND ({Opened("@start")} OR {Opened("@end")})
        GROUP BY {factsGroup}
        """;

    /// <summary>The form's counts of the facts finished before they were received, which no day counts (their ratings are in the days').</summary>
    private static string FinishedBeforeReceived(string scopeColumn, string factsGroup, string condition = "true") =>
        DossierStatisticsSql.CountsSql(ActiveRows("reporting.dossier_facts", $"f.finished_at < f.received_at AND {condition}"), scopeColumn, factsGroup);

    /// <summary>A dossier open at <paramref name="instant"/>: received before it, not finished before it (the scan's carried over and pending).</summary>
    private static string OpenAt(string instant) => $"received_at < {instant} AND (finished_at IS NULL OR finished_at >= {instant})";

    /// <summary>
    /// The dossiers that can be open at <paramref name="instant"/>, by ranges of the index on (province, open_days_class, received_at):
    /// those still open, received before it; those open under 2^k days, received in the 2^k days before it; the longer ones. Only
    /// leakproof comparisons of columns, which PostgreSQL uses in an index under row-level security (a range's @> it does not).
    /// </summary>
    private static string Opened(string instant) => "(" + string.Join(" OR ",
        [
            $"(open_days_class IS NULL AND received_at < {instant})",
            .. Enumerable.Range(0, LongestBoundedClass + 1).Select(k =>
                $"(open_days_class = {k} AND received_at > {instant} - interval '{1 << k} days' AND received_at < {instant})"),
            $"(open_days_class = {LongestBoundedClass + 1} AND received_at < {instant})",
        ]) + $") AND {OpenAt(instant)}";

    private static string ActiveRows(string table, string condition = "true") => $"""
        (SELECT f.* FROM {table} f LEFT JOIN reporting.unit_generations g ON g.unit_code = f.unit_code
         WHERE f.generation = coalesce(g.active, 0) AND {condition}) AS facts
        """;

    /// <summary>The counts of the window's days (Vietnam time, as the window's instants are) of the active generations in the scope.</summary>
    private static string ActiveCounts(string scopeColumn, string counts) => $"""
        {counts} c LEFT JOIN reporting.unit_generations g ON g.unit_code = c.unit_code
          WHERE c.{scopeColumn} = @scope AND c.generation = coalesce(g.active, 0)
            AND c.day >= (@start AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND c.day < (@end AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
        """;

    private async Task<DossierStatisticsCounts> RunAsync(
        DossierStatisticsQueries queries, string scopeCode, DateWindow window, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            return await DossierStatisticsSql.RunAsync(db.Database.GetDbConnection(), queries, scopeCode, window, clock.GetUtcNow(), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
