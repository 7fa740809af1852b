using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using ParPlatform.SharedKernel;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.StatisticsHistory;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Generated histories (<see cref="StatisticsHistory"/>) written straight into the dossiers database, as every tenant.</summary>
internal static class HistoryRows
{
    public static async Task AddUnitAsync(string database, string unit, string province)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(database);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO dossiers.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at)
            VALUES (@unit, @province, 'Đơn vị thống kê ' || @unit, 'Commune', 'Lạng Sơn', now(), now())
            ON CONFLICT (unit_code) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("province", province);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every dossier in one multi-row INSERT, and the feedback in another (COPY FROM is refused under row-level security).</summary>
    public static async Task InsertAsync(string database, string province, List<DossierRow> history, List<FeedbackRow> feedback)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var allTenants = new NpgsqlCommand("SELECT set_config('parplatform.all_tenants', 'on', false)", connection))
            await allTenants.ExecuteNonQueryAsync();

        await using (var command = new NpgsqlCommand { Connection = connection })
        {
            var sql = new StringBuilder(
                """
                INSERT INTO dossiers.dossiers (id, unit_code, province_code, procedure_code, field, channel, applicant_reference,
                  time_limit_amount, time_limit_unit, has_fee, status, registered_at, received_at, due_at, paused_at, paused_time,
                  supplement_requests, finished_at, timeliness, return_reason, electronic_result, digitised, paid_online,
                  apology_issued_at, apology_reason, apology_new_due_date, rating, rated_at, updated_at) VALUES
                """);
            for (var i = 0; i < history.Count; i++)
            {
                var d = history[i];
                sql.Append(i == 0 ? "\n(" : ",\n(");
                Value(command, sql, NpgsqlDbType.Uuid, d.Id);
                Value(command, sql, NpgsqlDbType.Varchar, d.UnitCode);
                Value(command, sql, NpgsqlDbType.Varchar, province);
                Value(command, sql, NpgsqlDbType.Varchar, "TTHC-" + d.Field.Length.ToString(CultureInfo.InvariantCulture));
                Value(command, sql, NpgsqlDbType.Varchar, d.Field);
                Value(command, sql, NpgsqlDbType.Varchar, EnumNames.Stored(d.Channel));
                Value(command, sql, NpgsqlDbType.Varchar, "BN-" + i.ToString(CultureInfo.InvariantCulture));
                sql.Append("5, 'WorkingDays', ");
                Value(command, sql, NpgsqlDbType.Boolean, d.HasFee);
                Value(command, sql, NpgsqlDbType.Varchar, EnumNames.Stored(d.Status));
                Value(command, sql, NpgsqlDbType.TimestampTz, d.RegisteredAt.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, d.ReceivedAt?.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, d.DueAt?.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, d.PausedAt?.ToUniversalTime());
                sql.Append("interval '0', 0, ");
                Value(command, sql, NpgsqlDbType.TimestampTz, d.FinishedAt?.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.Varchar, EnumNames.Stored(d.Timeliness));
                Value(command, sql, NpgsqlDbType.Varchar, EnumNames.Stored(d.ReturnReason));
                Value(command, sql, NpgsqlDbType.Boolean, d.ElectronicResult);
                Value(command, sql, NpgsqlDbType.Boolean, d.Digitised);
                Value(command, sql, NpgsqlDbType.Boolean, d.PaidOnline);
                Value(command, sql, NpgsqlDbType.TimestampTz, d.ApologyIssuedAt?.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.Varchar, d.ApologyIssuedAt is null ? null : "Chờ xác minh");
                Value(command, sql, NpgsqlDbType.Date, d.ApologyIssuedAt is null ? null : VietnamDate(d.DueAt!.Value).AddDays(3));
                Value(command, sql, NpgsqlDbType.Varchar, EnumNames.Stored(d.Rating));
                Value(command, sql, NpgsqlDbType.TimestampTz, d.RatedAt?.ToUniversalTime());
                sql.Append("now())");
            }
            command.CommandText = sql.ToString();
            Assert.Equal(history.Count, await command.ExecuteNonQueryAsync());
        }

        if (feedback.Count == 0)
            return;
        await using (var command = new NpgsqlCommand { Connection = connection })
        {
            var sql = new StringBuilder(
                """
                INSERT INTO dossiers.feedback (id, unit_code, province_code, channel, subject, sender_reference, status, received_at,
                  forward_due_at, resolve_due_at, resolved_at, resolved_within_deadline, updated_at) VALUES
                """);
            for (var i = 0; i < feedback.Count; i++)
            {
                var f = feedback[i];
                sql.Append(i == 0 ? "\n(" : ",\n(");
                Value(command, sql, NpgsqlDbType.Uuid, Guid.NewGuid());
                Value(command, sql, NpgsqlDbType.Varchar, f.UnitCode);
                Value(command, sql, NpgsqlDbType.Varchar, province);
                sql.Append("'Portal', 'Phản ánh thủ tục', ");
                Value(command, sql, NpgsqlDbType.Varchar, "PAKN-" + i.ToString(CultureInfo.InvariantCulture));
                Value(command, sql, NpgsqlDbType.Varchar, f.ResolvedAt is null ? "Received" : "Resolved");
                Value(command, sql, NpgsqlDbType.TimestampTz, f.ReceivedAt.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, (f.ReceivedAt + TimeSpan.FromDays(2)).ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, (f.ReceivedAt + TimeSpan.FromDays(21)).ToUniversalTime());
                Value(command, sql, NpgsqlDbType.TimestampTz, f.ResolvedAt?.ToUniversalTime());
                Value(command, sql, NpgsqlDbType.Boolean, f.ResolvedWithinDeadline);
                sql.Append("now())");
            }
            command.CommandText = sql.ToString();
            Assert.Equal(feedback.Count, await command.ExecuteNonQueryAsync());
        }
    }

    private static void Value(NpgsqlCommand command, StringBuilder sql, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
        sql.Append('$').Append(command.Parameters.Count).Append(", ");
    }
}
