using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// Publishes the service's committed outbox rows. Each round claims a batch of pending rows
/// (<c>FOR UPDATE SKIP LOCKED</c>, so several instances share the work), publishes them with
/// publisher confirms, marks them dispatched and commits. Rows of one aggregate are published
/// one after another in commit order, and a row is not claimed while an earlier row of its
/// aggregate is still in flight elsewhere; different aggregates are published concurrently.
/// Each message carries its source service, aggregate and outbox sequence as headers.
/// A crash before the mark leaves the rows pending: they are published again, and consumers'
/// inboxes drop the duplicates. Wakes on the outbox's NOTIFY, polls as well, backs off while
/// the broker is unreachable, and deletes dispatched rows (and old inbox rows) after retention. Meanwhile it
/// measures how long the oldest pending row has waited (<see cref="OutboxBacklog"/>).
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IBus bus,
    MessagingService service,
    OutboxBacklog backlog,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, Type> _types = new();
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tables = MessagingTables.Of<TContext>(scopes);
        var listening = ListenAsync(tables.Schema, stoppingToken);
        var measuring = MeasureBacklogAsync(tables.Outbox, stoppingToken);
        var failures = 0;
        var nextCleanup = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchBatchAsync(tables, stoppingToken);
                if (failures > 0)
                    logger.LogInformation("Outbox publishing again after {Failures} failed rounds", failures);
                failures = 0;
                if (DateTimeOffset.UtcNow >= nextCleanup)
                {
                    await DeleteExpiredAsync(tables, stoppingToken);
                    nextCleanup = DateTimeOffset.UtcNow + CleanupInterval;
                }
                if (published < _options.OutboxBatchSize)
                    await WaitForWorkAsync(_options.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = _options.BackOff(++failures);
                logger.LogWarning("Outbox round failed ({Failures} in a row), next attempt in {Delay}: {Reason}", failures, delay, e.Message);
                await WaitForWorkAsync(delay, stoppingToken, ignoreWake: true);
            }
        }
        await listening;
        await measuring;
    }

    /// <summary>Every <see cref="MessagingOptions.QueueCheckInterval"/>, the change time of the oldest pending row.</summary>
    private async Task MeasureBacklogAsync(string outbox, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.QueueCheckInterval);
        try
        {
            do
            {
                try
                {
                    await using var oldest = dataSource.CreateCommand(
                        $"SELECT occurred_at FROM {outbox} WHERE dispatched_at IS NULL ORDER BY sequence LIMIT 1");
                    backlog.Measured(await oldest.ExecuteScalarAsync(stoppingToken) is DateTime at ? new DateTimeOffset(at) : null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is away: its own health check says so; the last measure stands.
                    logger.LogDebug("Outbox backlog not measured: {Reason}", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<int> DispatchBatchAsync(MessagingTables tables, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(connection, tables.Outbox, cancellationToken);
        if (batch.Count == 0)
            return 0;

        var published = new ConcurrentBag<long>();
        var failures = new ConcurrentBag<Exception>();
        await Task.WhenAll(batch.GroupBy(row => row.AggregateKey).Select(async aggregate =>
        {
            foreach (var row in aggregate)
            {
                try
                {
                    await PublishAsync(row, cancellationToken);
                    published.Add(row.Sequence);
                }
                catch (Exception e)
                {
                    // The rest of this aggregate waits for the next round, so its order holds.
                    failures.Add(e);
                    return;
                }
            }
        }));

        // What reached the broker is marked even when stopping, so it is not sent twice.
        if (!published.IsEmpty)
        {
            await using var mark = new NpgsqlCommand(
                $"UPDATE {tables.Outbox} SET dispatched_at = now() WHERE sequence = ANY(@published)", connection);
            mark.Parameters.AddWithValue("published", published.ToArray());
            await mark.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);

        if (failures.IsEmpty)
            return published.Count;
        var failure = new AggregateException(
            $"{failures.Count} of {batch.Count} outbox events were not published ({published.Count} were)", failures);
        // Nothing got through and not for the events' own fault: the broker is away, so back off. Otherwise it
        // is these events (e.g. a type this version no longer knows): say so, and keep the others flowing — a
        // lone such event must not put the dispatcher to sleep while new commits wait.
        if (published.IsEmpty && !failures.All(e => e is UnpublishableEventException))
            throw failure;
        logger.LogError(failure, "Outbox events left pending; they are retried every round");
        return published.Count;
    }

    /// <summary>
    /// The oldest pending rows not locked by another dispatcher, minus those whose aggregate has
    /// an earlier row still pending outside this batch (another instance is publishing it).
    /// </summary>
    private async Task<List<PendingEvent>> ClaimAsync(NpgsqlConnection connection, string outbox, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand($"""
            WITH claimed AS (
                SELECT sequence FROM {outbox}
                WHERE dispatched_at IS NULL
                ORDER BY sequence
                LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            SELECT m.sequence, m.event_id, m.event_type, m.aggregate_key, m.payload, m.trace_parent
            FROM {outbox} m JOIN claimed c ON c.sequence = m.sequence
            WHERE NOT EXISTS (
                SELECT 1 FROM {outbox} earlier
                WHERE earlier.aggregate_key = m.aggregate_key
                  AND earlier.sequence < m.sequence
                  AND earlier.dispatched_at IS NULL
                  AND earlier.sequence NOT IN (SELECT sequence FROM claimed))
            ORDER BY m.sequence
            """, connection);
        claim.Parameters.AddWithValue("batch", _options.OutboxBatchSize);
        var rows = new List<PendingEvent>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PendingEvent(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }

    private async Task PublishAsync(PendingEvent row, CancellationToken cancellationToken)
    {
        var type = _types.GetOrAdd(row.EventType, name => Type.GetType(name)
            ?? throw new UnpublishableEventException($"Event type {name} of outbox event {row.EventId} is not known to this service"));
        IntegrationEvent message;
        try
        {
            message = JsonSerializer.Deserialize(row.Payload, type, MessagingJson.Options) as IntegrationEvent
                ?? throw new UnpublishableEventException($"Outbox event {row.EventId} has an empty payload or is not an integration event");
        }
        catch (JsonException e)
        {
            throw new UnpublishableEventException($"Outbox event {row.EventId} cannot be read as {type.Name}: {e.Message}");
        }

        // Continue the trace of the request that committed the event.
        using var activity = Telemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, row.TraceParent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, type, context =>
        {
            context.MessageId = row.EventId;
            context.SetRoutingKey(EventNames.RoutingKeyOf(message));
            context.Headers.Set(EventNames.SourceHeader, service.Name);
            context.Headers.Set(EventNames.AggregateHeader, row.AggregateKey);
            context.Headers.Set(EventNames.SequenceHeader, row.Sequence);
        }, timeout.Token);
    }

    private async Task DeleteExpiredAsync(MessagingTables tables, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var outbox = new NpgsqlBatchCommand($"DELETE FROM {tables.Outbox} WHERE dispatched_at < now() - @retention");
        outbox.Parameters.AddWithValue("retention", _options.OutboxRetention);
        var inbox = new NpgsqlBatchCommand($"DELETE FROM {tables.Inbox} WHERE handled_at < now() - @retention");
        inbox.Parameters.AddWithValue("retention", _options.InboxRetention);
        batch.BatchCommands.Add(outbox);
        batch.BatchCommands.Add(inbox);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>LISTENs on the outbox channel and wakes the dispatcher on every commit that added rows.</summary>
    private async Task ListenAsync(string schema, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{MessagingModel.NotifyChannel(schema)}\"", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _wake.Writer.TryWrite(true); // commits made while not listening
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogDebug("Outbox listener reconnecting: {Reason}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken stoppingToken, bool ignoreWake = false)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            if (ignoreWake)
                await Task.Delay(Timeout.Infinite, wait.Token);
            else
                await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out (look anyway), or stopping (the loop ends).
        }
    }

    private sealed record PendingEvent(long Sequence, Guid EventId, string EventType, string AggregateKey, string Payload, string? TraceParent);
}

/// <summary>An outbox event that cannot be published for its own reason (its type unknown here, its payload unreadable).</summary>
internal sealed class UnpublishableEventException(string message) : Exception(message);
