using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace ParPlatform.Dossiers.Bench;

/// <summary>A procedure of the benchmark's catalogue.</summary>
internal sealed record BenchProcedure(string Code, string Name, string Field, int Days, long Fee);

/// <summary>A dossier of a unit's old system, in Vietnam time, as an import row.</summary>
internal sealed record HistoricRow(
    string ExternalId, BenchProcedure Procedure, string Channel, string Reference, DateTime Received, DateTime Due, string Status,
    DateTime? Finished, bool ElectronicResult, bool Digitised, bool PaidOnline, string? Rating, DateTime? Rated);

/// <summary>
/// The rows a unit imports: received over a span of days, mostly finished (resolved early, on time or
/// late; some returned or withdrawn), the recent ones often still open, about a quarter of the
/// resolved ones rated. Deterministic for a prefix and a count.
/// </summary>
internal static class HistoricRows
{
    public const string CsvHeader =
        "externalId,procedureCode,channel,applicantReference,receivedAt,dueAt,status,finishedAt,electronicResult,digitised,paidOnline,rating,ratedAt";

    private static readonly string[] Fields = ["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Kinh doanh", "Lao động", "Văn hóa", "Tư pháp"];

    /// <summary>Twenty procedures over eight fields, with limits of 1 to 10 working days, some with a fee.</summary>
    public static readonly IReadOnlyList<BenchProcedure> Procedures =
        [.. Enumerable.Range(1, 20).Select(i => new BenchProcedure(
            $"BENCH.{i:D2}", $"Thủ tục thử {i}", Fields[i % Fields.Length], 1 + i % 10, i % 4 == 0 ? 50_000 : 0))];

    public static string ProceduresCsv() =>
        "code,name,field,timeLimit,fee\n" + string.Concat(Procedures.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Code},{p.Name},{p.Field},{p.Days},{p.Fee}\n")));

