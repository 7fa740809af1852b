// Reporting benchmark (issue 6): a province of 100 units with 10,000 dossiers each in the read
// model; the province's statistics for a quarter through the gateway, next to the same SQL over the
// read model and over a plain copy of the raw dossier rows; then event ingestion into the read
// model. PostgreSQL, RabbitMQ, the identity and reporting services and the gateway are started with the
// AppHost's resource types by Aspire's orchestrator, as the AppHost starts them.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using ParPlatform.Bench;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Messaging;
using ParPlatform.Reporting.Data;
using ParPlatform.SharedKernel.Reporting;
using RabbitMQ.Client;

namespace ParPlatform.Reporting.Bench;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var units = Option("units", 100);
        var perUnit = Option("per-unit", 10_000);
        var calls = Option("calls", 30);
        var events = Option("events", 30_000);
        const string Province = "20";
        const string Period = "2026-Q1";

        var directory = Path.Combine(Path.GetTempPath(), "parplatform-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = Platform.CreateBuilder();
        var postgres = builder.AddPlatformPostgres("postgres", directory);
        var identityDb = postgres.AddServiceDatabase("identitydb");
        var reportingDb = postgres.AddServiceDatabase("reportingdb");
        // The benchmark seeds the read model and keeps a copy of it beside, as the database's owner (the service's role only reads and writes rows).
        var reportingOwner = builder.Resources.OfType<IResourceWithConnectionString>()
            .Single(r => r.Name == ServiceDatabaseResource.OwnerConnectionName(reportingDb.Resource.Name));
        var messaging = builder.AddPlatformRabbitMQ("messaging", directory);
        var gatewayPort = Platform.FreePort();
        var issuer = $"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        IResourceBuilder<ProjectResource> Service(string name, string projectName, IResourceBuilder<IResourceWithConnectionString> database) =>
            builder.AddService(name, projectName).WithServiceDatabase(database).WithReference(messaging).WaitFor(messaging)
                .WithEnvironment("Identity__Issuer", issuer);
        var identity = Service("identity", "ParPlatform.Identity", identityDb)
            .WithEnvironment("Identity__SigningKey", Secrets.NewRsaKeyPem())
            .WithEnvironment("Identity__EncryptionKey", Secrets.NewKey())
            .WithEnvironment("Identity__DemoData", "true"); // Lạng Sơn's reviewer
        var reporting = Service("reporting", "ParPlatform.Reporting", reportingDb).WithReference(identity);
        var gateway = builder.AddService("gateway", "ParPlatform.Gateway", gatewayPort)
            .WithEnvironment("Identity__Issuer", issuer)
            .WithReference(identity).WaitFor(identity)
            .WithReference(reporting).WaitFor(reporting);
        await using var platform = builder.Build();

        Console.WriteLine($"Reporting benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores: " +
            $"{units} units × {perUnit:N0} dossiers, {calls} calls, {events:N0} events");
        try
        {
            await platform.StartAsync();
            await platform.ResourceNotifications.WaitForResourceHealthyAsync(gateway.Resource.Name);
            await RunAsync();
            return 0;
        }
        finally
        {
            await platform.StopAsync();
            Directory.Delete(directory, recursive: true);
        }

        async Task RunAsync()
        {
            await using var db = new NpgsqlConnection(await reportingOwner.GetConnectionStringAsync());
            await db.OpenAsync();
            await ExecuteAsync(db, "SELECT set_config('parplatform.all_tenants', 'on', false)");
            var seeding = Stopwatch.StartNew();
            await SeedAsync(db);
            Console.WriteLine($"Seeded {units * perUnit:N0} dossiers in {seeding.Elapsed.TotalSeconds:0} s");

            using var http = new HttpClient { BaseAddress = new Uri(gateway.Url()) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "langson.sonoivu"));
            var path = $"/api/v1/provinces/{Province}/reports/statistics/dossiers?period={Period}";
            var answer = await http.GetFromJsonAsync<JsonElement>(path);
            var window = new DateWindow(DateOnly.Parse(answer.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
                DateOnly.Parse(answer.GetProperty("to").GetString()!, CultureInfo.InvariantCulture));
            Console.WriteLine($"{Period}: {answer.GetProperty("units").GetArrayLength()} units, " +
                $"{answer.GetProperty("total").GetProperty("total").GetInt64():N0} dossiers in the table");

            var viaGateway = await TimeAsync(async () => (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode().Dispose());
            var readModelSql = await TimeAsync(() => DossierStatisticsSql.RunAsync(db, ReportingStatisticsQuery.Tables, "province_code", Province, "unit_code", window,
                DateTimeOffset.UtcNow, CancellationToken.None));
            await ExecuteAsync(db, "CREATE TABLE bench_raw_dossiers AS SELECT * FROM reporting.dossier_facts; ANALYZE bench_raw_dossiers;");
            var rawSql = await TimeAsync(() => DossierStatisticsSql.RunAsync(db, new DossierStatisticsTables("bench_raw_dossiers", "reporting.feedback_facts"),
                "province_code", Province, "unit_code", window, DateTimeOffset.UtcNow, CancellationToken.None));
            var unitPath = $"/api/v1/units/90001/reports/statistics/dossiers?period={Period}";
            var unit = await TimeAsync(async () => (await http.GetAsync(new Uri(unitPath, UriKind.Relative))).EnsureSuccessStatusCode().Dispose());

            var (ingested, published) = await IngestAsync(db);

            Console.WriteLine();
            Console.WriteLine("| measure | result | target | ratio |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| province {Period}, {units} units, through the gateway (median, p95 of {calls} warm calls) | {viaGateway.Median:0} ms, {viaGateway.P95:0} ms | < 300 ms | {viaGateway.Median / 300:0.00} of the budget |");
            Console.WriteLine($"| the same SQL over the read model, no HTTP (median) | {readModelSql.Median:0} ms | | gateway ÷ SQL = {viaGateway.Median / readModelSql.Median:0.00} |");
            Console.WriteLine($"| the same SQL over a plain copy of the raw dossier rows (median) | {rawSql.Median:0} ms | | read model ÷ raw = {readModelSql.Median / rawSql.Median:0.00} |");
            Console.WriteLine($"| one unit's {Period} through the gateway (median) | {unit.Median:0} ms | | unit ÷ province = {unit.Median / viaGateway.Median:0.00} |");
            Console.WriteLine($"| ingestion: {events:N0} DossierReceived published → applied to the read model | {ingested:N0} events/s | ≥ 3,000 events/s | {ingested / 3000:0.00} of the target |");
            Console.WriteLine($"| publishing them alone (confirms) | {published:N0} events/s | | ingestion ÷ publishing = {ingested / published:0.00} |");
        }

        async Task SeedAsync(NpgsqlConnection db)
        {
            // Units 90001…, of province 20, known to reporting as UnitRegistered would record them.
            await ExecuteAsync(db, $"""
                INSERT INTO reporting.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at)
                SELECT (90000 + u)::text, '{Province}', 'Đơn vị ' || u, 'Commune', 'Lạng Sơn', now(), now() FROM generate_series(1, {units}) u
                """);
            // A year of dossiers per unit (received 01/12/2025 – 30/11/2026, Vietnam time): most resolved within a week, early, on time
            // or late; some returned; the last ones still open; a third rated.
            await ExecuteAsync(db, $"""
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
                ANALYZE reporting.dossier_facts;
                """);
        }

        async Task<(double Ingested, double Published)> IngestAsync(NpgsqlConnection db)
        {
            var before = await CountAsync(db, "SELECT count(*) FROM reporting.inbox_messages");
            var factory = new ConnectionFactory { Uri = new Uri((await messaging.Resource.GetConnectionStringAsync())!) };
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

        async Task<(double Median, double P95)> TimeAsync(Func<Task> call)
        {
            for (var i = 0; i < 3; i++)
                await call(); // warm
            var times = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            Array.Sort(times);
            return (times[(calls - 1) / 2], times[(int)Math.Ceiling(0.95 * calls) - 1]);
        }

        async Task<string> TokenAsync(HttpClient http, string userName)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = "parplatform-scripts", ["username"] = userName, ["password"] = "ParPlatform@2026", ["scope"] = "api",
            });
            using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode ? body.GetProperty("access_token").GetString()! : throw new InvalidOperationException($"No token for {userName}: {body}");
        }

        async Task ExecuteAsync(NpgsqlConnection db, string sql)
        {
            await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        async Task<long> CountAsync(NpgsqlConnection db, string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        int Option(string name, int fallback) =>
            args.Select(a => a.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).Single();
    }
}
