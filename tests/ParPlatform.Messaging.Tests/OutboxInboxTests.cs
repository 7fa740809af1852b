using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.Messaging.Tests.Testing;
using RabbitMQ.Client;

namespace ParPlatform.Messaging.Tests;

/// <summary>
/// Events committed through the outbox of producer services reach a consumer service's
/// effect exactly once and in order per aggregate: across crashes, broker outages, duplicate
/// deliveries, failing handlers and two instances of a producer.
/// </summary>
public sealed class OutboxInboxTests(MessagingFixture servers) : IClassFixture<MessagingFixture>
{
    private const string SinkQueue = "sink.thing-happened";
    private const string ThingExchange = "events.testing.thing-happened";

    [Fact]
    public async Task An_event_committed_just_before_its_service_died_is_delivered_once_after_the_restart()
    {
        using var sink = await StartSinkAsync();
        // The producer commits while it cannot reach any broker, so nothing is published; then it dies.
        var unreachable = $"amqp://parplatform:unused@127.0.0.1:{FreePort()}/parplatform";
        var thing = TestService.Thing("alpha", $"crash-{Guid.NewGuid():N}", 1);
        var dying = await TestService.StartAsync<AlphaDbContext>("alpha", servers.Database("alpha"), unreachable);
        await TestService.CommitAsync<AlphaDbContext>(dying, [thing]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(await IsDispatchedAsync(thing.EventId));
        using (var killed = new CancellationTokenSource())
        {
            await killed.CancelAsync();
            await dying.StopAsync(killed.Token);
        }
        dying.Dispose();
        Assert.Equal(0, await EffectsAsync(thing.EventId));

        using var restarted = await StartProducerAsync<AlphaDbContext>("alpha");

        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the event to take effect after the restart");
        Assert.True(await IsDispatchedAsync(thing.EventId));
        await DrainedAsync(SinkQueue);
        Assert.Equal(1, await EffectsAsync(thing.EventId));
    }

    [Fact]
    public async Task A_thousand_events_committed_while_the_broker_is_down_are_all_delivered_after_it_returns_none_twice()
    {
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var run = Guid.NewGuid().ToString("N");
        var things = Enumerable.Range(1, 100)
            .SelectMany(n => Enumerable.Range(0, 10).Select(a => TestService.Thing("alpha", $"outage-{run}-{a}", n)))
            .ToList();

        var committed = 0;
        var brokerStopped = new TaskCompletionSource();
        var committing = Task.Run(async () =>
        {
            foreach (var chunk in things.Chunk(10))
            {
                await TestService.CommitAsync<AlphaDbContext>(producer, chunk);
                if (Interlocked.Add(ref committed, chunk.Length) == 100)
                    await brokerStopped.Task;
            }
        });
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref committed) >= 100), "the first commits");
        await servers.Broker.RunCtlAsync(["stop_app"], CancellationToken.None);
        brokerStopped.SetResult();
        await committing;
        var ids = things.Select(t => t.EventId).ToArray();
        Assert.True(await PendingAsync(ids) > 0, "some events must have waited in the outbox for the broker");

        await servers.Broker.RunCtlAsync(["start_app"], CancellationToken.None);

        await EventuallyAsync(async () => await DistinctEffectsAsync(ids) == 1000, "all 1,000 events to take effect", TimeSpan.FromSeconds(120));
        await DrainedAsync(SinkQueue);
        Assert.Equal(1000, await EffectsAsync(ids));
        Assert.Equal(0, await PendingAsync(ids));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_takes_effect_once()
    {
        using var sink = await StartSinkAsync();
        var thing = TestService.Thing("alpha", $"twice-{Guid.NewGuid():N}", 1);

        // Two deliveries of one event, as after a publisher crashed between its publish and its mark.
        await using var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var body = JsonSerializer.SerializeToUtf8Bytes(thing, JsonSerializerOptions.Web);
        for (var i = 0; i < 2; i++)
        {
            var properties = new BasicProperties { ContentType = "application/json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
            await channel.BasicPublishAsync(ThingExchange, "", mandatory: true, properties, body);
        }

        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the event to take effect");
        await DrainedAsync(SinkQueue);
        Assert.Equal(1, await EffectsAsync(thing.EventId));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM sink.inbox_messages WHERE event_id = @id", thing.EventId));
    }

    [Fact]
    public async Task A_failing_consumer_sends_the_event_to_the_error_queue_and_a_replay_after_the_fix_applies_it_once()
    {
        var faults = new FaultSwitch();
        using var sink = await StartSinkAsync(faults);
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var thing = TestService.Thing("alpha", $"fault-{Guid.NewGuid():N}", 1);
        faults.FailFor(thing.EventId);

        await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);

        var failed = await EventuallyAsync(async () =>
        {
            var queues = await servers.Broker.ErrorQueues.ListAsync(200);
            return queues.Where(q => q.Name == SinkQueue + "_error")
                .SelectMany(q => q.Messages)
                .FirstOrDefault(m => m.MessageId == thing.EventId.ToString());
        }, "the event in sink.thing-happened_error");
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.ExceptionType);
        Assert.Equal($"Simulated bug while applying {thing.EventId}", failed.ExceptionMessage);
        Assert.True(failed.RetryCount > 0, "the event must have been retried before it was given up");
        Assert.Equal(0, await EffectsAsync(thing.EventId));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sink.inbox_messages WHERE event_id = @id", thing.EventId));
        // An operator sees it: the service is Degraded, naming the error queue, and the metric counts it.
        var degraded = await EventuallyAsync(async () => (await TestService.HealthAsync(sink)).Entries["messaging-consumers"] is
            { Status: HealthStatus.Degraded } entry ? entry.Description : null, "the consumers' health to turn Degraded");
        Assert.Contains(SinkQueue + "_error: 1", degraded, StringComparison.Ordinal);
        Assert.Equal(1, GaugeOf("parplatform.messaging.error_queue.messages", SinkQueue));

        faults.Fix();
        var replayed = await servers.Broker.ErrorQueues.ReplayAsync(SinkQueue + "_error", thing.EventId.ToString());

        Assert.Equal(1, replayed);
        await EventuallyAsync(async () => (await TestService.HealthAsync(sink)).Status == HealthStatus.Healthy, "the health to be Healthy again");
        Assert.Equal(0, GaugeOf("parplatform.messaging.error_queue.messages", SinkQueue));
        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the replayed event to take effect");
        await DrainedAsync(SinkQueue);
        Assert.Equal(1, await EffectsAsync(thing.EventId));
        var after = await servers.Broker.ErrorQueues.ListAsync(200);
        Assert.DoesNotContain(after.SelectMany(q => q.Messages), m => m.MessageId == thing.EventId.ToString());
    }

    [Fact]
    public async Task While_its_database_is_away_a_consumer_keeps_its_events_none_error_queued_and_applies_each_once_when_it_is_back()
    {
        var database = new NpgsqlConnectionStringBuilder(servers.Database("sink"));
        await using var proxy = new TcpProxy(database.Port);
        database.Port = proxy.Port;
        using var sink = await TestService.StartAsync<SinkDbContext>("sink", database.ConnectionString, servers.Messaging,
            consumers => consumers.Add<ThingHappenedConsumer>());
        await TestService.WaitUntilConnectedAsync(sink);
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var run = Guid.NewGuid().ToString("N");
        var things = Enumerable.Range(1, 20)
            .SelectMany(n => Enumerable.Range(0, 5).Select(a => TestService.Thing("alpha", $"db-away-{run}-{a}", n)))
            .ToList();
        var ids = things.Select(t => t.EventId).ToArray();

        await proxy.DownAsync();
        await TestService.CommitAsync<AlphaDbContext>(producer, things);

        var waiting = await EventuallyAsync(async () => (await TestService.HealthAsync(sink)).Entries["messaging-consumers"] is
            { Status: HealthStatus.Unhealthy } entry ? entry.Description : null, "the consumer to say it waits for its database");
        Assert.Contains("waiting for the database", waiting, StringComparison.Ordinal);
        // Ten times as long as the consumer's retries take here (1 immediate, 2 after 0.1 and 0.2 s) before an event
        // that fails for its own reason goes to the error queue.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0u, await MessagesInAsync(SinkQueue + "_error"));
        Assert.Equal(0, await EffectsAsync(ids));

        proxy.Up();

        await EventuallyAsync(async () => await DistinctEffectsAsync(ids) == ids.Length, "every event to take effect once the database is back");
        await DrainedAsync(SinkQueue);
        Assert.Equal(ids.Length, await EffectsAsync(ids));
        Assert.Equal(0u, await MessagesInAsync(SinkQueue + "_error"));
        await EventuallyAsync(async () => (await TestService.HealthAsync(sink)).Status == HealthStatus.Healthy, "the consumer to be Healthy again");
        // In commit order per aggregate, as ever.
        for (var a = 0; a < 5; a++)
            Assert.Equal(Enumerable.Range(1, 20), await NumbersInOrderAsync($"db-away-{run}-{a}"));
    }

    [Fact]
    public async Task An_outbox_that_could_not_publish_for_longer_than_its_limit_turns_the_health_Degraded_and_its_metric_shows_the_age()
    {
        var unreachable = $"amqp://parplatform:unused@127.0.0.1:{FreePort()}/parplatform";
        using var producer = await TestService.StartAsync<AlphaDbContext>("alpha", servers.Database("alpha"), unreachable,
            settings: new Dictionary<string, string?> { ["Messaging:OutboxBacklogLimit"] = "00:00:01" });
        var thing = TestService.Thing("alpha", $"backlog-{Guid.NewGuid():N}", 1);
        try
        {
            Assert.Equal(HealthStatus.Healthy, (await TestService.HealthAsync(producer)).Entries["messaging-outbox"].Status);

            await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);

            var degraded = await EventuallyAsync(async () => (await TestService.HealthAsync(producer)).Entries["messaging-outbox"] is
                { Status: HealthStatus.Degraded } entry ? entry.Description : null, "the outbox's health to turn Degraded");
            Assert.Contains("đã chờ", degraded, StringComparison.Ordinal);
            Assert.True(OutboxAge() >= 1, $"the oldest pending event's age is {OutboxAge()} s");
        }
        finally
        {
            await using var delete = servers.Alpha.CreateCommand("DELETE FROM alpha.outbox_messages WHERE event_id = @id");
            delete.Parameters.AddWithValue("id", thing.EventId);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task An_unreadable_message_goes_to_the_error_queue_at_once_and_the_queue_goes_on()
    {
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var garbage = Guid.NewGuid().ToString();
        await using (var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var properties = new BasicProperties { ContentType = "application/json", MessageId = garbage, Persistent = true };
            await channel.BasicPublishAsync(ThingExchange, "", true, properties, "{\"not\": \"a thing\""u8.ToArray());
        }
        var thing = TestService.Thing("alpha", $"after-garbage-{Guid.NewGuid():N}", 1);

        await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);

        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the next event to take effect");
        var failed = await EventuallyAsync(async () => (await servers.Broker.ErrorQueues.ListAsync(200))
            .SelectMany(q => q.Messages).FirstOrDefault(m => m.MessageId == garbage), "the unreadable message in the error queue");
        Assert.Equal(typeof(JsonException).FullName, failed.ExceptionType);
        Assert.Equal(0, failed.RetryCount);
        await PurgeAsync(SinkQueue + "_error"); // the others expect a Healthy sink
    }

    [Fact]
    public async Task Ten_thousand_events_from_two_services_take_effect_once_each_and_in_order_per_aggregate()
    {
        using var sink = await StartSinkAsync();
        // Two instances of alpha share its outbox; beta is a second service.
        using var alpha1 = await StartProducerAsync<AlphaDbContext>("alpha");
        using var alpha2 = await StartProducerAsync<AlphaDbContext>("alpha");
        using var beta = await StartProducerAsync<BetaDbContext>("beta");
        var run = Guid.NewGuid().ToString("N");
        List<ThingHappened> Stream(string source) => [.. Enumerable.Range(1, 200)
            .SelectMany(n => Enumerable.Range(0, 25).Select(a => TestService.Thing(source, $"{source}-{run}-{a}", n)))];
        var alphaThings = Stream("alpha");
        var betaThings = Stream("beta");

        await Task.WhenAll(
            Task.Run(async () =>
            {
                foreach (var (chunk, i) in alphaThings.Chunk(100).Select((c, i) => (c, i)))
                    await TestService.CommitAsync<AlphaDbContext>(i % 2 == 0 ? alpha1 : alpha2, chunk);
            }),
            Task.Run(async () =>
            {
                foreach (var chunk in betaThings.Chunk(100))
                    await TestService.CommitAsync<BetaDbContext>(beta, chunk);
            }));

        var ids = alphaThings.Concat(betaThings).Select(t => t.EventId).ToArray();
        await EventuallyAsync(async () => await DistinctEffectsAsync(ids) == 10_000, "all 10,000 events to take effect", TimeSpan.FromSeconds(180));
        await DrainedAsync(SinkQueue);
        Assert.Equal(10_000, await EffectsAsync(ids));

        await using var order = servers.Sink.CreateCommand(
            "SELECT aggregate, array_agg(number ORDER BY id) FROM sink.effects WHERE aggregate LIKE @run GROUP BY aggregate");
        order.Parameters.AddWithValue("run", $"%-{run}-%");
        await using var reader = await order.ExecuteReaderAsync();
        var aggregates = 0;
        while (await reader.ReadAsync())
        {
            aggregates++;
            Assert.Equal(Enumerable.Range(1, 200), reader.GetFieldValue<int[]>(1));
        }
        Assert.Equal(50, aggregates);
    }

    [Fact]
    public async Task Committed_events_are_plain_json_on_a_topic_exchange_routed_by_their_province_and_unit()
    {
        using var sink = await StartSinkAsync(); // declares the event's exchange, as the services do
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        await using var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var unit = $"test.unit-{Guid.NewGuid():N}";
        var province = $"test.province-{Guid.NewGuid():N}";
        var other = $"test.other-{Guid.NewGuid():N}";
        foreach (var (queue, key) in new[] { (unit, "20.00001"), (province, "20.#"), (other, "68.#") })
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue, ThingExchange, key);
        }
        var thing = TestService.Thing("alpha", $"routed-{Guid.NewGuid():N}", 7);

        await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);

        var message = await EventuallyAsync(() => channel.BasicGetAsync(unit, autoAck: true), "the event on the unit's queue");
        Assert.Equal("20.00001", message.RoutingKey);
        Assert.Equal("application/json", message.BasicProperties.ContentType);
        Assert.Equal(thing.EventId.ToString(), message.BasicProperties.MessageId);
        using var json = JsonDocument.Parse(message.Body);
        Assert.Equal(thing.EventId, json.RootElement.GetProperty("eventId").GetGuid());
        Assert.Equal("00001", json.RootElement.GetProperty("unitCode").GetString());
        Assert.Equal("20", json.RootElement.GetProperty("provinceCode").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("number").GetInt32());
        Assert.NotNull(await EventuallyAsync(() => channel.BasicGetAsync(province, autoAck: true), "the event on the province's queue"));
        Assert.Equal(0u, await channel.MessageCountAsync(other));
    }

    [Fact]
    public async Task A_commit_wakes_the_dispatcher_at_once_without_waiting_for_its_poll()
    {
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha", new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = "00:10:00",
        });
        await Task.Delay(TimeSpan.FromSeconds(1)); // the dispatcher's first look is over; it now sleeps until woken
        var thing = TestService.Thing("alpha", $"wake-{Guid.NewGuid():N}", 1);

        await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);

        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the event to take effect", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dispatched_events_are_deleted_from_the_outbox_after_the_retention_period()
    {
        using var sink = await StartSinkAsync();
        var thing = TestService.Thing("alpha", $"retention-{Guid.NewGuid():N}", 1);
        using (var producer = await StartProducerAsync<AlphaDbContext>("alpha"))
        {
            await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);
            await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the event to take effect");
            Assert.True(await IsDispatchedAsync(thing.EventId));
            await producer.StopAsync();
        }

        // A service with a retention of zero cleans up when it starts.
        using var cleaning = await StartProducerAsync<AlphaDbContext>("alpha", new Dictionary<string, string?>
        {
            ["Messaging:OutboxRetention"] = "00:00:00",
        });

        await EventuallyAsync(async () => await OutboxRowsAsync(thing.EventId) == 0, "the dispatched row to be deleted");
        Assert.Equal(1, await EffectsAsync(thing.EventId));
    }

    [Fact]
    public async Task An_event_that_cannot_be_published_does_not_hold_up_the_others()
    {
        using var sink = await StartSinkAsync();
        // A long back-off: were the dispatcher to back off for the bad row, later commits would wait for it. Rounds
        // every 200 ms: many of them find the bad row alone, the case that once put the dispatcher to sleep.
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha", new Dictionary<string, string?>
        {
            ["Messaging:MaxBackOff"] = "00:01:00",
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
        });
        var poison = Guid.CreateVersion7();
        await using (var insert = servers.Alpha.CreateCommand(
            "INSERT INTO alpha.outbox_messages (event_id, event_type, aggregate_key, payload, occurred_at) " +
            "VALUES (@id, 'Gone.EventType, Gone', @key, '{}', now())"))
        {
            insert.Parameters.AddWithValue("id", poison);
            insert.Parameters.AddWithValue("key", $"poison-{poison:N}");
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            // The bad row alone, round after round, for longer than backing off 1 + 2 + 4 s would take: a dispatcher
            // that backed off for it would now sleep 8 s, and the first commit below would wait that long.
            await Task.Delay(TimeSpan.FromSeconds(8));
            // Commits a second apart, each of them seen promptly while the bad row stays pending.
            for (var n = 1; n <= 4; n++)
            {
                var thing = TestService.Thing("alpha", $"healthy-{Guid.NewGuid():N}", n);
                await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);
                await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, $"healthy event {n} to take effect", TimeSpan.FromSeconds(3));
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            Assert.False(await IsDispatchedAsync(poison));
        }
        finally
        {
            await using var delete = servers.Alpha.CreateCommand("DELETE FROM alpha.outbox_messages WHERE event_id = @id");
            delete.Parameters.AddWithValue("id", poison);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_trace_of_the_committing_request_continues_in_the_consumer()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "ParPlatform.Messaging" or "test-request",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var requests = new ActivitySource("test-request");
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var thing = TestService.Thing("alpha", $"trace-{Guid.NewGuid():N}", 1);

        string requestTrace;
        using (var request = requests.StartActivity("POST /something"))
        {
            requestTrace = request!.TraceId.ToString();
            await TestService.CommitAsync<AlphaDbContext>(producer, [thing]);
        }

        await EventuallyAsync(async () => await EffectsAsync(thing.EventId) == 1, "the event to take effect");
        Assert.Equal(requestTrace, await ScalarAsync("SELECT trace_id FROM sink.effects WHERE event_id = @id", thing.EventId));
    }

    [Fact]
    public async Task UnitRegistered_records_the_unit_and_a_later_registration_refreshes_it()
    {
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var code = Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        UnitRegistered Registration(string name) => new()
        {
            UnitCode = code, ProvinceCode = "20", UnitName = name, Kind = UnitKind.Ward, ProvinceName = "Lạng Sơn",
        };

        await CommitUnitAsync(producer, Registration("Phường Tam Thanh"));
        await EventuallyAsync(async () => await UnitNameAsync(code) == "Phường Tam Thanh", "the unit to be recorded");
        await CommitUnitAsync(producer, Registration("Phường Tam Thanh (mới)"));

        await EventuallyAsync(async () => await UnitNameAsync(code) == "Phường Tam Thanh (mới)", "the unit to be refreshed");
        Assert.Equal("Ward", await ScalarAsync("SELECT kind FROM sink.known_units WHERE unit_code = @id", code));
    }

    [Fact]
    public async Task A_registration_older_than_the_update_already_applied_changes_nothing()
    {
        using var sink = await StartSinkAsync();
        using var producer = await StartProducerAsync<AlphaDbContext>("alpha");
        var code = Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        // The two events travel on separate queues: here the update is applied first.
        var update = new UnitUpdated
        {
            UnitCode = code, ProvinceCode = "20", UnitName = "Phường Chi Lăng", Kind = UnitKind.Ward, ProvinceName = "Lạng Sơn", OccurredAt = now,
        };
        var registration = new UnitRegistered
        {
            UnitCode = code, ProvinceCode = "20", UnitName = "Xã Chi Lăng", Kind = UnitKind.Commune, ProvinceName = "Lạng Sơn", OccurredAt = now.AddMinutes(-1),
        };

        await CommitUnitAsync(producer, update);
        await EventuallyAsync(async () => await UnitNameAsync(code) == "Phường Chi Lăng", "the update to be recorded");
        await CommitUnitAsync(producer, registration);
        await EventuallyAsync(async () => await ScalarAsync("SELECT 1 FROM sink.inbox_messages WHERE event_id = @id", registration.EventId) is not null,
            "the registration to be handled");

        Assert.Equal("Phường Chi Lăng", await UnitNameAsync(code));
        Assert.Equal("Ward", await ScalarAsync("SELECT kind FROM sink.known_units WHERE unit_code = @id", code));
    }

    private async Task<IHost> StartSinkAsync(FaultSwitch? faults = null)
    {
        var host = await TestService.StartAsync<SinkDbContext>("sink", servers.Database("sink"), servers.Messaging,
            consumers => consumers.Add<ThingHappenedConsumer>().AddUnitProvisioning<SinkDbContext>(), faults);
        await TestService.WaitUntilConnectedAsync(host);
        return host;
    }

    private async Task<IHost> StartProducerAsync<TContext>(string service, IReadOnlyDictionary<string, string?>? settings = null)
        where TContext : TestServiceDbContext
    {
        var host = await TestService.StartAsync<TContext>(
            service, servers.Database(service), servers.Messaging, settings: settings);
        await TestService.WaitUntilConnectedAsync(host);
        return host;
    }

    private static async Task CommitUnitAsync(IHost producer, Contracts.IntegrationEvent registryEvent)
    {
        await using var scope = producer.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Outbox.IOutbox>().Add(registryEvent, registryEvent.UnitCode);
        await scope.ServiceProvider.GetRequiredService<AlphaDbContext>().SaveChangesAsync();
    }

    private async Task<string?> UnitNameAsync(string code) =>
        await ScalarAsync("SELECT unit_name FROM sink.known_units WHERE unit_code = @id", code) as string;

    private async Task<object?> ScalarAsync(string sql, object id)
    {
        await using var command = servers.Sink.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync();
    }

    private Task<int> EffectsAsync(params Guid[] ids) =>
        CountAsync(servers.Sink, "SELECT count(*) FROM sink.effects WHERE event_id = ANY(@ids)", ids);

    private Task<int> DistinctEffectsAsync(Guid[] ids) =>
        CountAsync(servers.Sink, "SELECT count(DISTINCT event_id) FROM sink.effects WHERE event_id = ANY(@ids)", ids);

    private Task<int> OutboxRowsAsync(Guid eventId) =>
        CountAsync(servers.Alpha, "SELECT count(*) FROM alpha.outbox_messages WHERE event_id = ANY(@ids)", [eventId]);

    private Task<int> PendingAsync(Guid[] ids) =>
        CountAsync(servers.Alpha, "SELECT count(*) FROM alpha.outbox_messages WHERE dispatched_at IS NULL AND event_id = ANY(@ids)", ids);

    private async Task<bool> IsDispatchedAsync(Guid eventId)
    {
        Assert.Equal(1, await OutboxRowsAsync(eventId));
        return await PendingAsync([eventId]) == 0;
    }

    private static async Task<int> CountAsync(NpgsqlDataSource database, string sql, Guid[] ids)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    private async Task PurgeAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueuePurgeAsync(queue);
    }

    private async Task<IReadOnlyList<int>> NumbersInOrderAsync(string aggregate)
    {
        await using var command = servers.Sink.CreateCommand("SELECT number FROM sink.effects WHERE aggregate = @id ORDER BY id");
        command.Parameters.AddWithValue("id", aggregate);
        var numbers = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            numbers.Add(reader.GetInt32(0));
        return numbers;
    }

    /// <summary>The value a messaging gauge reports now for a queue (the latest of the service hosts alive in this test).</summary>
    private static long GaugeOf(string instrument, string queue) =>
        Observe<long>(instrument).Where(m => Equals(m.Tags.GetValueOrDefault("queue"), queue)).Select(m => m.Value).Last();

    private static double OutboxAge() => Observe<double>("parplatform.messaging.outbox.oldest_pending_age").Max(m => m.Value);

    private static List<(T Value, Dictionary<string, object?> Tags)> Observe<T>(string instrument)
        where T : struct
    {
        var measurements = new List<(T, Dictionary<string, object?>)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (found, l) =>
        {
            if (found.Meter.Name == "ParPlatform.Messaging" && found.Name == instrument)
                l.EnableMeasurementEvents(found);
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
            measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        listener.RecordObservableInstruments();
        return measurements;
    }

    /// <summary>Waits until the queue has no ready or unacknowledged message, so a late duplicate would have shown.</summary>
    private async Task DrainedAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(servers.Messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await EventuallyAsync(async () => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount == 0, $"{queue} to drain");
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // the last handled message's commit
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await EventuallyAsync(async () => await condition() ? what : null, what, timeout);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var result = await attempt();
            if (result is not null)
                return result;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>A loopback port nothing listens on.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
