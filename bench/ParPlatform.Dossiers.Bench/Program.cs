// Dossiers benchmark (issue 5): intake through the gateway and straight to the service, the
// statistics of a unit with a year of dossiers, and a bulk import next to the per-dossier API and to
// a bare binary COPY. One run, one machine: PostgreSQL, RabbitMQ, the identity service, the dossiers
// service and the gateway started with the AppHost's resource types by Aspire's orchestrator, as the AppHost starts them.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Bench;
using ParPlatform.Dossiers.Bench;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

const string Officer = "tamthanh.canbo"; // unit officer of 06112: intake, per-dossier API, the large import
const string IntakeUnit = "06112";
const string StatisticsOfficer = "chilang.canbo"; // unit officer of 06181: the year of dossiers behind the statistics
const string StatisticsUnit = "06181";
const string Province = "20";

var directory = Path.Combine(Path.GetTempPath(), "parplatform-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var postgresLog = new PostgresLog();
var builder = Platform.CreateBuilder();
var postgres = builder.AddPlatformPostgres("postgres", directory);
var identityDb = postgres.AddServiceDatabase("identitydb");
var dossiersDb = postgres.AddServiceDatabase("dossiersdb");
var messaging = builder.AddPlatformRabbitMQ("messaging", directory);
var gatewayPort = Platform.FreePort();
var issuer = $"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
IResourceBuilder<ProjectResource> Service(string name, string projectName, IResourceBuilder<IResourceWithConnectionString> database) =>
    builder.AddService(name, projectName).WithServiceDatabase(database).WithReference(messaging).WaitFor(messaging)
        .WithEnvironment("Identity__Issuer", issuer);
var identity = Service("identity", "ParPlatform.Identity", identityDb)
    .WithEnvironment("Identity__SigningKey", Secrets.NewRsaKeyPem())
    .WithEnvironment("Identity__EncryptionKey", Secrets.NewKey())
    .WithEnvironment("Identity__DemoData", "true"); // the demo units and their officers
var dossiers = Service("dossiers", "ParPlatform.Dossiers", dossiersDb).WithReference(identity);
var gateway = builder.AddService("gateway", "ParPlatform.Gateway", gatewayPort)
    .WithEnvironment("Identity__Issuer", issuer)
    // One client sends thousands of requests a second here; the per-client limit (50/s) is not what is measured.
    .WithEnvironment("Gateway__RateLimit__PermitsPerSecond", "1000000")
    .WithEnvironment("Gateway__RateLimit__Burst", "1000000")
    .WithReference(identity).WaitFor(identity)
    .WithReference(dossiers).WaitFor(dossiers);
await using var platform = builder.Build();
var logs = platform.Services.GetRequiredService<ResourceLoggerService>();

Console.WriteLine($"Dossiers benchmark, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} cores: {string.Join(' ', args)}");
Console.WriteLine("Starting PostgreSQL, RabbitMQ, the identity and dossiers services and the gateway …");
using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
try
{
    await platform.StartAsync();
    _ = CaptureAsync(logs.WatchAsync(postgres.Resource));
    await RunAsync();
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or NpgsqlException)
{
    Console.Error.WriteLine(e);
    foreach (var service in new[] { identity, dossiers, gateway })
    {
        Console.Error.WriteLine($"--- {service.Resource.Name}, last lines:");
        var lines = new List<string>();
        await foreach (var batch in logs.GetAllAsync(service.Resource))
            lines.AddRange(batch.Select(l => l.Content));
        lines.TakeLast(30).ToList().ForEach(Console.Error.WriteLine);
    }
    return 1;
}
finally
{
    await platform.StopAsync();
    Directory.Delete(directory, recursive: true);
}

// PostgreSQL's output, as the orchestrator streams it.
async Task CaptureAsync(IAsyncEnumerable<IReadOnlyList<LogLine>> lines)
{
    await foreach (var batch in lines)
    {
        foreach (var line in batch)
            postgresLog.Add(line.Content);
    }
}

async Task RunAsync()
{
    var superuser = new NpgsqlConnectionStringBuilder(await AdminAsync()) { Database = dossiersDb.Resource.Name }.ConnectionString;
    var dossiersProcess = await platform.ProcessIdAsync(dossiers.Resource.Name);
    var cpu = new Cpu(new Dictionary<string, int>
    {
        ["gateway"] = await platform.ProcessIdAsync(gateway.Resource.Name),
        ["dossiers service"] = dossiersProcess,
        ["identity service"] = await platform.ProcessIdAsync(identity.Resource.Name),
        ["PostgreSQL"] = await platform.ProcessIdAsync(postgres.Resource.Name),
        ["RabbitMQ"] = await platform.ProcessIdAsync(messaging.Resource.Name),
    });
    var viaGateway = Client(gateway.Url(), Officer);
    var direct = Client(dossiers.Url(), Officer);
    var statisticsClient = Client(gateway.Url(), StatisticsOfficer);
    await ImportProceduresAsync(viaGateway, IntakeUnit);
    await ImportProceduresAsync(statisticsClient, StatisticsUnit);

    // A year of dossiers: received from a year ago to yesterday, finished up to an hour ago.
    var vietnamNow = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7), DateTimeKind.Unspecified);
    var today = DateOnly.FromDateTime(vietnamNow);
    var (from, to, latest) = (today.AddDays(-365), today.AddDays(-1), vietnamNow.AddHours(-1));
    var report = new List<string>();
    var cpuReport = new List<string>();
    var statements = new List<string>();
    void Row(string measure, string result, string target, string ratio) => report.Add($"| {measure} | {result} | {target} | {ratio} |");
    void CpuRow(string phase, int operations, string unit, Cpu.Usage usage)
    {
        string Ms(string part) => F($"{usage.Seconds[part] * 1000 / operations:N3}");
        cpuReport.Add($"| {phase} | {Ms("dossiers service")} | {Ms("gateway")} | {Ms("PostgreSQL")} | {Ms("RabbitMQ")} | {Ms("bench client")} | "
            + F($"{usage.Seconds.Values.Sum() * 1000 / operations:N3} ms per {unit} | {usage.MachineBusyShare:P0} | {usage.OtherSeconds * 1000 / operations:N3} |"));
    }

    if (options.StatisticsRows > 0)
    {
        Console.WriteLine($"Statistics: importing {options.StatisticsRows:N0} dossiers of unit {StatisticsUnit} over {from:yyyy-MM-dd} … {to:yyyy-MM-dd} …");
        var csv = Path.Combine(directory, "statistics.csv");
        await HistoricRows.WriteCsvAsync(csv, HistoricRows.Generate("S", options.StatisticsRows, from, to, latest));
        var seeded = await ImportAsync(statisticsClient, StatisticsUnit, csv, options.StatisticsRows);
        File.Delete(csv);
        // As autovacuum would have by the time anyone asks: the planner's statistics know the new rows.
        await ExecuteAsync(superuser, "ANALYZE dossiers.dossiers");
        // The import's DossiersRecorded events are published after it; the measures below start once they all are.
        var publishing = Stopwatch.StartNew();
        await WaitForOutboxAsync(superuser);
        Console.WriteLine($"Its DossiersRecorded events (500 dossiers each) were published {publishing.Elapsed.TotalSeconds:F1} s after it completed.");

        var path = $"/api/v1/units/{StatisticsUnit}/dossiers/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        for (var i = 0; i < 3; i++)
            await StatisticsAsync(statisticsClient, path, options.StatisticsRows);
        var times = new List<double>();
        for (var i = 0; i < options.StatisticsCalls; i++)
            times.Add(await StatisticsAsync(statisticsClient, path, options.StatisticsRows));
        times.Sort();
        var (median, p95) = (Percentile(times, 0.5), Percentile(times, 0.95));
        // The same call with PostgreSQL timing each statement: how much of it is the database's.
        const int Timed = 5;
        await LogStatementsAsync("log_min_duration_statement", "0", async () =>
        {
            for (var i = 0; i < Timed; i++)
                await StatisticsAsync(statisticsClient, path, options.StatisticsRows);
        });
        var (database, byStatement) = postgresLog.Durations(dossiersDb.Resource.Name, Timed);
        Row($"statistics of a unit with {options.StatisticsRows:N0} dossiers over one year, through the gateway ({options.StatisticsCalls} calls, one at a time)",
            F($"median {median:N0} ms, p95 {p95:N0} ms"), "< 200 ms", F($"p95 ÷ 200 ms = {p95 / 200:N2}"));
        Row($"(of which PostgreSQL's parse, bind and execute, {Timed} calls: " + string.Join(", ", byStatement.Take(3).Select(b => F($"`{b.Statement}` {b.Milliseconds:N0} ms"))) + ")",
            F($"{database:N0} ms per call"), "", F($"÷ median = {database / median:N2}"));
        Row($"(seeding them: bulk import of {options.StatisticsRows:N0} rows through the gateway)", F($"{seeded.RowsPerSecond:N0} rows/s ({seeded.Phases})"), "", "");
    }

    LoadResult? gatewayIntake = null;
    if (options.Intake > 0)
    {
        var bodies = HistoricRows.Procedures.Select((p, i) => JsonSerializer.SerializeToUtf8Bytes(new
        {
            procedureCode = p.Code, channel = "in-person", applicantReference = F($"BN-{i:D4}"), digitised = true,
        })).ToArray();
        Func<int, Task> Intake(HttpClient client) => async i =>
        {
            using var content = new ByteArrayContent(bodies[i % bodies.Length]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri($"/api/v1/units/{IntakeUnit}/dossiers", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Intake answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        };

        Console.WriteLine($"Intake: warming up ({options.Warmup:N0} through the gateway, {options.Warmup:N0} direct) …");
        if (options.Warmup > 0)
        {
            await Load.ClosedAsync(options.Warmup, options.Clients, Intake(viaGateway));
            await Load.ClosedAsync(options.Warmup, options.Clients, Intake(direct));
            // "Sustained" is the settled service: while its JIT still compiles the hot paths (more than 30 ms of CPU in an
            // idle second), another round of the same warm-up, at most three.
            for (var round = 1; round <= 3; round++)
            {
                var quiet = cpu.Take();
                await Task.Delay(TimeSpan.FromSeconds(1));
                var compiling = Cpu.Between(quiet, cpu.Take()).Seconds["dossiers service"] * 1000;
                if (compiling <= 30)
                    break;
                Console.WriteLine(F($"Intake: the dossiers service used {compiling:N0} ms of CPU in an idle second; warming up again ({round} of at most 3) …"));
                await Load.ClosedAsync(options.Warmup, options.Clients, Intake(viaGateway));
                await Load.ClosedAsync(options.Warmup, options.Clients, Intake(direct));
            }
        }

        // What the platform burns doing nothing (health probes, timers, the outbox dispatcher's polls), to set against the figures per intake.
        Console.WriteLine("Idle for 10 s …");
        var idleStart = cpu.Take();
        await Task.Delay(TimeSpan.FromSeconds(10));
        CpuRow("idle (per second, no request)", 10, "second", Cpu.Between(idleStart, cpu.Take()));

        Console.WriteLine($"Intake: {options.Intake:N0} dossiers through the gateway, {options.Clients} clients …");
        var before = cpu.Take();
        gatewayIntake = await Load.ClosedAsync(options.Intake, options.Clients, Intake(viaGateway));
        var gatewayCpu = Cpu.Between(before, cpu.Take());

        Console.WriteLine($"Intake: {options.Intake:N0} dossiers straight to the dossiers service …");
        before = cpu.Take();
        var directIntake = await Load.ClosedAsync(options.Intake, options.Clients, Intake(direct));
        var directCpu = Cpu.Between(before, cpu.Take());

        var steadyRate = Math.Max(10, Math.Round(gatewayIntake.PerSecond / 2 / 10) * 10);
        Console.WriteLine(F($"Intake: latency at a steady {steadyRate:N0} dossiers/s through the gateway for 10 s …"));
        before = cpu.Take();
        var steady = await Load.SteadyAsync(steadyRate, TimeSpan.FromSeconds(10), Intake(viaGateway));
        var steadyCpu = Cpu.Between(before, cpu.Take());

        Row($"intake through the gateway with tokens ({options.Intake:N0} dossiers, {options.Clients} clients)",
            F($"{gatewayIntake.PerSecond:N0} dossiers/s, p50 {gatewayIntake.Percentile(0.5):N0} ms, p99 {gatewayIntake.Percentile(0.99):N0} ms"),
            "≥ 1,000/s, p99 < 100 ms",
            F($"÷ 1,000/s = {gatewayIntake.PerSecond / 1000:N2}; p99 ÷ 100 ms = {gatewayIntake.Percentile(0.99) / 100:N2}"));
        Row("intake straight to the dossiers service (same token, same clients)",
            F($"{directIntake.PerSecond:N0} dossiers/s, p50 {directIntake.Percentile(0.5):N0} ms, p99 {directIntake.Percentile(0.99):N0} ms"), "",
            F($"gateway ÷ direct = {gatewayIntake.PerSecond / directIntake.PerSecond:N2}"));
        Row(F($"intake through the gateway at a steady {steadyRate:N0}/s (half the rate above), 10 s"),
            F($"p50 {steady.Percentile(0.5):N0} ms, p99 {steady.Percentile(0.99):N0} ms (all answered after {steady.Elapsed.TotalSeconds:N1} s)"), "p99 < 100 ms", F($"p99 ÷ 100 ms = {steady.Percentile(0.99) / 100:N2}"));
        if (options.StatementSample > 0)
        {
            // Every statement PostgreSQL receives while a few intakes are sent one at a time.
            Console.WriteLine($"Intake: the statements of {options.StatementSample} intakes, one at a time …");
            var send = Intake(viaGateway);
            await LogStatementsAsync("log_statement", "all", async () =>
            {
                for (var i = 0; i < options.StatementSample; i++)
                    await send(i);
                await Task.Delay(1000); // the outbox dispatcher publishes the events and marks them sent
            });
            statements.AddRange(postgresLog.Statements(dossiersDb.Resource.Name, options.StatementSample));
        }
        CpuRow("intake through the gateway", options.Intake, "intake", gatewayCpu);
        CpuRow("intake straight to the service", options.Intake, "intake", directCpu);
        CpuRow(F($"intake through the gateway at a steady {steadyRate:N0}/s"), steady.Count, "intake", steadyCpu);
    }

    LoadResult? perDossier = null;
    if (options.PerDossier > 0)
    {
        Console.WriteLine($"Per-dossier API: {options.PerDossier:N0} dossiers through the gateway, {options.Clients} clients …");
        var bodies = Enumerable.Range(0, options.PerDossier).Select(i => JsonSerializer.SerializeToUtf8Bytes(new
        {
            procedureCode = HistoricRows.Procedures[i % HistoricRows.Procedures.Count].Code, channel = "in-person",
            applicantReference = F($"BN-{i:D7}"), externalId = F($"P-{i:D7}"), digitised = true,
        })).ToArray();
        perDossier = await Load.ClosedAsync(options.PerDossier, options.Clients, async i =>
        {
            using var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await viaGateway.PostAsync(new Uri($"/api/v1/units/{IntakeUnit}/dossiers", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Intake answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        });
    }

    if (options.ImportRows > 0)
    {
        Console.WriteLine($"Import: generating {options.ImportRows:N0} rows …");
        var rows = HistoricRows.Generate("I", options.ImportRows, from, to, latest);
        var csv = Path.Combine(directory, "import.csv");
        await HistoricRows.WriteCsvAsync(csv, rows);
        var megabytes = new FileInfo(csv).Length / 1e6;

        Console.WriteLine(F($"Import: {options.ImportRows:N0} rows ({megabytes:N0} MB of CSV) through the gateway into unit {IntakeUnit} …"));
        await ExecuteAsync(superuser, "CHECKPOINT");
        var memory = new Memory(dossiersProcess);
        var residentBefore = memory.ResidentBytes;
        var before = cpu.Take();
        ImportTiming import = null!;
        // PostgreSQL times the import's statements that take a second or more: where the writing goes.
        await LogStatementsAsync("log_min_duration_statement", "1000", async () => import = await ImportAsync(viaGateway, IntakeUnit, csv, options.ImportRows));
        var importCpu = Cpu.Between(before, cpu.Take());
        // At least the import's own growth: the peak may be older than the import (then the import stayed below it).
        var growth = memory.PeakResidentBytes - residentBefore;
        var (_, importStatements) = postgresLog.Durations(dossiersDb.Resource.Name, 1);
        File.Delete(csv);
        // Its DossiersRecorded events (500 dossiers each, for the read models) leave through the outbox after it.
        var dispatch = Stopwatch.StartNew();
        await WaitForOutboxAsync(superuser);
        var dispatchRate = options.ImportRows / dispatch.Elapsed.TotalSeconds;

        Console.WriteLine($"Import: the same rows by binary COPY into an empty plain table …");
        await ExecuteAsync(superuser, "CREATE SCHEMA bench; CREATE TABLE bench.bare_dossiers (LIKE dossiers.dossiers); CHECKPOINT");
        double copyRate;
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            var clock = Stopwatch.StartNew();
            await HistoricRows.CopyAsync(connection, "bench.bare_dossiers", IntakeUnit, Province, rows);
            copyRate = rows.Count / clock.Elapsed.TotalSeconds;
        }
        await ExecuteAsync(superuser, "DROP SCHEMA bench CASCADE");

        Row(F($"bulk import of {options.ImportRows:N0} rows ({megabytes:N0} MB CSV) through the gateway, POST to completed"),
            F($"{import.RowsPerSecond:N0} rows/s ({import.Phases})"),
            "≥ 20,000 rows/s", F($"÷ 20,000/s = {import.RowsPerSecond / 20_000:N2}"));
        Row("the dossiers service's resident memory during the import: peak since it started (VmHWM) less resident before it (VmRSS)",
            $"{Memory.Megabytes(growth)} ({Memory.Megabytes(residentBefore)} before)", "< 300 MB", F($"÷ 300 MB = {growth / 300e6:N2}"));
        if (perDossier is not null)
        {
            Row($"per-dossier API: {options.PerDossier:N0} intakes through the gateway ({options.Clients} clients), extrapolated",
                F($"{perDossier.PerSecond:N0} dossiers/s: {options.ImportRows:N0} would take {options.ImportRows / perDossier.PerSecond / 60:N0} min"), "",
                F($"import ÷ per-dossier = {import.RowsPerSecond / perDossier.PerSecond:N1}"));
        }
        Row("(of which PostgreSQL's statements of a second or more: " + string.Join(", ", importStatements.Select(b => F($"`{b.Statement}` {b.Milliseconds / 1000:N1} s"))) + ")",
            F($"{importStatements.Sum(b => b.Milliseconds) / 1000:N1} s"), "", F($"÷ writing = {importStatements.Sum(b => b.Milliseconds) / 1000 / import.Writing.TotalSeconds:N2}"));
        Row(F($"then publishing its {options.ImportRows:N0} dossiers in DossiersRecorded events (500 each) from the outbox"), F($"{dispatchRate:N0} dossiers/s"), "",
            F($"publishing ÷ import = {dispatchRate / import.RowsPerSecond:N2}"));
        Row("bare binary COPY of the same rows into an empty plain table with the same columns (no index, no row-level security)",
            F($"{copyRate:N0} rows/s"), "", F($"import ÷ COPY = {import.RowsPerSecond / copyRate:N2}; writing alone ÷ COPY = {options.ImportRows / import.Writing.TotalSeconds / copyRate:N2}"));
        CpuRow("bulk import (per 1,000 rows)", options.ImportRows / 1000, "1,000 rows", importCpu);
    }

    Console.WriteLine();
    Console.WriteLine("| measure | result | target | ratio |");
    Console.WriteLine("|---|---|---|---|");
    report.ForEach(Console.WriteLine);
    if (cpuReport.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("CPU time (ms) per operation, each part with the processes it started; machine busy = share of both cores in use;");
        Console.WriteLine("other processes = CPU time of everything else on the machine meanwhile (another build, the system):");
        Console.WriteLine();
        Console.WriteLine("| phase | dossiers service | gateway | PostgreSQL | RabbitMQ | bench client | all | machine busy | other processes |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        cpuReport.ForEach(Console.WriteLine);
    }
    if (statements.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine($"Statements in {dossiersDb.Resource.Name} per intake through the gateway ({options.StatementSample} intakes one at a time, with the outbox dispatcher's):");
        Console.WriteLine();
        statements.ForEach(Console.WriteLine);
    }
}

// A client of one person, whose token is renewed as the run goes on (access tokens live five minutes).
HttpClient Client(string baseUrl, string userName) =>
    new(new FreshToken(() => TokenAsync(userName)) { InnerHandler = handler }, disposeHandler: false)
    {
        BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan,
    };

async Task<string> TokenAsync(string userName)
{
    using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(gateway.Url()) };
    using var form = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password", ["client_id"] = "parplatform-scripts", ["username"] = userName, ["password"] = "ParPlatform@2026", ["scope"] = "api",
    });
    using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (!response.IsSuccessStatusCode)
        throw new InvalidOperationException($"No token for {userName}: {(int)response.StatusCode} {body}");
    return body.GetProperty("access_token").GetString()!;
}

