// Reporting benchmark (issues 6 and 21): a province of 150 units with 6,667 dossiers each in the read
// model (a million); the province's form II.06a for a quarter through the gateway, next to its SQL over the
// counts per day (for every tenant, and under the reviewer's row-level security) and the scan of the facts it
// replaced; one unit's table; the province's scorecard (every unit's plan targets against its indicators); the
// reports as Word documents (one, and the province's 150 one after another); the province's submission overview;
// then event ingestion into the read model. PostgreSQL, RabbitMQ, the identity and reporting services and the gateway are started with the
// AppHost's resource types by Aspire's orchestrator, as the AppHost starts them.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.Bench;
using NpgsqlTypes;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Plans;
using ParPlatform.Messaging;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;
using RabbitMQ.Client;

namespace ParPlatform.Reporting.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var units = Calls.Option(args, "units", 150);
        var perUnit = Calls.Option(args, "per-unit", 6_667);
        var calls = Calls.Option(args, "calls", 30);
        var events = Calls.Option(args, "events", 30_000);
        const string Province = "20";
        const string Period = "2026-Q1";

        await using var platform = new OneServicePlatform("reporting", "ParPlatform.Reporting");

        Console.WriteLine($"Reporting benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores: " +
            $"{units} units × {perUnit:N0} dossiers, {calls} calls, {events:N0} events");
        await platform.StartAsync();
        await RunAsync();
        return 0;

        async Task RunAsync()
        {
            await using var db = new NpgsqlConnection(await platform.DatabaseOwner.GetConnectionStringAsync());
            await db.OpenAsync();
            await Calls.ExecuteAsync(db, "SELECT set_config('parplatform.all_tenants', 'on', false)");
            var seeding = Stopwatch.StartNew();
            await SeedAsync(db);
            Console.WriteLine($"Seeded {units * perUnit:N0} dossiers (and their counts per day) in {seeding.Elapsed.TotalSeconds:0} s");

            using var signIn = new HttpClient { BaseAddress = new Uri(platform.Gateway.Url()) };
            using var http = new HttpClient(new FreshToken(() => Calls.TokenAsync(signIn, "langson.sonoivu")) { InnerHandler = new HttpClientHandler() })
            {
                BaseAddress = new Uri(platform.Gateway.Url()),
            };
            var path = $"/api/v1/provinces/{Province}/reports/statistics/dossiers?period={Period}";
            var answer = await http.GetFromJsonAsync<JsonElement>(path);
            var window = new DateWindow(DateOnly.Parse(answer.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
                DateOnly.Parse(answer.GetProperty("to").GetString()!, CultureInfo.InvariantCulture));
            Console.WriteLine($"{Period}: {answer.GetProperty("units").GetArrayLength()} units, " +
                $"{answer.GetProperty("total").GetProperty("total").GetInt64():N0} dossiers in the table");

            // The province's table through the gateway (the counts), then the SQL alone: the counts (now) and the scan of the facts (before).
            var province = await Calls.TimeAsync(calls, () => GetAsync(http, path));
            var now = DateTimeOffset.UtcNow;
            var countsSql = await Calls.TimeAsync(calls, () => DossierStatisticsSql.RunAsync(db, ReportingStatisticsQuery.Queries("province_code"),
                Province, window, now, CancellationToken.None));
            var scanSql = await Calls.TimeAsync(calls, () => DossierStatisticsSql.RunAsync(db, ReportingStatisticsQuery.Tables, "province_code", Province,
                "unit_code", window, now, CancellationToken.None));
            var counted = await DossierStatisticsSql.RunAsync(db, ReportingStatisticsQuery.Queries("province_code"), Province, window, now, CancellationToken.None);
            var scanned = await DossierStatisticsSql.RunAsync(db, ReportingStatisticsQuery.Tables, "province_code", Province, "unit_code", window, now, CancellationToken.None);
            if (counted.Total != scanned.Total || !counted.Groups.OrderBy(g => g.Key).SequenceEqual(scanned.Groups.OrderBy(g => g.Key)))
                throw new InvalidOperationException($"The counts ({counted.Total}) and the scan ({scanned.Total}) disagree.");
            var unit = await Calls.TimeAsync(calls, () => GetAsync(http, $"/api/v1/units/90001/reports/statistics/dossiers?period={Period}"));

            // The same SQL as the reviewer's requests run it: under row-level security, the province's scope.
            await using var reviewer = new NpgsqlConnection(await platform.DatabaseOwner.GetConnectionStringAsync());
            await reviewer.OpenAsync();
            await Calls.ExecuteAsync(reviewer, $"SELECT set_config('parplatform.province_code', '{Province}', false)");
            var scopedSql = await Calls.TimeAsync(calls, () => DossierStatisticsSql.RunAsync(reviewer, ReportingStatisticsQuery.Queries("province_code"),
                Province, window, now, CancellationToken.None));

            // The scorecard: each unit's plan with 8 targets, two of them on a field (seed 002's satisfaction in land and construction).
            await SeedPlansAsync(db);
            var scorecardPath = $"/api/v1/provinces/{Province}/reports/periods/{Period}/scorecard";
            var ranked = await http.GetFromJsonAsync<JsonElement>(scorecardPath);
            var rankedUnits = ranked.GetProperty("units");
            var lines = rankedUnits.EnumerateArray().Sum(u => u.GetProperty("targets").GetInt32());
            var measured = rankedUnits.EnumerateArray().Sum(u => u.GetProperty("met").GetInt32() + u.GetProperty("notMet").GetInt32());
            Console.WriteLine($"Scorecard {Period}: {rankedUnits.GetArrayLength()} units, {lines:N0} targets, {measured:N0} with data, " +
                $"{ranked.GetRawText().Length / 1024:N0} KB of JSON");
            if (measured < units * 7)
                throw new InvalidOperationException($"The scorecard measured {measured} targets; each of the {units} units has 7 with data.");
            var scorecard = await Calls.TimeAsync(calls, () => GetAsync(http, scorecardPath));
            var fieldSql = await Calls.TimeAsync(calls, () => DossierStatisticsSql.RunAsync(reviewer, ReportingStatisticsQuery.WindowQueries("province_code", ["Đất đai", "Xây dựng"]),
                Province, window, now, CancellationToken.None));

            // Reports: Tam Thanh's chairman submits its report; every unit of the benchmark gets a copy of that version.
            await SubmitAsync(db, signIn);
            var draft = $"/api/v1/units/90001/reports/periods/{Period}/document";
            var preview = await Calls.TimeAsync(calls, () => GetAsync(http, draft));
            var submitted = await Calls.TimeAsync(calls, () => GetAsync(http, $"/api/v1/units/90001/reports/periods/{Period}/versions/1/document"));
            var all = Stopwatch.StartNew();
            for (var u = 1; u <= units; u++)
                await GetAsync(http, $"/api/v1/units/{90000 + u}/reports/periods/{Period}/document");
            var allPreviews = all.Elapsed.TotalSeconds;
            var submissionsPath = $"/api/v1/provinces/{Province}/reports/periods/{Period}/submissions";
            var overview = await http.GetFromJsonAsync<JsonElement>(submissionsPath);
            var submissions = await Calls.TimeAsync(calls, () => GetAsync(http, submissionsPath));

            var (ingested, published) = await IngestAsync(db);

            Console.WriteLine();
            Console.WriteLine("| measure | result | target | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| province {Period} (form II.06a), {units} units, through the gateway, {calls} warm calls (median, p95) | {province.Median:0} ms, {province.P95:0} ms | p95 < 100 ms | p95 ÷ 100 ms = {province.P95 / 100:0.00} |");
            Console.WriteLine($"| its SQL over the counts per day, no HTTP (median, p95) | {countsSql.Median:0} ms, {countsSql.P95:0} ms | | |");
            Console.WriteLine($"| its SQL scanning the facts, as before the counts, no HTTP (median, p95) | {scanSql.Median:0} ms, {scanSql.P95:0} ms | | counts ÷ scan (p95) = {countsSql.P95 / scanSql.P95:0.00}; scan p95 ÷ 100 ms = {scanSql.P95 / 100:0.00} |");
            Console.WriteLine($"| the same SQL under the reviewer's row-level security (median, p95) | {scopedSql.Median:0} ms, {scopedSql.P95:0} ms | | scoped ÷ every tenant (median) = {scopedSql.Median / countsSql.Median:0.00} |");
            Console.WriteLine($"| one unit's {Period} through the gateway (median, p95) | {unit.Median:0} ms, {unit.P95:0} ms | | unit ÷ province (median) = {unit.Median / province.Median:0.00} |");
            Console.WriteLine($"| the province's scorecard {Period}, {rankedUnits.GetArrayLength()} units, {lines:N0} targets, through the gateway, {calls} warm calls (median, p95) | {scorecard.Median:0} ms, {scorecard.P95:0} ms | p95 < 100 ms | p95 ÷ 100 ms = {scorecard.P95 / 100:0.00} |");
            Console.WriteLine($"| its SQL: the window's columns by unit and by unit in the two fields the targets name, under row-level security (median, p95) | {fieldSql.Median:0} ms, {fieldSql.P95:0} ms | | ÷ the province table's SQL (median) = {fieldSql.Median / scopedSql.Median:0.00} |");
            Console.WriteLine($"| one report as .docx, the draft preview (figures computed now), through the gateway (median, p95) | {preview.Median:0} ms, {preview.P95:0} ms | < 500 ms | p95 ÷ 500 ms = {preview.P95 / 500:0.00} |");
            Console.WriteLine($"| one submitted version as .docx (median, p95) | {submitted.Median:0} ms, {submitted.P95:0} ms | < 500 ms | p95 ÷ 500 ms = {submitted.P95 / 500:0.00} |");
            Console.WriteLine($"| the province's {units} draft previews one after another | {allPreviews:0.0} s | < 60 s | {allPreviews / 60:0.00} of the budget |");
            Console.WriteLine($"| the province's submission overview, {overview.GetProperty("units").GetInt32()} units ({overview.GetProperty("submitted").GetInt32()} submitted), {calls} warm calls (median, p95) | {submissions.Median:0} ms, {submissions.P95:0} ms | p95 < 100 ms | p95 ÷ 100 ms = {submissions.P95 / 100:0.00} |");
            Console.WriteLine($"| ingestion: {events:N0} DossierReceived published → applied to the read model (and its counts) | {ingested:N0} events/s | ≥ 3,000 events/s | {ingested / 3000:0.00} of the target |");
            Console.WriteLine($"| publishing them alone (confirms) | {published:N0} events/s | | ingestion ÷ publishing = {ingested / published:0.00} |");
        }

        async Task SubmitAsync(NpgsqlConnection db, HttpClient signIn)
        {
            var chairman = await Calls.TokenAsync(signIn, "tamthanh.chutich");
            await Calls.WaitForAsync(signIn, chairman, $"/api/v1/units/06112/reports/periods/{Period}"); // reporting learns of Tam Thanh from identity
            using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/units/06112/reports/periods/{Period}/submit") { Content = JsonContent.Create(new { }) };
            submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chairman);
            using var submitted = await signIn.SendAsync(submit);
            if (!submitted.IsSuccessStatusCode)
                throw new InvalidOperationException($"Tam Thanh's report was not submitted: {await submitted.Content.ReadAsStringAsync()}");
            await Calls.ExecuteAsync(db, $"""
                INSERT INTO reporting.reports (id, unit_code, province_code, period, status, changed_at)
                SELECT gen_random_uuid(), (90000 + u)::text, r.province_code, r.period, r.status, r.changed_at
                FROM reporting.reports r, generate_series(1, {units}) u WHERE r.unit_code = '06112' AND r.period = '{Period}';
                INSERT INTO reporting.report_versions (id, report_id, unit_code, province_code, number, sequence, symbol, year, submitted_on, due, content,
                  submitted_by, submitted_at)
                SELECT gen_random_uuid(), copy.id, copy.unit_code, v.province_code, v.number, v.sequence, v.symbol, v.year, v.submitted_on, v.due, v.content,
                  v.submitted_by, v.submitted_at
                FROM reporting.report_versions v JOIN reporting.reports r ON r.id = v.report_id
                  JOIN reporting.reports copy ON copy.period = r.period AND copy.unit_code LIKE '9%'
                WHERE r.unit_code = '06112' AND r.period = '{Period}';
                ANALYZE reporting.reports; ANALYZE reporting.report_versions;
                """);
        }

        async Task SeedPlansAsync(NpgsqlConnection db)
        {
            var issued = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
            (string Indicator, decimal Threshold, string? Field)[] targets =
            [
                ("Dossiers.OnTimeRate", 95, null), ("Dossiers.OnlineRate", 80, null), ("Dossiers.ElectronicResultRate", 90, null),
                ("Dossiers.DigitisationRate", 80, null), ("Dossiers.SatisfactionRate", 90, null), ("Dossiers.SatisfactionRate", 85, "Đất đai"),
                ("Dossiers.SatisfactionRate", 85, "Xây dựng"), ("Dossiers.SyncedToNationalPortalRate", 100, null),
            ];
            var rows = new List<object>();
            for (var u = 1; u <= units; u++)
            {
                var unitCode = (90000 + u).ToString(CultureInfo.InvariantCulture);
                var plan = new PlanIssued
                {
                    UnitCode = unitCode, ProvinceCode = Province, OccurredAt = issued, PlanId = Guid.CreateVersion7(), Reference = $"{u}/KH-UBND",
                    IssueDate = new DateOnly(2026, 1, 5), FromYear = 2026, ToYear = 2026, TargetCount = targets.Length, TaskCount = 0,
                };
                rows.Add(Row(plan, nameof(PlanIssued), plan.PlanId));
                foreach (var (indicator, threshold, field) in targets)
                {
                    var target = new TargetSet
                    {
                        UnitCode = unitCode, ProvinceCode = Province, OccurredAt = issued, PlanId = plan.PlanId, TargetId = Guid.CreateVersion7(),
                        IndicatorCode = indicator, Comparator = TargetComparator.AtLeast, Threshold = threshold, FromYear = 2026, ToYear = 2026, Field = field,
                    };
                    rows.Add(Row(target, nameof(TargetSet), target.TargetId));
                }
            }
            // As the plans' events would be kept (SourceEventConsumer); one INSERT (COPY is refused under row-level security).
            await using var insert = new NpgsqlCommand("""
                INSERT INTO reporting.source_events (unit_code, province_code, kind, subject, occurred_at, payload)
                SELECT unit_code, province_code, kind, subject, occurred_at, payload
                FROM jsonb_to_recordset(@rows) AS r(unit_code text, province_code text, kind text, subject text, occurred_at timestamptz, payload jsonb);
                ANALYZE reporting.source_events;
                """, db);
            insert.Parameters.Add(new NpgsqlParameter("rows", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(rows) });
            await insert.ExecuteNonQueryAsync();

            static object Row(Contracts.IntegrationEvent e, string kind, Guid subject) => new Dictionary<string, object>
            {
                ["unit_code"] = e.UnitCode, ["province_code"] = e.ProvinceCode, ["kind"] = kind, ["subject"] = subject.ToString(),
                ["occurred_at"] = e.OccurredAt, ["payload"] = JsonSerializer.SerializeToElement(e, e.GetType(), UnitSources.Json),
            };
        }

        async Task SeedAsync(NpgsqlConnection db)
        {
            // Units 90001…, of province 20, known to reporting as UnitRegistered would record them.
            await Calls.ExecuteAsync(db, $"""
                INSERT INTO reporting.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at)
                SELECT (90000 + u)::text, '{Province}', 'Đơn vị ' || u, 'Commune', 'Lạng Sơn', now(), now() FROM generate_series(1, {units}) u
                """);
            // A year of dossiers per unit (received 01/12/2025 – 30/11/2026, Vietnam time): most resolved within a week, early, on time
            // or late; some returned; the last ones still open; a third rated.
            await Calls.ExecuteAsync(db, $"""
                INSERT INTO reporting.dossier_facts (generation, dossier_id, unit_code, province_code, field, channel, received_at, due_at, due_changed_at,
                  finished_at, timeliness, return_reason, electronic_result, digitised, has_fee, paid_online, rating, rated_at)
                SELECT 0, gen_random_uuid(), (90000 + u)::text, '{Province}', (ARRAY['Hộ tịch','Chứng thực','Đất đai','Xây dựng','Tư pháp'])[1 + i % 5],
                  (ARRAY['Online','InPerson','Postal'])[1 + i % 3], received, received + interval '5 days', received,
                  CASE WHEN received < timestamptz '2026-11-20' THEN received + (i % 9) * interval '1 day' END,
                  CASE WHEN received < timestamptz '2026-11-20' AND i % 20 <> 0 THEN (ARRAY['Early','OnTime','Late'])[1 + (i % 9) / 4] END,
                  CASE WHEN received < timestamptz '2026-11-20' AND i % 20 = 0 THEN 'NotEligible' END,
                  i % 2 = 0, i % 4 <> 0, i % 3 = 0, i % 6 = 0,
                  CASE WHEN received < timestamptz '2026-11-20' AND i % 3 = 0 THEN (ARRAY['VerySatisfied','Satisfied','NotSatisfied'])[1 + i % 7 / 3] END,
                  CASE WHEN received < timestamptz '2026-11-20' AND i % 3 = 0 THEN received + interval '10 days' END
                FROM generate_series(1, {units}) u, generate_series(1, {perUnit}) i,
                  LATERAL (SELECT timestamptz '2025-11-30 17:00+00' + (i::float / {perUnit}) * interval '365 days' AS received) r;
                ANALYZE reporting.dossier_facts; ANALYZE reporting.dossier_day_counts;
                """);
        }

        async Task<(double Ingested, double Published)> IngestAsync(NpgsqlConnection db)
        {
            var before = await CountAsync(db, "SELECT count(*) FROM reporting.inbox_messages");
            var factory = new ConnectionFactory { Uri = new Uri((await platform.Messaging.GetConnectionStringAsync())!) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
            var exchange = EventNames.ExchangeOf(typeof(DossierReceived));
            var clock = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < events; i += 500)
            {
                var batch = Enumerable.Range(i, Math.Min(500, events - i)).Select(n =>
                {
                    var e = new DossierReceived
                    {
                        UnitCode = (90001 + n % units).ToString(CultureInfo.InvariantCulture), ProvinceCode = Province, OccurredAt = now, DossierId = Guid.CreateVersion7(),
                        ProcedureCode = "P1", Field = "Hộ tịch", Channel = DossierChannel.Online, ReceivedAt = now, DueAt = now.AddDays(5), Digitised = true, HasFee = false,
                    };
                    return channel.BasicPublishAsync(exchange, "", mandatory: false, new BasicProperties { ContentType = "application/json", MessageId = e.EventId.ToString(), Persistent = true },
                        JsonSerializer.SerializeToUtf8Bytes(e, JsonSerializerOptions.Web)).AsTask();
                });
                await Task.WhenAll(batch);
            }
            var publishing = clock.Elapsed;
            while (await CountAsync(db, "SELECT count(*) FROM reporting.inbox_messages") < before + events)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                    throw new TimeoutException("The read model had not applied the events after 10 minutes.");
                await Task.Delay(50);
            }
            return (events / clock.Elapsed.TotalSeconds, events / publishing.TotalSeconds);
        }

        // A call whose answer the benchmark does not read (a document, or a table already checked).
        static async Task GetAsync(HttpClient http, string path) => (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode().Dispose();

        async Task<long> CountAsync(NpgsqlConnection db, string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            return (long)(await command.ExecuteScalarAsync())!;
        }
    }
}
