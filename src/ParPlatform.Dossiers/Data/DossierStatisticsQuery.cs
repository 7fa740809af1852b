using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Dossiers.Domain;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// Form II.06a for a unit over a window, straight from the dossier rows: one scan of the dossiers
/// open during the window, grouped by field and in total. The population is every dossier received
/// before the window ends and not finished before it starts; each falls in exactly one of resolved,
/// returned (finished in the window) or pending (not finished by its end). Pending is overdue when
/// its due instant is before the window's end (or now, for a window not over yet) and before the
/// supplement request that stopped its clock, if one did (<see cref="Dossier.IsOverdueAt"/>).
/// </summary>
public sealed class DossierStatisticsQuery(DossiersDbContext db, TimeProvider clock)
{
    private const string CountsSql = """
        SELECT GROUPING(field) = 1 AS is_total, field,
          count(*) FILTER (WHERE received_at < @start) AS carried_over,
          count(*) FILTER (WHERE received_at >= @start AND channel = 'Online') AS received_online,
          count(*) FILTER (WHERE received_at >= @start AND channel <> 'Online') AS received_other,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = 'Early') AS resolved_early,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = 'OnTime') AS resolved_on_time,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = 'Late') AS resolved_late,
          count(*) FILTER (WHERE (finished_at IS NULL OR finished_at >= @end) AND NOT due_at < least(@as_of, paused_at)) AS pending_within,
          count(*) FILTER (WHERE (finished_at IS NULL OR finished_at >= @end) AND due_at < least(@as_of, paused_at)) AS pending_overdue,
          count(*) FILTER (WHERE finished_at < @end AND return_reason IS NOT NULL) AS returned,
          count(*) FILTER (WHERE finished_at < @end AND timeliness IS NOT NULL AND electronic_result) AS electronic_results,
          count(*) FILTER (WHERE received_at >= @start AND digitised) AS digitised,
          count(*) FILTER (WHERE received_at >= @start AND has_fee) AS with_fees,
          count(*) FILTER (WHERE received_at >= @start AND has_fee AND paid_online) AS paid_online,
          count(*) FILTER (WHERE finished_at < @end AND timeliness = 'Late' AND apology_issued_at IS NOT NULL) AS late_with_apology
        FROM dossiers.dossiers
        WHERE unit_code = @unit AND received_at < @end AND (finished_at IS NULL OR finished_at >= @start)
        GROUP BY GROUPING SETS ((field), ())
        """;

    private const string RatingsSql = """
        SELECT GROUPING(field) = 1 AS is_total, field,
          count(*) FILTER (WHERE rating = 'VerySatisfied') AS very_satisfied,
          count(*) FILTER (WHERE rating = 'Satisfied') AS satisfied,
          count(*) FILTER (WHERE rating = 'NotSatisfied') AS not_satisfied
        FROM dossiers.dossiers
        WHERE unit_code = @unit AND rated_at >= @start AND rated_at < @end
        GROUP BY GROUPING SETS ((field), ())
        """;

    private const string FeedbackSql = """
        SELECT count(*) FILTER (WHERE received_at >= @start AND received_at < @end),
          count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end),
          count(*) FILTER (WHERE resolved_at >= @start AND resolved_at < @end AND resolved_within_deadline)
        FROM dossiers.feedback
        WHERE unit_code = @unit AND (received_at < @end AND (resolved_at IS NULL OR resolved_at >= @start))
        """;

    /// <summary>Fields in Vietnamese alphabetical order ("Đất đai" after "Chứng thực", before "Hộ tịch").</summary>
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);

    /// <summary>The total row and one row per field (in Vietnamese alphabetical order), and the feedback figures.</summary>
    public async Task<(StatisticsRow Total, IReadOnlyList<StatisticsRow> Fields, FeedbackStatistics Feedback)> RunAsync(
        string unitCode, StatisticsWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        await db.Database.OpenConnectionAsync(cancellationToken); // the tenant scope is written as it opens
        try
        {
            var connection = db.Database.GetDbConnection();
            var now = clock.GetUtcNow();
            var counts = new Dictionary<string, DossierCounts>(StringComparer.Ordinal);
            var total = new DossierCounts();
            await using (var command = Command(connection, CountsSql, unitCode, window, now))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new DossierCounts
                    {
                        CarriedOver = reader.GetInt64(2), ReceivedOnline = reader.GetInt64(3), ReceivedInPersonOrPostal = reader.GetInt64(4),
                        ResolvedEarly = reader.GetInt64(5), ResolvedOnTime = reader.GetInt64(6), ResolvedLate = reader.GetInt64(7),
                        PendingWithinDeadline = reader.GetInt64(8), PendingOverdue = reader.GetInt64(9), ReturnedWithdrawnNotEligible = reader.GetInt64(10),
                        ElectronicResults = reader.GetInt64(11), Digitised = reader.GetInt64(12), WithFees = reader.GetInt64(13),
                        PaidOnline = reader.GetInt64(14), LateWithApology = reader.GetInt64(15),
                    };
                    if (reader.GetBoolean(0))
                        total = row;
                    else
                        counts[reader.GetString(1)] = row;
                }
            }
            await using (var command = Command(connection, RatingsSql, unitCode, window, now))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var (very, satisfied, not) = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                    if (reader.GetBoolean(0))
                        total = total with { VerySatisfied = very, Satisfied = satisfied, NotSatisfied = not };
                    else
                    {
                        var field = reader.GetString(1);
                        counts[field] = (counts.GetValueOrDefault(field) ?? new DossierCounts()) with
                        {
                            VerySatisfied = very, Satisfied = satisfied, NotSatisfied = not,
                        };
                    }
                }
            }
            FeedbackStatistics feedback;
            await using (var command = Command(connection, FeedbackSql, unitCode, window, now))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                var (resolved, within) = (reader.GetInt64(1), reader.GetInt64(2));
                feedback = new FeedbackStatistics(reader.GetInt64(0), resolved, within, Rate.Of(within, resolved));
            }
            return (StatisticsRow.From(null, total),
                [.. counts.OrderBy(c => c.Key, VietnameseOrder).Select(c => StatisticsRow.From(c.Key, c.Value))],
                feedback);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, string unitCode, StatisticsWindow window, DateTimeOffset now)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new NpgsqlParameter("unit", unitCode));
        command.Parameters.Add(new NpgsqlParameter("start", window.Start));
        command.Parameters.Add(new NpgsqlParameter("end", window.End));
        command.Parameters.Add(new NpgsqlParameter("as_of", window.End < now ? window.End : now));
        return command;
    }
}