// The dossiers service learns of the demo units from the identity service's events: until then, 404.
async Task ImportProceduresAsync(HttpClient client, string unitCode)
{
    var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
    while (true)
    {
        using var content = new StringContent(HistoricRows.ProceduresCsv(), Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(new Uri($"/api/v1/units/{unitCode}/dossiers/procedures/import", UriKind.Relative), content);
        if (response.IsSuccessStatusCode)
            return;
        if (response.StatusCode != HttpStatusCode.NotFound || DateTimeOffset.UtcNow > deadline)
            throw new InvalidOperationException($"Procedures of {unitCode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Task.Delay(500);
    }
}

// POST the CSV, then poll the import until it is completed; the time is the caller's, from sending to seeing it completed.
async Task<ImportTiming> ImportAsync(HttpClient client, string unitCode, string csvPath, int rows)
{
    var clock = Stopwatch.StartNew();
    TimeSpan accepted;
    Uri location;
    await using (var file = File.OpenRead(csvPath))
    using (var content = new StreamContent(file, 1 << 20))
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri($"/api/v1/units/{unitCode}/dossiers/imports", UriKind.Relative), content);
        accepted = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
        location = response.Headers.Location!;
    }
    while (true)
    {
        var job = await client.GetFromJsonAsync<JsonElement>(location);
        switch (job.GetProperty("status").GetString())
        {
            case "completed":
                var written = job.GetProperty("writtenRows").GetInt32();
                if (written != rows)
                    throw new InvalidOperationException($"The import wrote {written} rows of {rows}: {job}");
                return new ImportTiming(rows, accepted, clock.Elapsed);
            case "failed":
                throw new InvalidOperationException($"The import failed: {job}");
        }
        await Task.Delay(100);
    }
}

