using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>The dossiers service's work outside requests: the overdue scan and a read model's replay of a unit. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class OverdueAndReplayTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task The_overdue_scan_marks_a_dossier_past_its_due_date_once_and_writes_one_event()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1, "hours");
        dossiers.Freeze(Vn(2025, 3, 3, 8)); // long before any other test's dossiers are due
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid(); // due 09:00
        var paused = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, paused, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        using (var request = await ActAsync(officer, paused, "request-supplement", new { note = "Thiếu tờ khai" }))
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var pausedLate = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, pausedLate, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        dossiers.Freeze(Vn(2025, 3, 3, 9, 30)); // half an hour after the due time: asking for papers now stops no clock
        using (var request = await ActAsync(officer, pausedLate, "request-supplement", new { note = "Thiếu tờ khai" }))
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        dossiers.Freeze(Vn(2025, 3, 3, 10));
        var now = dossiers.Clock.GetUtcNow();

        var first = await dossiers.ScanAsync(now);
        var second = await dossiers.ScanAsync(now);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierOverdue", id));
        Assert.Equal(0, await dossiers.OutboxCountAsync("DossierOverdue", paused));
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierOverdue", pausedLate));
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}");
        Assert.True(dossier.GetProperty("overdue").GetBoolean());
        Assert.False((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{paused}")).GetProperty("overdue").GetBoolean());
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{pausedLate}")).GetProperty("overdue").GetBoolean());
        var overdueList = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?overdue=true&from=2025-03-03&to=2025-03-03");
        Assert.Equal(new[] { id, pausedLate }.Order(), overdueList.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Order());
    }

    /// <summary>The unit only the replay tests use: its dossiers and feedback are theirs alone.</summary>
    private const string Replayed = "/api/v1/units/06199/dossiers";

    [Fact]
    public async Task A_replay_request_publishes_every_dossier_and_feedback_of_the_unit_a_page_at_a_time_and_then_their_counts()
    {
        var amqp = dossiers.Servers.Messaging;
        await using var completions = await EventFeed.BindAsync(amqp, "events.dossiers.dossier-replay-completed");
        using var officer = dossiers.Officer("06199");
        var code = await ReplayedProcedureAsync(officer);
        var id = await ReplayedDossierAsync(officer, code);
        for (var i = 0; i < 2 * DossierRequests.ReplayPageSize; i++)
            await ReplayedDossierAsync(officer, code);
        for (var i = 0; i < DossierRequests.ReplayPageSize + 1; i++)
        {
            using var feedback = await officer.PostAsJsonAsync($"{Replayed}/feedback", new { channel = "portal", subject = "Hỏi thủ tục", senderReference = $"PAKN-R{i}" });
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        }
        var replay = Guid.CreateVersion7();

        await EventFeed.PublishAsync(amqp, new ParPlatform.Contracts.Reporting.ReadModelReplayRequested { UnitCode = "06199", ProvinceCode = "20", ReplayId = replay });
        var completed = await completions.NextAsync(e => e.GetProperty("replayId").GetGuid() == replay);

        var (unitDossiers, unitFeedback) = (await dossiers.CountAsync("dossiers.dossiers", "06199"), await dossiers.CountAsync("dossiers.feedback", "06199"));
        Assert.Equal(("06199", unitDossiers, unitFeedback), (completed.GetProperty("unitCode").GetString(), completed.GetProperty("dossiers").GetInt32(),
            completed.GetProperty("feedback").GetInt32()));
        Assert.True(unitDossiers > 2 * DossierRequests.ReplayPageSize && unitFeedback > DossierRequests.ReplayPageSize);
        var replayed = await dossiers.ReplayedDossiersAsync(replay);
        Assert.Equal(unitDossiers, replayed.Count);
        Assert.Equal(unitDossiers, replayed.Distinct().Count());
        Assert.Single(replayed, d => d == id); // this dossier, once, for this replay
        Assert.Equal(unitFeedback, await dossiers.ReplayedAsync("FeedbackRecorded", replay));
        // A page at a time, each published with the progress the service takes up (in a transaction of its own) for
        // the next: the counts grow by at most a page, dossiers first, then feedback.
        var progress = await dossiers.ReplayProgressAsync(replay);
        Assert.Equal((unitDossiers / DossierRequests.ReplayPageSize) + 1 + (unitFeedback / DossierRequests.ReplayPageSize), progress.Count);
        Assert.All(progress.Zip(progress.Skip(1)), step => Assert.InRange(
            step.Second.Dossiers - step.First.Dossiers + step.Second.Feedback - step.First.Feedback, 0, DossierRequests.ReplayPageSize));
        Assert.Equal(unitDossiers, progress[^1].Dossiers);
    }

    [Fact]
    public async Task A_replay_stopped_after_a_page_goes_on_from_its_last_page_and_publishes_the_rest_once()
    {
        var amqp = dossiers.Servers.Messaging;
        await using var completions = await EventFeed.BindAsync(amqp, "events.dossiers.dossier-replay-completed");
        using var officer = dossiers.Officer("06199");
        var code = await ReplayedProcedureAsync(officer);
        for (var i = 0; i < DossierRequests.ReplayPageSize + 2; i++)
            await ReplayedDossierAsync(officer, code);
        var all = await dossiers.DossierIdsInOrderAsync("06199");
        var (done, rest) = (all[..^(DossierRequests.ReplayPageSize + 2)], all[^(DossierRequests.ReplayPageSize + 2)..]);
        var replay = Guid.CreateVersion7();

        // The progress a stopped instance had committed with its last page: in the queue, the next instance takes it up.
        await EventFeed.PublishAsync(amqp, new ParPlatform.Contracts.Dossiers.DossierReplayProgressed
        {
            UnitCode = "06199", ProvinceCode = "20", ReplayId = replay, AfterDossier = done.Count > 0 ? done[^1] : null, DossiersDone = false,
            Dossiers = done.Count, Feedback = 0,
        });
        var completed = await completions.NextAsync(e => e.GetProperty("replayId").GetGuid() == replay);

        Assert.Equal(rest.Order(), (await dossiers.ReplayedDossiersAsync(replay)).Order());
        Assert.Equal(all.Count, completed.GetProperty("dossiers").GetInt32());
        Assert.Equal(await dossiers.CountAsync("dossiers.feedback", "06199"), completed.GetProperty("feedback").GetInt32());
    }

    private static async Task<string> ReplayedProcedureAsync(HttpClient officer)
    {
        var code = $"r{Guid.NewGuid():N}"[..12];
        using var response = await officer.PostAsJsonAsync($"{Replayed}/procedures", new { code, name = "Đăng ký khai sinh", field = "Hộ tịch", timeLimit = 5 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static async Task<Guid> ReplayedDossierAsync(HttpClient officer, string procedureCode)
    {
        using var response = await officer.PostAsJsonAsync(Replayed, new { procedureCode, channel = "online", applicantReference = "BN-R" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
