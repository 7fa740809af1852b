// Messaging benchmark: commit → consumer effect through the outbox, next to direct publishing
// and to raw RabbitMQ, and latency at a steady rate. All in one run, on one machine, against a
// PostgreSQL and a RabbitMQ started with the AppHost's resource types by Aspire's orchestrator; figures are printed as ratios.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ParPlatform.Bench;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Messaging.Tests.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var directory = Path.Combine(Path.GetTempPath(), "parplatform-bench", Guid.NewGuid().ToString("N"));
var builder = Platform.CreateBuilder();
var postgres = builder.AddPlatformPostgres("postgres", directory);
var databases = new[] { postgres.AddServiceDatabase("alphadb"), postgres.AddServiceDatabase("sinkdb") };
// Each database's owner, who creates the tables (the services' own roles only read and write rows).
var owners = databases.Select(d => builder.Resources.OfType<IResourceWithConnectionString>()
    .Single(r => r.Name == ServiceDatabaseResource.OwnerConnectionName(d.Resource.Name))).ToList();
var messaging = builder.AddPlatformRabbitMQ("messaging", directory);
await using var platform = builder.Build();
Console.WriteLine("Starting PostgreSQL and RabbitMQ …");
await platform.StartAsync();
try
{
    var connectionStrings = new Dictionary<string, string>();
    foreach (var resource in databases.Append(messaging).Select(r => r.Resource))
    {
        await platform.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name);
        connectionStrings[resource.Name] = await resource.GetConnectionStringAsync() ?? throw new InvalidOperationException($"{resource.Name} has no connection string.");
    }
    foreach (var owner in owners) // ready with their database
        connectionStrings[owner.Name] = await owner.GetConnectionStringAsync() ?? throw new InvalidOperationException($"{owner.Name} has no connection string.");
    string Db(string name) => connectionStrings[name];
    var broker = connectionStrings["messaging"];
    await TestService.CreateTablesAsync<AlphaDbContext>(Db(ServiceDatabaseResource.OwnerConnectionName("alphadb")), "alpha", o => new AlphaDbContext(o));
    await TestService.CreateTablesAsync<SinkDbContext>(Db(ServiceDatabaseResource.OwnerConnectionName("sinkdb")), "sink", o => new SinkDbContext(o));
    await using var sinkDb = NpgsqlDataSource.Create(Db("sinkdb"));
    Task<IHost> StartSinkAsync() => TestService.StartAsync<SinkDbContext>("sink", Db("sinkdb"), broker, c => c.Add<ThingHappenedConsumer>());
    var sink = await StartSinkAsync();
    using var producer = await TestService.StartAsync<AlphaDbContext>("alpha", Db("alphadb"), broker);
    await TestService.WaitUntilConnectedAsync(sink);
    await TestService.WaitUntilConnectedAsync(producer);

    List<ThingHappened> Things(string run, int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestService.Thing("alpha", $"{run}-{i % 200}", i / 200 + 1))];

    async Task WaitForEffectsAsync(string run, int count)
    {
        await using var command = sinkDb.CreateCommand("SELECT count(*) FROM sink.effects WHERE aggregate LIKE @run");
        command.Parameters.AddWithValue("run", run + "-%");
        // Polled gently: each count scans the effects table, and the scan's CPU is the measured pipeline's.
        while (Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < count)
            await Task.Delay(250);
    }

    async Task<(double EndToEnd, double Commits)> OutboxAsync(string run, int count)
    {
        // Four requests at a time, each committing 100 events, as a busy service would.
        var chunks = new System.Collections.Concurrent.ConcurrentQueue<ThingHappened[]>(Things(run, count).Chunk(100));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (chunks.TryDequeue(out var chunk))
                await TestService.CommitAsync<AlphaDbContext>(producer, chunk);
        })));
        var commits = count / clock.Elapsed.TotalSeconds;
        await WaitForEffectsAsync(run, count);
        return (count / clock.Elapsed.TotalSeconds, commits);
    }

    async Task<double> DirectAsync(string run, int count)
    {
        var bus = producer.Services.GetRequiredService<IBus>();
        var things = Things(run, count);
        var clock = Stopwatch.StartNew();
        // As the dispatcher does: a batch at a time, concurrently, waiting for the broker's confirms.
        foreach (var chunk in things.Chunk(200))
            await Task.WhenAll(chunk.Select(t => bus.Publish(t)));
        await WaitForEffectsAsync(run, count);
        return count / clock.Elapsed.TotalSeconds;
    }

    // The two halves of "direct": how fast MassTransit publishes (confirms awaited) with no
    // consumer running, then how fast the consumer drains what is waiting.
    async Task<(double Publish, double Consume)> HalvesAsync(string run, int count)
    {
        await sink.StopAsync();
        sink.Dispose();
        var bus = producer.Services.GetRequiredService<IBus>();
        var things = Things(run, count);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in things.Chunk(200))
            await Task.WhenAll(chunk.Select(t => bus.Publish(t)));
        var publish = count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        sink = await StartSinkAsync();
        await WaitForEffectsAsync(run, count);
        return (publish, count / clock.Elapsed.TotalSeconds);
    }

    async Task<double> RawAsync(int count)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        await using var publish = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await using var consume = await connection.CreateChannelAsync();
        var queue = $"bench.raw-{Guid.NewGuid():N}";
        await publish.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true);
        await consume.BasicQosAsync(0, 64, false);
        var received = 0;
        var done = new TaskCompletionSource();
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consume.BasicAckAsync(delivery.DeliveryTag, false);
            if (++received == count)
                done.SetResult();
        };
        await consume.BasicConsumeAsync(queue, autoAck: false, consumer);
        var body = JsonSerializer.SerializeToUtf8Bytes(TestService.Thing("alpha", "raw-0", 1), JsonSerializerOptions.Web);
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < count; sent += 200)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(200, count - sent)).Select(_ =>
                publish.BasicPublishAsync("", queue, true, new BasicProperties { Persistent = true, ContentType = "application/json" }, body).AsTask()));
        }
        await done.Task;
        return count / clock.Elapsed.TotalSeconds;
    }

    async Task<(double P50, double P99, double Rate)> LatencyAsync(string run, int perSecond, TimeSpan duration)
    {
        var perTick = perSecond / 50; // a commit every 20 ms
        var total = (int)(perSecond * duration.TotalSeconds);
        var number = 0;
        var clock = Stopwatch.StartNew();
        for (var tick = 0; number < total; tick++)
        {
            var due = TimeSpan.FromMilliseconds(20 * tick);
            if (clock.Elapsed < due)
                await Task.Delay(due - clock.Elapsed);
            var chunk = Enumerable.Range(number, perTick).Select(i => TestService.Thing("alpha", $"{run}-{i % 200}", i / 200 + 1) with { OccurredAt = DateTimeOffset.UtcNow }).ToList();
            await TestService.CommitAsync<AlphaDbContext>(producer, chunk);
            number += perTick;
        }
        var rate = number / clock.Elapsed.TotalSeconds;
        await WaitForEffectsAsync(run, number);
        // OccurredAt is taken just before the commit, so this is commit → effect, slightly over.
        var latencies = await LatenciesAsync(run);
        latencies.Sort();
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99), rate);
    }

    async Task<List<double>> LatenciesAsync(string run)
    {
        // The producer's OccurredAt travels in the event; the sink stored when it applied it.
        await using var command = sinkDb.CreateCommand("SELECT event_id, applied_at FROM sink.effects WHERE aggregate LIKE @run");
        command.Parameters.AddWithValue("run", run + "-%");
        var applied = new Dictionary<Guid, DateTimeOffset>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                applied[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }
        await using var alpha = NpgsqlDataSource.Create(Db("alphadb"));
        await using var occurred = alpha.CreateCommand("SELECT event_id, occurred_at FROM alpha.outbox_messages WHERE event_id = ANY(@ids)");
        occurred.Parameters.AddWithValue("ids", applied.Keys.ToArray());
        var latencies = new List<double>();
        await using var rows = await occurred.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            latencies.Add((applied[rows.GetGuid(0)] - rows.GetFieldValue<DateTimeOffset>(1)).TotalMilliseconds);
        return latencies;
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    Console.WriteLine("Warming up …");
    await OutboxAsync("warm-outbox", 2_000);
    await DirectAsync("warm-direct", 2_000);
    await RawAsync(2_000);

    Console.WriteLine($"Measuring with {events:N0} events each …");
    var (outbox, commits) = await OutboxAsync("outbox", events);
    var direct = await DirectAsync("direct", events);
    var raw = await RawAsync(events);
    var (publishOnly, consumeOnly) = await HalvesAsync("halves", events);
    var (p50, p99, rate) = await LatencyAsync("latency", 500, TimeSpan.FromSeconds(20));

    sink.Dispose();
    Console.WriteLine();
    Console.WriteLine("| measure | result | ratio |");
    Console.WriteLine("|---|---|---|");
    Console.WriteLine($"| outbox: commit → consumer effect | {outbox:N0} events/s | 1.00 |");
    Console.WriteLine($"| the producer's commits alone, during the outbox run (4 at a time, 100 events each) | {commits:N0} events/s | outbox ÷ commits = {outbox / commits:N2} |");
    Console.WriteLine($"| direct MassTransit publish → consumer effect (no outbox) | {direct:N0} events/s | outbox ÷ direct = {outbox / direct:N2} |");
    Console.WriteLine($"| raw RabbitMQ publish + consume (no MassTransit, no database) | {raw:N0} events/s | outbox ÷ raw = {outbox / raw:N2} |");
    Console.WriteLine($"| MassTransit publish alone (no consumer running) | {publishOnly:N0} events/s | outbox ÷ publish = {outbox / publishOnly:N2} |");
    Console.WriteLine($"| consumer alone, draining a full queue | {consumeOnly:N0} events/s | outbox ÷ consume = {outbox / consumeOnly:N2} |");
    Console.WriteLine($"| latency commit → effect at {rate:N0} events/s | p50 {p50:N0} ms, p99 {p99:N0} ms | p99 ÷ 250 ms budget = {p99 / 250:N2} |");
}
finally
{
    await platform.StopAsync();
    Directory.Delete(directory, recursive: true);
}
