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
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.TestSupport;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 17 §1, on a platform of its own: while officers of three units keep receiving dossiers, and with the events
/// of a large import waiting in reporting's queue, (a) PostgreSQL is stopped for 20 s, (b) RabbitMQ is restarted,
/// (c) the reporting service is SIGKILLed, (d) the dossiers service is SIGKILLed in the middle of an import. After
/// each: every event the dossiers service committed was published and applied by reporting, no error queue holds
/// anything, and reporting's statistics of every unit are the dossiers service's.
/// </summary>
public sealed class FaultTests(PlatformFixture fixture, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    private const int SigKill = 9;
    private const int SigInt = 2;
    private const int SigStop = 19;
    private const int SigCont = 18;
    private const int ImportRows = 20_000;
    private const string ReportingImportQueue = "reporting.dossiers-recorded";

    /// <summary>How long the platform may take to be whole again after a fault (back-offs reach 30 s, a dead connection shows in 30 s).</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(3);

    private static readonly (string Code, string Officer)[] Units = [("06112", "tamthanh.canbo"), ("06118", "luongvantri.canbo"), ("06181", "chilang.canbo")];

    private TestPlatform Platform => fixture.AppHost;

    private RabbitMQExecutableResource Broker =>
        Platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<RabbitMQExecutableResource>().Single();

    private ResourceCommandService Commands => Platform.App.Services.GetRequiredService<ResourceCommandService>();

    [Fact]
    public async Task After_each_fault_every_event_is_applied_once_no_error_queue_holds_anything_and_reporting_equals_the_dossiers_service()
    {
        foreach (var (code, officer) in Units)
            await CreateProcedureAsync(code, officer);
        await using var intakes = new IntakeStream(Platform, Units);
        var imports = 0;

        // (a) PostgreSQL stopped for 20 s, while reporting has an import's events to apply.
        await WithImportBacklogAsync(++imports, async () =>
        {
            var postgres = Platform.ProcessId("postgres")!.Value;
            ProcessTable.Signal(postgres, SigInt); // a fast shutdown: every session ends now
            await WaitUntilAsync(() => !ProcessTable.IsAlive(postgres), "PostgreSQL to stop", TimeSpan.FromSeconds(30));
            ResumeReporting();
            await Task.Delay(TimeSpan.FromSeconds(20));
            await ExecuteAsync("postgres", KnownResourceCommands.StartCommand);
        });
        await ExpectWholeAsync("PostgreSQL stopped for 20 s", intakes);

        // (b) RabbitMQ restarted, with the import's events in reporting's queue: its application stopped (every connection
        // closed, the node refuses new ones) and started again, its queues reloaded from disk. (Not the resource's restart
        // command: its stop timed out once under load, with the orchestrator's "timed out waiting for process to stop".)
        await WithImportBacklogAsync(++imports, async () =>
        {
            await Broker.RunCtlAsync(["stop_app"], CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await Broker.RunCtlAsync(["start_app"], CancellationToken.None);
            ResumeReporting();
        });
        await ExpectWholeAsync("RabbitMQ restarted", intakes);

        // (c) Reporting SIGKILLed with the import's events in its queue; the AppHost starts it again.
        await WithImportBacklogAsync(++imports, () =>
        {
            var reporting = Platform.ProcessId("reporting")!.Value;
            ProcessTable.Signal(reporting, SigKill);
            return Task.CompletedTask;
        });
        await ExpectWholeAsync("reporting SIGKILLed", intakes);

        // (d) Dossiers SIGKILLed while it writes an accepted import; the import is finished after the restart.
        var (token, location) = await StartImportAsync(++imports, 5 * ImportRows);
        var before = await GetAsync(location.ToString(), token);
        Assert.NotEqual("completed", before.GetProperty("status").GetString());
        ProcessTable.Signal(Platform.ProcessId("dossiers")!.Value, SigKill);
        output.WriteLine($"Dossiers killed with its import {before.GetProperty("status").GetString()}, {before.GetProperty("writtenRows").GetInt32()} of {5 * ImportRows} rows written.");
        var job = await WaitForImportAsync(location);
        Assert.Equal(("completed", 5 * ImportRows), (job.GetProperty("status").GetString(),
            job.GetProperty("writtenRows").GetInt32() + job.GetProperty("skippedRows").GetInt32()));
        await ExpectWholeAsync("dossiers SIGKILLed mid-import", intakes);

        Assert.True(intakes.Accepted > 50, $"only {intakes.Accepted} intakes were accepted during the test");
        output.WriteLine($"{intakes.Accepted} intakes accepted, {intakes.Refused} refused or unanswered during the faults.");
    }

    /// <summary>
    /// Freezes reporting, imports <see cref="ImportRows"/> dossiers into the first unit and waits until their events
    /// wait in reporting's queue; then the fault, which resumes reporting itself or kills it.
    /// </summary>
    private async Task WithImportBacklogAsync(int import, Func<Task> fault)
    {
        ProcessTable.Signal(Platform.ProcessId("reporting")!.Value, SigStop);
        _frozen = Platform.ProcessId("reporting");
        try
        {
            var (_, location) = await StartImportAsync(import, ImportRows);
            var job = await WaitForImportAsync(location);
            Assert.Equal("completed", job.GetProperty("status").GetString());
            var waiting = 0u;
            await WaitUntilAsync(async () => (waiting = await MessagesInAsync(ReportingImportQueue)) >= ImportRows / 500,
                "the import's events to wait in reporting's queue", TimeSpan.FromSeconds(60));
            output.WriteLine($"Import {import}: {waiting} events waiting in {ReportingImportQueue}.");
            await fault();
        }
        finally
        {
            ResumeReporting();
        }
    }

    private int? _frozen;

    private void ResumeReporting()
    {
        if (_frozen is { } pid && ProcessTable.IsAlive(pid))
            ProcessTable.Signal(pid, SigCont);
        _frozen = null;
    }

    /// <summary>
    /// Pauses the intakes, then waits until the platform is whole again: every service healthy, the dossiers service's
    /// outbox published and every event of it that reporting consumes in reporting's inbox, and each unit's statistics
    /// equal; then checks no error queue holds anything.
    /// </summary>
    private async Task ExpectWholeAsync(string fault, IntakeStream intakes)
    {
        await intakes.PauseAsync();
        try
        {
            foreach (var resource in new[] { "postgres", "messaging", "dossiers", "reporting", "identity", "gateway" })
            {
                // A killed service is "exited" until the AppHost has started it again: wait through that.
                using var timeout = new CancellationTokenSource(Recovery);
                await Platform.Notifications.WaitForResourceHealthyAsync(resource, WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
            }
            var differences = new List<string>();
            await WaitUntilAsync(async () =>
            {
                differences = ["not compared yet"];
                differences = [.. await UnpublishedOrUnappliedAsync(), .. await StatisticsDifferencesAsync()];
                return differences.Count == 0;
            }, () => $"the platform to be whole after {fault}: {string.Join("; ", differences)}", Recovery);
            var errors = (await Broker.ErrorQueues.DepthsAsync()).Where(q => q.Messages > 0).ToList();
            Assert.True(errors.Count == 0, $"After {fault} error queues hold events: {string.Join(", ", errors.Select(q => $"{q.Name} {q.Messages}"))}");
            output.WriteLine($"Whole after {fault}.");
        }
        finally
        {
            intakes.Resume();
        }
    }

    /// <summary>Dossier events still pending in the outbox, and published ones reporting consumes that are not in its inbox.</summary>
    private async Task<List<string>> UnpublishedOrUnappliedAsync()
    {
        await using var dossiers = new NpgsqlConnection(await Platform.SuperuserConnectionStringAsync("dossiersdb"));
        await dossiers.OpenAsync();
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM dossiers.outbox_messages WHERE dispatched_at IS NULL", dossiers);
        var unpublished = (long)(await pending.ExecuteScalarAsync())!;
        var published = new List<Guid>();
        // DossierOverdue is for integrators: reporting computes overdue itself.
        await using (var ids = new NpgsqlCommand("SELECT event_id FROM dossiers.outbox_messages WHERE event_type NOT LIKE '%.DossierOverdue,%'", dossiers))
        await using (var reader = await ids.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                published.Add(reader.GetGuid(0));
        }
        await using var reporting = new NpgsqlConnection(await Platform.SuperuserConnectionStringAsync("reportingdb"));
        await reporting.OpenAsync();
        await using var applied = new NpgsqlCommand(
            "SELECT count(*) FROM unnest(@ids) AS e(id) WHERE NOT EXISTS (SELECT 1 FROM reporting.inbox_messages i WHERE i.event_id = e.id)", reporting);
        applied.Parameters.AddWithValue("ids", published.ToArray());
        var unapplied = (long)(await applied.ExecuteScalarAsync())!;
        return [.. new[] { (unpublished, "dossier events not yet published"), (unapplied, $"of {published.Count} published not yet applied by reporting") }
            .Where(c => c.Item1 > 0).Select(c => $"{c.Item1} {c.Item2}")];
    }

    /// <summary>For every unit, the imports' months and today: reporting's total, fields and feedback against the dossiers service's.</summary>
    private async Task<List<string>> StatisticsDifferencesAsync()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var differences = new List<string>();
        foreach (var (code, officer) in Units)
        {
            var token = await Platform.TokenAsync(officer);
            foreach (var (from, to) in new[] { ("2025-07-01", "2025-09-30"), (today, today) })
            {
                var reporting = await GetAsync($"/api/v1/units/{code}/reports/statistics/dossiers?from={from}&to={to}", token);
                var dossiers = await GetAsync($"/api/v1/units/{code}/dossiers/statistics?from={from}&to={to}", token);
                foreach (var part in new[] { "total", "fields", "feedback" })
                {
                    if (!JsonElement.DeepEquals(reporting.GetProperty(part), dossiers.GetProperty(part)))
                        differences.Add($"{code} {from}..{to} {part}: {dossiers.GetProperty(part).GetRawText()} (dossiers) ≠ {reporting.GetProperty(part).GetRawText()} (reporting)");
                }
            }
        }
        return differences;
    }

    private async Task<JsonElement> GetAsync(string path, string token)
    {
        using var response = await Platform.SendAsync(HttpMethod.Get, path, token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task ExecuteAsync(string resource, string command)
    {
        var result = await Commands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} of {resource}: {result.Message}");
    }

    /// <summary>Posts a CSV of <paramref name="rows"/> dossiers of mid-2025 into the first unit; returns its officer's token and the import's address.</summary>
    private async Task<(string Token, Uri Location)> StartImportAsync(int import, int rows)
    {
        var token = await Platform.TokenAsync(Units[0].Officer);
        var csv = new StringBuilder("externalId,procedureCode,channel,applicantReference,receivedAt,dueAt,status,finishedAt,rating,ratedAt\n");
        var start = new DateTime(2025, 7, 1, 9, 0, 0);
        for (var i = 0; i < rows; i++)
        {
            var received = start.AddDays(i % 80);
            var (status, finished) = (i % 10) switch
            {
                0 => ("resolved", received.AddDays(9)), // late
                1 => ("returned-not-eligible", received.AddDays(1)),
                _ => ("result-returned", received.AddDays(2)),
            };
            csv.Append(CultureInfo.InvariantCulture,
                $"FT{import}-{i:D6},FT.01,{(i % 3 == 0 ? "in-person" : "online")},BN-FT{import}-{i:D6},{Local(received)},{Local(received.AddDays(7))},{status},{Local(finished)},,\n");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/units/{Units[0].Code}/dossiers/imports", UriKind.Relative))
        {
            Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await Platform.Gateway.SendAsync(request);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"import {import}: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        return (token, accepted.Headers.Location!);
    }

    /// <summary>The import once it is no longer waiting or being written; a failed request (the service restarting) is asked again.</summary>
    private async Task<JsonElement> WaitForImportAsync(Uri location)
    {
        JsonElement job = default;
        await WaitUntilAsync(async () =>
        {
            using var response = await Platform.SendAsync(HttpMethod.Get, location.ToString(), await Platform.TokenAsync(Units[0].Officer));
            if (!response.IsSuccessStatusCode)
                return false;
            job = await response.Content.ReadFromJsonAsync<JsonElement>();
            return job.GetProperty("status").GetString() is "completed" or "failed";
        }, "the import to finish", Recovery);
        return job;
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Broker.AdministratorConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    private async Task CreateProcedureAsync(string unit, string officer)
    {
        var body = new { code = "FT.01", name = "Đăng ký kinh doanh hộ cá thể", field = "Kinh tế", timeLimit = 3, timeLimitUnit = "days", fee = 0, onlineLevel = "full" };
        await WaitUntilAsync(async () =>
        {
            using var created = await Platform.SendAsync(HttpMethod.Post, $"/api/v1/units/{unit}/dossiers/procedures", await Platform.TokenAsync(officer), body);
            return created.StatusCode == HttpStatusCode.Created; // the service may not know the unit yet right after start
        }, $"the procedure of {unit}", TimeSpan.FromSeconds(60));
    }

    private static string Local(DateTime vietnamTime) => vietnamTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(condition()), () => what, timeout);

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout) =>
        WaitUntilAsync(condition, () => what, timeout);

    /// <summary>Asks until <paramref name="condition"/> holds; a server still coming back is asked again, and named if time runs out.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                    return;
                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or NpgsqlException or TaskCanceledException or IOException
                or InvalidOperationException // no token yet: identity is coming back
                or RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                last = e; // a server still coming back: ask again
            }
            if (DateTimeOffset.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for {what()}{(last is null ? "" : $" (last: {last.GetType().Name}: {last.Message})")}.");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Officers receiving a dossier every 200 ms in each unit, for as long as the test runs, paused while the test
    /// compares; what the platform refuses or cannot answer during a fault is only counted.
    /// </summary>
    private sealed class IntakeStream : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly SemaphoreSlim _open = new(1, 1);
        private readonly Task _running;
        private int _accepted;
        private int _refused;

        public IntakeStream(TestPlatform platform, (string Code, string Officer)[] units) =>
            _running = Task.WhenAll(units.Select(unit => RunAsync(platform, unit.Code, unit.Officer)));

        public int Accepted => Volatile.Read(ref _accepted);

        public int Refused => Volatile.Read(ref _refused);

        /// <summary>Waits for the intakes in flight, and holds the next ones.</summary>
        public Task PauseAsync() => _open.WaitAsync();

        public void Resume() => _open.Release();

        private async Task RunAsync(TestPlatform platform, string unit, string officer)
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
            {
                try
                {
                    await _open.WaitAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                try
                {
                    using var response = await platform.SendAsync(HttpMethod.Post, $"/api/v1/units/{unit}/dossiers", await platform.TokenAsync(officer),
                        new { procedureCode = "FT.01", channel = n % 2 == 0 ? "online" : "in-person", applicantReference = $"FT-{unit}-{n:D5}", digitised = false });
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Created ? ref _accepted : ref _refused);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref _refused);
                }
                finally
                {
                    _open.Release();
                }
                await Task.Delay(200);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running;
            _stop.Dispose();
            _open.Dispose();
        }
    }
}
