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

    [Fact]
    public async Task A_replay_request_publishes_every_dossier_and_feedback_of_the_unit_and_then_their_counts()
    {
        var amqp = dossiers.Servers.Messaging;
        await using var completions = await EventFeed.BindAsync(amqp, "events.dossiers.dossier-replay-completed");
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var feedback = await officer.PostAsJsonAsync($"{TamThanh}/feedback", new { channel = "portal", subject = "Hỏi thủ tục", senderReference = "PAKN-R1" }))
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        var replay = Guid.CreateVersion7();

        await EventFeed.PublishAsync(amqp, new ParPlatform.Contracts.Reporting.ReadModelReplayRequested { UnitCode = "06112", ProvinceCode = "20", ReplayId = replay });
        var completed = await completions.NextAsync(e => e.GetProperty("replayId").GetGuid() == replay);

        var (unitDossiers, unitFeedback) = (await dossiers.CountAsync("dossiers.dossiers", "06112"), await dossiers.CountAsync("dossiers.feedback", "06112"));
        Assert.Equal(("06112", unitDossiers, unitFeedback), (completed.GetProperty("unitCode").GetString(), completed.GetProperty("dossiers").GetInt32(),
            completed.GetProperty("feedback").GetInt32()));
        Assert.True(unitDossiers >= 1 && unitFeedback >= 1);
        var replayed = await dossiers.ReplayedDossiersAsync(replay);
        Assert.Equal(unitDossiers, replayed.Count);
        Assert.Equal(unitDossiers, replayed.Distinct().Count());
        Assert.Single(replayed, d => d == id); // this dossier, once, for this replay
        Assert.Equal(unitFeedback, await dossiers.ReplayedAsync("FeedbackRecorded", replay));
    }
}
