using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Messaging.Errors;
using ParPlatform.TestSupport;
using RabbitMQ.Client;

namespace ParPlatform.Hosting.Tests;

/// <summary>
/// Messages put in <c>test.thing_error</c> with the headers MassTransit 8 adds when it moves a
/// message there, listed and replayed to <c>test.thing</c>. Each test starts with both queues empty.
/// </summary>
[Collection(SharedServers.Name)]
public sealed class ErrorQueuesTests(ServersFixture fixture) : IAsyncLifetime
{
    private const string Queue = "test.thing";
    private const string ErrorQueue = "test.thing_error";
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    private TestServers Servers => fixture.Servers;

    private ErrorQueues ErrorQueues => Servers.Broker.ErrorQueues;

    public async Task InitializeAsync()
    {
        _connection = await new ConnectionFactory { Uri = new Uri(Servers.Messaging) }.CreateConnectionAsync();
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
    public async Task The_dashboard_command_replays_one_message_or_the_whole_queue_and_refuses_wrong_names()
    {
        var first = await PutFailedMessageAsync("{}", "first");
        var second = await PutFailedMessageAsync("{}", "second");
        var third = await PutFailedMessageAsync("{}", "third");

        await AssertFailsAsync(await ReplayCommandAsync(Queue, ""), $"'{Queue}' is not an error queue");
        await AssertFailsAsync(await ReplayCommandAsync("test.nothing_error", ""), "There is no queue 'test.nothing_error'");
        await AssertFailsAsync(await ReplayCommandAsync(ErrorQueue, "no-such-message"), $"There is no message 'no-such-message' in '{ErrorQueue}'");
        await AssertFailsAsync(await ReplayCommandAsync("", ""), "validation failed"); // the queue is a required argument
        Assert.Equal(0u, await _channel.MessageCountAsync(Queue));

        var one = await ReplayCommandAsync(ErrorQueue, second);
        Assert.True(one.Success, one.Message);
        Assert.Equal($"Đã chạy lại 1 thông điệp của {ErrorQueue}.", one.Message);
        Assert.Equal([second], await DrainAsync(Queue));

        var all = await ReplayCommandAsync(ErrorQueue, "");
        Assert.True(all.Success, all.Message);
        Assert.Equal($"Đã chạy lại 2 thông điệp của {ErrorQueue}.", all.Message);
        Assert.Equal(0u, await _channel.MessageCountAsync(ErrorQueue));
        Assert.Equal([first, third], await DrainAsync(Queue));
    }

    [Fact]
    public async Task The_broker_resource_shows_each_error_queue_depth()
    {
        await PutFailedMessageAsync("{}", "a");
        await PutFailedMessageAsync("{}", "b");
        await PutFailedMessageAsync("{}", "c");

        await WaitForDepthAsync(3);

        await ErrorQueues.ReplayAsync(ErrorQueue);

        await WaitForDepthAsync(0);
    }

    /// <summary>Runs the broker's replay-error-queue command as the dashboard does, with its two arguments.</summary>
    private Task<ExecuteCommandResult> ReplayCommandAsync(string queue, string messageId) =>
        Servers.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Servers.Broker, ErrorQueueCommands.Replay,
            new InteractionInputCollection([
                new InteractionInput { Name = ErrorQueueCommands.QueueArgument, InputType = InputType.Text, Value = queue },
                new InteractionInput { Name = ErrorQueueCommands.MessageArgument, InputType = InputType.Text, Value = messageId },
            ]));

    private async Task AssertFailsAsync(ExecuteCommandResult result, string message)
    {
        Assert.False(result.Success);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
        Assert.Equal(3u, await _channel.MessageCountAsync(ErrorQueue));
    }

    /// <summary>
    /// Waits until the broker's snapshot shows error-queue.test.thing_error = <paramref name="depth"/>: the depths are
    /// read every 5 s from the management API, whose counts are themselves up to 5 s old.
    /// </summary>
    private async Task WaitForDepthAsync(long depth)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Servers.App.ResourceNotifications.WaitForResourceAsync(Servers.Broker.Name,
            e => e.Snapshot.Properties.Any(p => p.Name == ErrorQueueCommands.PropertyPrefix + ErrorQueue && Equals(p.Value, depth)),
            timeout.Token);
    }

    private Task<string> PutFailedMessageAsync(string body, string exceptionMessage) =>
        FailedMessages.PublishAsync(_channel, ErrorQueue, body, exceptionMessage);

    /// <summary>Takes every message off the queue; returns their message ids in order.</summary>
    private async Task<List<string?>> DrainAsync(string queue)
    {
        var ids = new List<string?>();
        while (await _channel.BasicGetAsync(queue, autoAck: true) is { } message)
            ids.Add(message.BasicProperties.MessageId);
        return ids;
    }
}