async Task<double> StatisticsAsync(HttpClient client, string path, int expected)
{
    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    var elapsed = clock.Elapsed.TotalMilliseconds;
    if (response.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"Statistics answered {(int)response.StatusCode}: {body}");
    var total = body.GetProperty("total").GetProperty("total").GetInt64();
    if (total != expected)
        throw new InvalidOperationException($"Statistics counted {total} dossiers, not {expected}: {body}");
    return elapsed;
}

// Runs with a PostgreSQL logging setting on (for every session, at once), capturing what it logs. The orchestrator
// streams PostgreSQL's output a moment after it is written: what is captured lies between two marks logged around the run.
async Task LogStatementsAsync(string setting, string value, Func<Task> run)
{
    var admin = await AdminAsync();
    await ExecuteAsync(admin, $"ALTER SYSTEM SET {setting} = '{value}'");
    await ExecuteAsync(admin, "ALTER SYSTEM SET log_line_prefix = '%d '");
    await ExecuteAsync(admin, "SELECT pg_reload_conf()");
    await Task.Delay(1000);
    var (start, end) = postgresLog.Expect();
    await ExecuteAsync(admin, $"DO $$ BEGIN RAISE LOG '{start}'; END $$");
    await run();
    await ExecuteAsync(admin, $"DO $$ BEGIN RAISE LOG '{end}'; END $$");
    await postgresLog.Captured.WaitAsync(TimeSpan.FromSeconds(30));
    await ExecuteAsync(admin, $"ALTER SYSTEM RESET {setting}");
    await ExecuteAsync(admin, "ALTER SYSTEM RESET log_line_prefix");
    await ExecuteAsync(admin, "SELECT pg_reload_conf()");
}

// The superuser's connection string (database postgres).
async Task<string> AdminAsync() =>
    await postgres.Resource.GetConnectionStringAsync() ?? throw new InvalidOperationException("postgres has no connection string.");

static async Task WaitForOutboxAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var pending = new NpgsqlCommand("SELECT count(*) FROM dossiers.outbox_messages WHERE dispatched_at IS NULL", connection);
    while ((long)(await pending.ExecuteScalarAsync())! > 0)
        await Task.Delay(200);
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string Shorten(string text) => text.Length > 2000 ? text[..2000] + " …" : text;

static string F(FormattableString text) => FormattableString.Invariant(text);

/// <summary>An import seen from the caller: sent until 202 (the file read, its rows checked and staged), until seen completed.</summary>
internal sealed record ImportTiming(int Rows, TimeSpan Accepted, TimeSpan Total)
{
    public double RowsPerSecond => Rows / Total.TotalSeconds;

    public TimeSpan Writing => Total - Accepted;

    public string Phases => FormattableString.Invariant(
        $"{Total.TotalSeconds:N1} s: upload, row checks and staging {Accepted.TotalSeconds:N1} s, writing {Writing.TotalSeconds:N1} s");
}
