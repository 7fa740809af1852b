using System.Data;
using System.Data.Common;
using System.Globalization;
using ParPlatform.Contracts.Dossiers;

namespace ParPlatform.SharedKernel.Reporting;

/// <summary>Where the dossier rows are read: the dossiers service's own tables or the reporting read model (same columns).</summary>
/// <param name="Dossiers">A table (or an aliased subquery) with the columns of dossiers.dossiers that the statistics read.</param>
/// <param name="Feedback">A table (or an aliased subquery) with unit_code, province_code, received_at, resolved_at, resolved_within_deadline.</param>
public sealed record DossierStatisticsTables(string Dossiers, string Feedback);

/// <summary>What <see cref="DossierStatisticsSql.RunAsync"/> answers: the total, the counts of each group, and feedback.</summary>
public sealed record DossierStatisticsCounts(DossierCounts Total, IReadOnlyDictionary<string, DossierCounts> Groups, FeedbackStatistics Feedback)
{
    /// <summary>Fields in Vietnamese alphabetical order ("Đất đai" after "Chứng thực", before "Hộ tịch").</summary>
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);

    /// <summary>A unit's table, its groups being its fields: the total row and one row per field in Vietnamese order.</summary>
    public UnitStatistics ByField() => new(
        StatisticsRow.From(null, Total), [.. Groups.OrderBy(g => g.Key, VietnameseOrder).Select(g => StatisticsRow.From(g.Key, g.Value))], Feedback);
}

/// <summary>
/// The two statements <see cref="DossierStatisticsSql.RunAsync(DbConnection, DossierStatisticsQueries, string, DateWindow, DateTimeOffset, CancellationToken)"/>
/// runs: <paramref name="Counts"/> a row per group with the form's 14 counts and the 3 ratings (<see cref="DossierStatisticsSql.Columns"/>, as
/// <see cref="DossierStatisticsSql.Summed"/> answers), <paramref name="Feedback"/> one row as <see cref="DossierStatisticsSql.FeedbackSql"/> answers.
/// </summary>
public sealed record DossierStatisticsQueries(string Counts, string Feedback)
{
    /// <summary>
    /// The settings of the snapshot they run in. The groups are counted in a hash table (a province's 250,000 rows: no sort
    /// spilling to disk; measured 245 ms → 190 ms), which the planner picks with room for it and no sort to choose.
    /// </summary>
    public string Settings { get; init; } = "SET LOCAL work_mem = '64MB'; SET LOCAL enable_sort = off";

    /// <summary>More parameters the statements read, by name, besides @scope, @start, @end and @as_of.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>();
}

/// <summary>A unit's form II.06a over a window: the total row, one row per field, and the feedback figures.</summary>
public sealed record UnitStatistics(StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback);

/// <summary>
/// Form II.06a in one scan of the dossiers open during a window, grouped (by field, or by unit), the
/// total being the groups' sum: the one definition both the dossiers service and reporting use, so their numbers agree.
/// The population is every dossier received before the window ends and not finished before it
/// starts; each falls in exactly one of resolved, returned (finished in the window) or pending (not
/// finished by its end). Pending is overdue when its due instant is before the window's end (or now,
/// for a window not over yet) and before the supplement request that stopped its clock, if one did.
/// </summary>
public static class DossierStatisticsSql
{
    /// <summary>
    /// An unfinished dossier is overdue at @as_of when this holds: its due instant is before @as_of and before the
    /// supplement request that stopped its clock, if one did (least ignores a null). The SQL form of the dossiers
    /// service's one definition (Dossier.OverdueDefinition), used by its overdue scan too; a test checks they agree.
    /// </summary>
    public const string PastDue = "due_at < least(@as_of, paused_at)";

    /// <summary>Counts the dossiers whose <paramref name="scopeColumn"/> (unit_code or province_code) is <paramref name="scopeCode"/>, grouped by <paramref name="groupColumn"/>.</summary>
    public static Task<DossierStatisticsCounts> RunAsync(
        DbConnection connection, DossierStatisticsTables tables, string scopeColumn, string scopeCode, string groupColumn, DateWindow window,
        DateTimeOffset now, CancellationToken cancellationToken) => RunAsync(connection, Queries(tables, scopeColumn, groupColumn), scopeCode, window, now, cancellationToken);