    /// <summary><paramref name="count"/> rows received evenly from <paramref name="from"/> to <paramref name="to"/>, nothing after <paramref name="latest"/>.</summary>
    public static List<HistoricRow> Generate(string prefix, int count, DateOnly from, DateOnly to, DateTime latest)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var rows = new List<HistoricRow>(count);
        for (var i = 0; i < count; i++)
        {
            var r = Mix(i);
            var procedure = Procedures[(int)(r % (uint)Procedures.Count)];
            var day = from.AddDays((int)((long)i * days / count));
            var received = day.ToDateTime(new TimeOnly(7, 30)).AddMinutes((r >> 8) % 540);
            var due = received.AddDays(Math.Ceiling(procedure.Days * 1.4));
            var channel = ((r >> 4) % 10) switch { < 6 => "online", < 9 => "in-person", _ => "postal" };
            var outcome = (r >> 12) % 100;
            var old = latest - received > TimeSpan.FromDays(30);
            DateTime At(DateTime instant) => instant < latest ? instant : latest;
            string status;
            DateTime? finished = null;
            if (outcome < (old ? 85u : 50u))
            {
                // Resolved within 1.6 times the limit: most early or on time, some late.
                status = (r & 1) == 0 ? "resolved" : "result-returned";
                finished = At(received.AddHours(2 + (r >> 16) % (uint)(procedure.Days * 24 * 1.6)));
            }
            else if (outcome < (old ? 92u : 53u))
            {
                status = outcome % 3 == 0 ? "stopped" : "returned-not-eligible";
                finished = At(received.AddDays(1));
            }
            else
            {
                status = (r & 2) == 0 ? "received" : "processing";
            }
            var resolved = status is "resolved" or "result-returned";
            var rated = resolved && (r >> 20) % 4 == 0 && finished!.Value.AddHours(1) <= latest;
            string? rating = rated ? ((r >> 22) % 20) switch { 0 => "not-satisfied", < 6 => "satisfied", _ => "very-satisfied" } : null;
            rows.Add(new HistoricRow(
                $"{prefix}-{i:D7}", procedure, channel, $"BN-{i:D7}", received, due, status, finished,
                resolved && (r & 4) == 0, (r >> 3) % 3 != 0, procedure.Fee > 0 && (r & 8) == 0, rating, rated ? finished!.Value.AddHours(1) : null));
        }
        return rows;
    }

    public static async Task WriteCsvAsync(string path, IEnumerable<HistoricRow> rows)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync(CsvHeader);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{row.ExternalId},{row.Procedure.Code},{row.Channel},{row.Reference},{Local(row.Received)},{Local(row.Due)},{row.Status},{Local(row.Finished)},{Flag(row.ElectronicResult)},{Flag(row.Digitised)},{Flag(row.PaidOnline)},{row.Rating},{Local(row.Rated)}"));
        }
    }

    /// <summary>
    /// The same rows as the dossiers service would store them, by binary COPY into <paramref name="table"/>
    /// (a table with the columns of dossiers.dossiers): what PostgreSQL can take at best.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string table, string unitCode, string provinceCode, IReadOnlyList<HistoricRow> rows)
    {
        var now = DateTimeOffset.UtcNow;
        await using var writer = await connection.BeginBinaryImportAsync($"""
            COPY {table} (id, unit_code, province_code, external_id, procedure_code, field, channel, applicant_reference,
              time_limit_amount, time_limit_unit, has_fee, status, registered_at, received_at, due_at, paused_at, paused_time,
              supplement_requests, finished_at, timeliness, return_reason, result_returned_at, electronic_result, digitised, paid_online,
              overdue_at, apology_issued_at, apology_reason, apology_new_due_date, rating, rated_at, updated_at)
            FROM STDIN (FORMAT BINARY)
            """);
        // Synchronous writes, as the service's import does: the importer buffers them.
        foreach (var row in rows)
        {
            var received = Utc(row.Received);
            var due = Utc(row.Due);
            var finished = row.Finished is { } f ? Utc(f) : (DateTimeOffset?)null;
            var resolved = row.Status is "resolved" or "result-returned";
            writer.StartRow();
            writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            writer.Write(unitCode, NpgsqlDbType.Varchar);
            writer.Write(provinceCode, NpgsqlDbType.Varchar);
            writer.Write(row.ExternalId, NpgsqlDbType.Varchar);
            writer.Write(row.Procedure.Code, NpgsqlDbType.Varchar);
            writer.Write(row.Procedure.Field, NpgsqlDbType.Varchar);
            writer.Write(row.Channel switch { "online" => "Online", "in-person" => "InPerson", _ => "Postal" }, NpgsqlDbType.Varchar);
            writer.Write(row.Reference, NpgsqlDbType.Varchar);
            writer.Write((decimal)row.Procedure.Days, NpgsqlDbType.Numeric);
            writer.Write("Days", NpgsqlDbType.Varchar);
            writer.Write(row.Procedure.Fee > 0, NpgsqlDbType.Boolean);
            writer.Write(Pascal(row.Status), NpgsqlDbType.Varchar);
            writer.Write(received, NpgsqlDbType.TimestampTz);
            writer.Write(received, NpgsqlDbType.TimestampTz);
            writer.Write(due, NpgsqlDbType.TimestampTz);
            writer.WriteNull();
            writer.Write(TimeSpan.Zero, NpgsqlDbType.Interval);
            writer.Write(0, NpgsqlDbType.Integer);
            Write(writer, finished, NpgsqlDbType.TimestampTz);
            Write(writer, resolved ? (finished < due ? "Early" : "Late") : null, NpgsqlDbType.Varchar);
            Write(writer, row.Status switch { "returned-not-eligible" => "NotEligible", "stopped" => "Withdrawn", _ => null }, NpgsqlDbType.Varchar);
            Write(writer, row.Status == "result-returned" ? finished : null, NpgsqlDbType.TimestampTz);
            writer.Write(row.ElectronicResult, NpgsqlDbType.Boolean);
            writer.Write(row.Digitised, NpgsqlDbType.Boolean);
            writer.Write(row.PaidOnline, NpgsqlDbType.Boolean);
            Write(writer, finished is null && due < now ? (DateTimeOffset?)now : null, NpgsqlDbType.TimestampTz);
            writer.WriteNull();
            writer.WriteNull();
            writer.WriteNull();
            Write(writer, row.Rating is { } rating ? Pascal(rating) : null, NpgsqlDbType.Varchar);
            Write(writer, row.Rated is { } rated ? Utc(rated) : (DateTimeOffset?)null, NpgsqlDbType.TimestampTz);
            writer.Write(now, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static void Write<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
            writer.WriteNull();
        else
            writer.Write(value, type);
    }

    /// <summary>"result-returned" → "ResultReturned", as the service stores its enums.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static DateTimeOffset Utc(DateTime vietnamTime) => new DateTimeOffset(vietnamTime, TimeSpan.FromHours(7)).ToUniversalTime();

    private static string Local(DateTime? vietnamTime) =>
        vietnamTime?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>A well-mixed 32-bit number for row <paramref name="i"/> (splitmix-like), so the rows do not depend on a random generator.</summary>
    private static uint Mix(int i)
    {
        var x = (ulong)i + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (uint)(x ^ (x >> 31));
    }
}
