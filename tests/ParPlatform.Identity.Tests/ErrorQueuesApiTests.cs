using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ParPlatform.TestSupport;
using RabbitMQ.Client;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// The error queues through the admin API, against the real broker: messages put in a fresh
/// <c>&lt;queue&gt;_error</c> with the headers MassTransit 8 adds, listed and replayed to <c>&lt;queue&gt;</c> (each replay
/// recorded in the audit log).
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class ErrorQueuesApiTests(IdentityFixture identity) : IAsyncLifetime
{
    private const string Api = "/api/v1/admin/messaging/error-queues";
    private readonly string _queue = $"test.errq-{Guid.NewGuid():N}";
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    private string ErrorQueue => _queue + "_error";

    public async Task InitializeAsync()
    {
        _connection = await new ConnectionFactory { Uri = new Uri(identity.Messaging) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await _channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false);
    }

    public async Task DisposeAsync()
    {
        await _channel.QueueDeleteAsync(_queue);
        await _channel.QueueDeleteAsync(ErrorQueue);
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_lists_the_failures_then_replays_one_message_and_then_the_rest()
    {
        var first = await PutFailedMessageAsync("Unit 06112 is unknown");
        var second = await PutFailedMessageAsync("second");
        var third = await PutFailedMessageAsync("third");
        using var operatorClient = await identity.SignedInAsync("vanhanh");

        var queues = await operatorClient.GetFromJsonAsync<JsonElement>($"{Api}?messages=2");

        var queue = Assert.Single(queues.EnumerateArray(), q => q.GetProperty("name").GetString() == ErrorQueue);
        Assert.Equal(_queue, queue.GetProperty("originalQueue").GetString());
        Assert.Equal(3, queue.GetProperty("messageCount").GetInt64());
        Assert.Equal([first, second], queue.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()));
        var failure = queue.GetProperty("messages")[0];
        Assert.Equal("System.InvalidOperationException", failure.GetProperty("exceptionType").GetString());
        Assert.Equal("Unit 06112 is unknown", failure.GetProperty("exceptionMessage").GetString());
        Assert.Equal(3, failure.GetProperty("retryCount").GetInt32());
        Assert.Equal(3u, await _channel.MessageCountAsync(ErrorQueue));

        using (var one = await operatorClient.PostAsync(new Uri($"{Api}/{ErrorQueue}/messages/{second}/replay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            await AssertReplayedAsync(one, 1);
        }
        Assert.Equal([second], await DrainAsync(_queue));

        using (var all = await operatorClient.PostAsync(new Uri($"{Api}/{ErrorQueue}/replay", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, all.StatusCode);
            await AssertReplayedAsync(all, 2);
        }
        Assert.Equal(0u, await _channel.MessageCountAsync(ErrorQueue));
        Assert.Equal([first, third], await DrainAsync(_queue));
        // Each replay is in the audit log, with the operator who asked for it.
        var replays = await identity.AuditEntriesAsync("action=error-queue.replayed&actor=vanhanh", ErrorQueue, count: 2);
        Assert.Equal(new (string?, int)[] { (null, 2), (second, 1) },
            replays.Select(e => (e.GetProperty("after").GetProperty("messageId").GetString(), e.GetProperty("after").GetProperty("replayed").GetInt32())));
        Assert.All(replays, e => Assert.Equal(("identity", "operator"), (e.GetProperty("service").GetString(), e.GetProperty("actorRole").GetString())));
    }

    [Fact]
    public async Task A_platform_administrator_lists_and_replays_too()
    {
        var id = await PutFailedMessageAsync("admin");
        using var admin = await identity.SignedInAsync("admin");

        var queues = await admin.GetFromJsonAsync<JsonElement>(Api);
        Assert.Contains(queues.EnumerateArray(), q => q.GetProperty("name").GetString() == ErrorQueue);
        using var replay = await admin.PostAsync(new Uri($"{Api}/{ErrorQueue}/replay", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal([id], await DrainAsync(_queue));
    }

    [Theory]
    [InlineData("tamthanh.canbo")]
    [InlineData("tamthanh.chutich")]
    [InlineData("langson.sonoivu")]
    public async Task Officers_chairmen_and_reviewers_get_403_and_nothing_moves(string userName)
    {
        var id = await PutFailedMessageAsync("stays");
        using var client = await identity.SignedInAsync(userName);

        using var list = await client.GetAsync(new Uri(Api, UriKind.Relative));
        using var replayAll = await client.PostAsync(new Uri($"{Api}/{ErrorQueue}/replay", UriKind.Relative), null);
        using var replayOne = await client.PostAsync(new Uri($"{Api}/{ErrorQueue}/messages/{id}/replay", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replayAll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, replayOne.StatusCode);
        Assert.Equal(0u, await _channel.MessageCountAsync(_queue));
        Assert.Equal(1u, await _channel.MessageCountAsync(ErrorQueue));
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var client = identity.Client();

        using var response = await client.GetAsync(new Uri(Api, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_queue_or_message_is_404_and_a_queue_not_ending_in_error_is_400()
    {
        var id = await PutFailedMessageAsync("stays");
        using var operatorClient = await identity.SignedInAsync("vanhanh");

        using var unknownQueue = await operatorClient.PostAsync(new Uri($"{Api}/test.nothing-{Guid.NewGuid():N}_error/replay", UriKind.Relative), null);
        using var unknownMessage = await operatorClient.PostAsync(new Uri($"{Api}/{ErrorQueue}/messages/no-such-message/replay", UriKind.Relative), null);
        using var notAnErrorQueue = await operatorClient.PostAsync(new Uri($"{Api}/{_queue}/replay", UriKind.Relative), null);
        using var tooMany = await operatorClient.GetAsync(new Uri($"{Api}?messages=201", UriKind.Relative));

        await AssertProblemAsync(unknownQueue, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknownMessage, HttpStatusCode.NotFound);
        var invalid = await AssertProblemAsync(notAnErrorQueue, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("queue", out _), invalid.ToString());
        var invalidCount = await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest);
        Assert.True(invalidCount.GetProperty("errors").TryGetProperty("messages", out _), invalidCount.ToString());
        Assert.Equal(0u, await _channel.MessageCountAsync(_queue));
        Assert.Equal([id], await DrainAsync(ErrorQueue));
    }

    [Fact]
    public async Task Without_a_management_url_the_routes_answer_503_and_point_to_the_broker_s_own_ui()
    {
        await using var service = identity.Create("Development", "identitydb")
            .WithWebHostBuilder(host => host.UseSetting("Messaging:ManagementUrl", null));
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await IdentityFixture.PasswordTokenAsync(client, "vanhanh", IdentityFixture.DemoPassword));

        using var list = await client.GetAsync(new Uri(Api, UriKind.Relative));
        using var replay = await client.PostAsync(new Uri($"{Api}/{ErrorQueue}/replay", UriKind.Relative), null);

        var problem = await AssertProblemAsync(list, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Messaging:ManagementUrl", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(replay, HttpStatusCode.ServiceUnavailable);
    }

    private async Task AssertReplayedAsync(HttpResponseMessage response, int replayed)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ErrorQueue, body.GetProperty("queue").GetString());
        Assert.Equal(replayed, body.GetProperty("replayed").GetInt32());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }

    private Task<string> PutFailedMessageAsync(string exceptionMessage) =>
        FailedMessages.PublishAsync(_channel, ErrorQueue, """{"unitCode":"06112"}""", exceptionMessage);

    /// <summary>Takes every message off the queue; returns their message ids in order.</summary>
    private async Task<List<string?>> DrainAsync(string queue)
    {
        var ids = new List<string?>();
        while (await _channel.BasicGetAsync(queue, autoAck: true) is { } message)
            ids.Add(message.BasicProperties.MessageId);
        return ids;
    }
}