    /// <summary>The statements that scan the rows of <paramref name="tables"/>: the form's counts and the ratings in one.</summary>
    public static DossierStatisticsQueries Queries(DossierStatisticsTables tables, string scopeColumn, string groupColumn)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new(Summed([CountsSql(tables.Dossiers, scopeColumn, groupColumn), RatingsSql(tables.Dossiers, scopeColumn, groupColumn)]),
            FeedbackSql(tables.Feedback, scopeColumn));
    }

    /// <summary>The 17 columns every part of a counts statement answers after its group, in this order: the form's 14 counts, then the 3 ratings.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "carried_over", "received_online", "received_other", "resolved_early", "resolved_on_time", "resolved_late", "pending_within", "pending_overdue",
        "returned", "electronic_results", "digitised", "with_fees", "paid_online", "late_with_apology", "very_satisfied", "satisfied", "not_satisfied",
    ];

    /// <summary>
    /// One counts statement from its <paramref name="parts"/> (each a group and the 17 <see cref="Columns"/>): each group's columns summed over
    /// the parts, the groups whose sums are all zero left out.
    /// </summary>
    public static string Summed(IEnumerable<string> parts) => $"""
        SELECT grp, {string.Join(", ", Columns.Select(c => $"sum({c})::bigint"))}
        FROM (
          {string.Join("\n  UNION ALL\n", parts)}
        ) AS parts (grp, {string.Join(", ", Columns)})
        GROUP BY grp
        HAVING ({string.Join(", ", Columns.Select(c => $"sum({c})"))}) <> ({string.Join(", ", Columns.Select(_ => "0"))})
        """;

    /// <summary>
    /// The same answer from other statements (<see cref="DossierStatisticsQueries"/>, e.g. counts kept per day), run in one snapshot with the
    /// parameters @scope, @start and @end (the window's instants) and @as_of (its end, or now for a window not over yet).
    /// </summary>
    public static async Task<DossierStatisticsCounts> RunAsync(
        DbConnection connection, DossierStatisticsQueries queries, string scopeCode, DateWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(queries);
        var groups = new Dictionary<string, DossierCounts>(StringComparer.Ordinal);
        var asOf = window.End < now ? window.End : now;
        // One snapshot for the two statements, with their settings.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var settings = connection.CreateCommand())
        {
            settings.Transaction = transaction;
            settings.CommandText = queries.Settings;
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var command = Command(transaction, queries.Counts, queries.Parameters, scopeCode, window, asOf))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups[reader.GetString(0)] = new DossierCounts
                {
                    CarriedOver = reader.GetInt64(1), ReceivedOnline = reader.GetInt64(2), ReceivedInPersonOrPostal = reader.GetInt64(3),
                    ResolvedEarly = reader.GetInt64(4), ResolvedOnTime = reader.GetInt64(5), ResolvedLate = reader.GetInt64(6),
                    PendingWithinDeadline = reader.GetInt64(7), PendingOverdue = reader.GetInt64(8), ReturnedWithdrawnNotEligible = reader.GetInt64(9),
                    ElectronicResults = reader.GetInt64(10), Digitised = reader.GetInt64(11), WithFees = reader.GetInt64(12),
                    PaidOnline = reader.GetInt64(13), LateWithApology = reader.GetInt64(14),
                    VerySatisfied = reader.GetInt64(15), Satisfied = reader.GetInt64(16), NotSatisfied = reader.GetInt64(17),
                };
            }
        }
        // Every dossier is in exactly one group: the total is their sum (what lets PostgreSQL count in parallel).
        var total = groups.Values.Aggregate(new DossierCounts(), (sum, counts) => sum.Plus(counts));
        FeedbackStatistics feedback;
        await using (var command = Command(transaction, queries.Feedback, queries.Parameters, scopeCode, window, asOf))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            feedback = FeedbackStatistics.Of(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        await transaction.CommitAsync(cancellationToken);
        return new DossierStatisticsCounts(total, groups, feedback);
    }

    // The stored names the counts compare with, from the members themselves (the dossiers service stores
    // SharedKernel's Timeliness, reporting DossierTimeliness: their members have the same names, which a test checks).
    private static readonly string Online = EnumNames.SqlLiteral(DossierChannel.Online);
    private static readonly string Early = EnumNames.SqlLiteral(DossierTimeliness.Early);
    private static readonly string OnTime = EnumNames.SqlLiteral(DossierTimeliness.OnTime);
    private static readonly string Late = EnumNames.SqlLiteral(DossierTimeliness.Late);
    private static readonly string VerySatisfied = EnumNames.SqlLiteral(DossierRating.VerySatisfied);
    private static readonly string Satisfied = EnumNames.SqlLiteral(DossierRating.Satisfied);
    private static readonly string NotSatisfied = EnumNames.SqlLiteral(DossierRating.NotSatisfied);

    /// <summary>
    /// The group and the 14 counts of the form, in this order, over the dossier rows of <paramref name="table"/> (each group with a
    /// dossier in the population: one received before the window's end and not finished before its start), a part of <see cref="Summed"/>
    /// (its ratings zero: a rating counts by when it was given, <see cref="RatingsSql"/>).
    /// </summary>
    public static string CountsSql(string table, string scopeColumn, string groupColumn) => $"""
        SELECT {groupColumn},
          count(*) FILTER (WHERE received_at < @start) AS carried_over,
          count(*) FILTER (WHERE received_at >= @start AND channel = {Online}) AS received_online,
          count(*) FILTER (WHERE received_at >= @start AND channel <> {Online}) AS received_other,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = {Early}) AS resolved_early,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = {OnTime}) AS resolved_on_time,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = {Late}) AS resolved_late,
          count(*) FILTER (WHERE (finished_at IS NULL OR finished_at >= @end) AND NOT {PastDue}) AS pending_within,
          count(*) FILTER (WHERE (finished_at IS NULL OR finished_at >= @end) AND {PastDue}) AS pending_overdue,
          count(*) FILTER (WHERE finished_at < @end AND return_reason IS NOT NULL) AS returned,
          count(*) FILTER (WHERE finished_at < @end AND timeliness IS NOT NULL AND electronic_result) AS electronic_results,
          count(*) FILTER (WHERE received_at >= @start AND digitised) AS digitised,
          count(*) FILTER (WHERE received_at >= @start AND has_fee) AS with_fees,
          count(*) FILTER (WHERE received_at >= @start AND has_fee AND paid_online) AS paid_online,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = {Late} AND apology_issued_at IS NOT NULL) AS late_with_apology,
          0, 0, 0
        FROM {table}
        WHERE {scopeColumn} = @scope AND received_at < @end AND (finished_at IS NULL OR finished_at >= @start)
        GROUP BY {groupColumn}
        """;

    /// <summary>
    /// The group and its ratings in the window (very satisfied, satisfied, not satisfied), each group with a rating: a part of
    /// <see cref="Summed"/>, its 14 counts zero.
    /// </summary>
    public static string RatingsSql(string table, string scopeColumn, string groupColumn) => $"""
        SELECT {groupColumn}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          count(*) FILTER (WHERE rating = {VerySatisfied}) AS very_satisfied,
          count(*) FILTER (WHERE rating = {Satisfied}) AS satisfied,
          count(*) FILTER (WHERE rating = {NotSatisfied}) AS not_satisfied
        FROM {table}
        WHERE {scopeColumn} = @scope AND rated_at >= @start AND rated_at < @end
        GROUP BY {groupColumn}
        """;

    /// <summary>
    /// The feedback received, resolved, and resolved within the deadline in the window: one row, or with
    /// <paramref name="groupColumn"/> a row per group with the group first.
    /// </summary>
    public static string FeedbackSql(string table, string scopeColumn, string? groupColumn = null) => $"""
        SELECT {(groupColumn is null ? "" : groupColumn + ", ")}count(*) FILTER (WHERE received_at >= @start AND received_at < @end),
          count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end),
          count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end AND resolved_within_deadline)
        FROM {table}
        WHERE {scopeColumn} = @scope AND received_at < @end AND (resolved_at IS NULL OR resolved_at >= @start)
        {(groupColumn is null ? "" : "GROUP BY " + groupColumn)}
        """;

    private static DbCommand Command(
        DbTransaction transaction, string sql, IReadOnlyDictionary<string, object> parameters, string scopeCode, DateWindow window, DateTimeOffset asOf)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the SQL is built from the constant table and column names and the enum member names of this code, never from input
        command.CommandText = sql;
#pragma warning restore CA2100
        Add(command, "scope", scopeCode);
        Add(command, "start", window.Start);
        Add(command, "end", window.End);
        Add(command, "as_of", asOf);
        foreach (var (name, value) in parameters)
            Add(command, name, value);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
