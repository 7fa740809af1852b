using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Feedback (PAKN): received, forwarded, resolved, published, within its deadline or not. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class FeedbackApiTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task Feedback_is_received_forwarded_resolved_and_published_with_its_deadlines()
    {
        using var officer = dossiers.Officer("06112");
        const string Feedback = $"{TamThanh}/feedback";
        dossiers.Freeze(Vn(2026, 11, 16, 8));

        using var created = await officer.PostAsJsonAsync(Feedback, new { channel = "portal", subject = "Thời gian chờ tại bộ phận một cửa", senderReference = "PAKN-2026-001" });
        var received = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = received.GetProperty("id").GetGuid();
        dossiers.Freeze(Vn(2026, 11, 17, 9));
        using var forwarded = await officer.PostAsJsonAsync($"{Feedback}/{id}/forward", new { agencyCode = "van-phong" });
        dossiers.Freeze(Vn(2026, 12, 7, 16));
        using var resolved = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Đã bố trí thêm cán bộ tiếp nhận." });
        using var resolvedAgain = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Lần hai" });
        dossiers.Freeze(Vn(2026, 12, 8, 9));
        using var published = await officer.PostAsync(new Uri($"{Feedback}/{id}/publish", UriKind.Relative), null);
        using var badChannel = await officer.PostAsJsonAsync(Feedback, new { channel = "email", subject = "X", senderReference = "PAKN-2026-002" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal("portal", received.GetProperty("channel").GetString());
        Assert.Equal(Vn(2026, 11, 18, 8), received.GetProperty("forwardDueAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 12, 7, 8), received.GetProperty("resolveDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        var afterForward = await forwarded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("forwarded", afterForward.GetProperty("status").GetString());
        Assert.Equal("van-phong", afterForward.GetProperty("forwardedTo").GetString());
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var afterResolve = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", afterResolve.GetProperty("status").GetString());
        Assert.True(afterResolve.GetProperty("resolvedWithinDeadline").GetBoolean());
        Assert.Equal(Vn(2026, 12, 9, 16), afterResolve.GetProperty("publishDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, resolvedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(["channel"], await ErrorFieldsAsync(badChannel));
        var read = await officer.GetFromJsonAsync<JsonElement>($"{Feedback}/{id}");
        Assert.Equal("Đã bố trí thêm cán bộ tiếp nhận.", read.GetProperty("answer").GetString());
        Assert.Equal(Vn(2026, 12, 8, 9), read.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(1, await dossiers.OutboxCountAsync("FeedbackResolved", id));
    }

    [Fact]
    public async Task Feedback_resolved_after_the_day_of_its_deadline_is_not_within_it()
    {
        using var officer = dossiers.Officer("06112");
        const string Feedback = $"{TamThanh}/feedback";
        dossiers.Freeze(Vn(2026, 11, 16, 8));
        using var created = await officer.PostAsJsonAsync(Feedback, new { channel = "in-person", subject = "Phí chứng thực", senderReference = "PAKN-2026-003" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        dossiers.Freeze(Vn(2026, 12, 8, 7, 30));

        using var resolved = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Đã trả lời." });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.False((await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolvedWithinDeadline").GetBoolean());
    }
}
