using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Hosting.Dashboard;
using ParPlatform.Hosting.RabbitMQ;
using RabbitMQ.Client;

namespace ParPlatform.Hosting.Tests;

/// <summary>
/// Messages put in <c>test.thing_error</c> with the headers MassTransit 8 adds when it moves a
/// message there, listed and replayed to <c>test.thing</c>. Each test starts with both queues empty.
/// </summary>
public sealed class ErrorQueuesTests(ServersFixture servers) : IClassFixture<ServersFixture>, IAsyncLifetime
{
    private const string Queue = "test.thing";
    private const string ErrorQueue = "test.thing_error";
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    private ErrorQueues ErrorQueues => servers.Messaging.ErrorQueues;

    public async Task InitializeAsync()
    {
        _connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging.ConnectionString) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        foreach (var queue in new[] { Queue, ErrorQueue })
        {
            await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await _channel.QueuePurgeAsync(queue);
        }
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task The_list_shows_each_failure_and_leaves_the_messages_in_place()
    {
        var first = await PutFailedMessageAsync("""{"unitCode":"06112"}""", "Unit 06112 is unknown");
        var second = await PutFailedMessageAsync(new string('x', 3000), "Body too long");
        var third = await PutFailedMessageAsync("{}", "Third");

        var queue = Assert.Single(await ErrorQueues.ListAsync(maxMessages: 2), q => q.Name == ErrorQueue);

        Assert.Equal(Queue, queue.OriginalQueue);
        Assert.Equal(3, queue.MessageCount);
        Assert.Equal([first, second], queue.Messages.Select(m => m.MessageId));
        var failure = queue.Messages[0];
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 3, 4, TimeSpan.Zero), failure.FailedAt);
        Assert.Equal("System.InvalidOperationException", failure.ExceptionType);
        Assert.Equal("Unit 06112 is unknown", failure.ExceptionMessage);
        Assert.Equal(["   at Frame1()", "   at Frame2()", "   at Frame3()", "   at Frame4()", "   at Frame5()"], failure.StackTrace!.Split('\n'));
        Assert.Equal(3, failure.RetryCount);
        Assert.Equal("ParPlatform.Plans.UnitRegisteredConsumer", failure.ConsumerType);
        Assert.Equal("""{"unitCode":"06112"}""", failure.Body);
        Assert.Equal(new string('x', 2000) + "…", queue.Messages[1].Body);

        var again = Assert.Single(await ErrorQueues.ListAsync(), q => q.Name == ErrorQueue);
        Assert.Equal([first, second, third], again.Messages.Select(m => m.MessageId));
        Assert.Equal(3u, await _channel.MessageCountAsync(ErrorQueue));
        Assert.Equal(0u, await _channel.MessageCountAsync(Queue));
    }

    [Fact]
    public async Task Replaying_one_message_moves_exactly_it_without_its_fault_headers()
    {
        var first = await PutFailedMessageAsync("""{"n":1}""", "one");
        var second = await PutFailedMessageAsync("""{"n":2}""", "two");
        var third = await PutFailedMessageAsync("""{"n":3}""", "three");

        Assert.Equal(1, await ErrorQueues.ReplayAsync(ErrorQueue, second));

        var replayed = await _channel.BasicGetAsync(Queue, autoAck: true);
        Assert.NotNull(replayed);
        Assert.Equal(second, replayed.BasicProperties.MessageId);
        Assert.Equal("""{"n":2}""", Encoding.UTF8.GetString(replayed.Body.Span));
        Assert.Equal("application/json", replayed.BasicProperties.ContentType);
        Assert.Equal(DeliveryModes.Persistent, replayed.BasicProperties.DeliveryMode);
        var headers = replayed.BasicProperties.Headers!;
        Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == "MT-Reason");
        Assert.Equal("kept", Encoding.UTF8.GetString((byte[])headers["x-tenant"]!));
        Assert.Equal(0u, await _channel.MessageCountAsync(Queue));
        Assert.Equal([first, third], await DrainAsync(ErrorQueue));
    }

    [Fact]
    public async Task Replaying_all_moves_every_message_in_order()
    {
        var ids = new[] { await PutFailedMessageAsync("{}", "a"), await PutFailedMessageAsync("{}", "b"), await PutFailedMessageAsync("{}", "c") };

        Assert.Equal(3, await ErrorQueues.ReplayAsync(ErrorQueue));

        Assert.Equal(0u, await _channel.MessageCountAsync(ErrorQueue));
        Assert.Equal(ids, await DrainAsync(Queue));
    }

    [Fact]
    public async Task An_unknown_message_or_queue_is_not_found_and_nothing_moves()
    {
        var id = await PutFailedMessageAsync("{}", "stays");

        await Assert.ThrowsAsync<KeyNotFoundException>(() => ErrorQueues.ReplayAsync(ErrorQueue, "no-such-message"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ErrorQueues.ReplayAsync("test.nothing_error"));
        await Assert.ThrowsAsync<ArgumentException>(() => ErrorQueues.ReplayAsync(Queue));

        Assert.Equal(0u, await _channel.MessageCountAsync(Queue));
        Assert.Equal([id], await DrainAsync(ErrorQueue));
    }

    [Fact]
    public async Task A_replay_the_broker_cannot_deliver_keeps_the_message_in_the_error_queue()
    {
        await _channel.QueueDeleteAsync(Queue);
        var id = await PutFailedMessageAsync("{}", "orphan");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ErrorQueues.ReplayAsync(ErrorQueue));

        Assert.Contains($"there is no queue '{Queue}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal([id], await DrainAsync(ErrorQueue));
    }

    [Fact]
    public async Task The_dashboard_lists_and_replays_error_queues_over_http()
    {
        var first = await PutFailedMessageAsync("{}", "first");
        await PutFailedMessageAsync("{}", "second");
        await PutFailedMessageAsync("{}", "third");
        await using var dashboard = await StartDashboardAsync();
        using var http = new HttpClient { BaseAddress = new Uri(dashboard.Urls.Single()) };

        var list = await http.GetFromJsonAsync<JsonElement>("/api/error-queues");
        var queue = list.EnumerateArray().Single(q => q.GetProperty("name").GetString() == ErrorQueue);
        Assert.Equal(3, queue.GetProperty("messageCount").GetInt32());
        Assert.Equal("first", queue.GetProperty("messages")[0].GetProperty("exceptionMessage").GetString());

        await AssertProblemAsync(HttpStatusCode.BadRequest, await http.PostAsync($"/api/error-queues/{Queue}/replay", null));
        await AssertProblemAsync(HttpStatusCode.NotFound, await http.PostAsync("/api/error-queues/test.nothing_error/replay", null));
        await AssertProblemAsync(HttpStatusCode.NotFound, await http.PostAsync($"/api/error-queues/{ErrorQueue}/messages/no-such-message/replay", null));

        using var one = await http.PostAsync($"/api/error-queues/{ErrorQueue}/messages/{first}/replay", null);
        Assert.Equal(new ReplayResult(ErrorQueue, 1), await one.Content.ReadFromJsonAsync<ReplayResult>());
        using var all = await http.PostAsync($"/api/error-queues/{ErrorQueue}/replay", null);
        Assert.Equal(new ReplayResult(ErrorQueue, 2), await all.Content.ReadFromJsonAsync<ReplayResult>());
        Assert.Equal(0u, await _channel.MessageCountAsync(ErrorQueue));
        Assert.Equal(3u, await _channel.MessageCountAsync(Queue));
    }

    /// <summary>Publishes a message to the error queue the way MassTransit 8 moves one there; returns its message id.</summary>
    private async Task<string> PutFailedMessageAsync(string body, string exceptionMessage)
    {
        var id = Guid.NewGuid().ToString();
        var properties = new BasicProperties
        {
            MessageId = id,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>
            {
                ["x-tenant"] = "kept",
                ["MT-Reason"] = "fault",
                ["MT-Fault-ExceptionType"] = "System.InvalidOperationException",
                ["MT-Fault-Message"] = exceptionMessage,
                ["MT-Fault-Timestamp"] = "2026-03-01T02:03:04.0000000Z",
                ["MT-Fault-StackTrace"] = string.Join(Environment.NewLine, Enumerable.Range(1, 8).Select(i => $"   at Frame{i}()")),
                ["MT-Fault-ConsumerType"] = "ParPlatform.Plans.UnitRegisteredConsumer",
                ["MT-Fault-MessageType"] = "ParPlatform.Contracts.Identity.UnitRegistered",
                ["MT-Fault-RetryCount"] = 3,
                ["MT-Host-MachineName"] = "test",
            },
        };
        await _channel.BasicPublishAsync("", ErrorQueue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
        return id;
    }

    /// <summary>Takes every message off the queue; returns their message ids in order.</summary>
    private async Task<List<string?>> DrainAsync(string queue)
    {
        var ids = new List<string?>();
        while (await _channel.BasicGetAsync(queue, autoAck: true) is { } message)
            ids.Add(message.BasicProperties.MessageId);
        return ids;
    }

    /// <summary>The dashboard's endpoints over this test class's platform, on a free loopback port.</summary>
    private async Task<WebApplication> StartDashboardAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(servers.Platform);
        builder.Services.AddSingleton<TelemetryCounters>();
        var app = builder.Build();
        app.MapDashboard();
        await app.StartAsync();
        return app;
    }

    private static async Task AssertProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
