using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ParPlatform.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// Feeds one consumer from its own queue <c>{service}.{consumer}</c>, bound to the exchange of
/// its event. Deliveries are taken strictly in queue order and applied in batches: up to
/// <see cref="MessagingOptions.BatchSize"/> at a time (one for a consumer marked <see cref="OneEventPerTransactionAttribute"/>) in one transaction (inbox rows first,
/// with ON CONFLICT DO NOTHING, then the consumer's effects for the events that are new), then
/// acknowledged with one multiple-ack. While the database is away (<see cref="TransientFailure"/>), the batch
/// waits and is tried again with back-off, for as long as it takes: the events stay in order and are never
/// error-queued for it. When a batch fails for another reason, its events are applied one by one,
/// each retried (immediately, then after growing pauses); one that still fails is moved to
/// <c>{queue}_error</c> with the exception (MassTransit's fault headers, so operators list and
/// replay it) and only then acknowledged. Nothing is acknowledged before it took effect or was
/// moved. Reconnects with back-off when the broker goes away; unacknowledged deliveries
/// come back in order. Counts its queue and error queue every <see cref="MessagingOptions.QueueCheckInterval"/>
/// (<see cref="ConsumerQueues"/>).
/// </summary>
internal sealed class InboxReceiver<TConsumer, TEvent, TContext>(
    IServiceScopeFactory scopes,
    BrokerAddress broker,
    MessagingService service,
    IOptions<MessagingOptions> options,
    ConsumerQueues health,
    ILogger<InboxReceiver<TConsumer, TEvent, TContext>> logger) : BackgroundService
    where TConsumer : InboxConsumer<TEvent, TContext>
    where TEvent : IntegrationEvent
    where TContext : DbContext
{
    private static readonly string ConsumerName = typeof(TConsumer).Name.Split('`')[0];
    private readonly MessagingOptions _options = options.Value;
    private readonly string _queue = EventNames.QueueOf(service.Name, typeof(TConsumer));
    private readonly int _batchSize = Attribute.IsDefined(typeof(TConsumer), typeof(OneEventPerTransactionAttribute)) ? 1 : options.Value.BatchSize;
    private readonly string _errorQueue = EventNames.QueueOf(service.Name, typeof(TConsumer)) + Errors.ErrorQueues.Suffix;
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReceiveAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                health.Set(_queue, $"disconnected: {e.Message}");
                var delay = _options.BackOff(++_failures);
                logger.LogWarning("Queue {Queue}: {Reason}; reconnecting in {Delay}", _queue, e.Message, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = broker.Host, Port = broker.Port, VirtualHost = broker.VirtualHost,
            UserName = broker.User, Password = broker.Password, ClientProvidedName = $"{service.Name} {_queue}",
            AutomaticRecoveryEnabled = false,
            // A connection the broker dropped while this process could not read (paused, starved) may never show its
            // end here; missed heartbeats end it within half a minute, and the receiver reconnects.
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
        };
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), stoppingToken);
        var exchange = EventNames.ExchangeOf(typeof(TEvent));
        await EnsureExchangeAsync(connection, exchange, stoppingToken);
        await channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken);
        await channel.QueueBindAsync(_queue, exchange, EventNames.EveryEvent, cancellationToken: stoppingToken);
        // The error queue is reached through an exchange of its own name: the service's account may not
        // publish through the default exchange (which reaches every queue).
        await channel.QueueDeclareAsync(_errorQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken);
        await channel.ExchangeDeclareAsync(_errorQueue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stoppingToken);
        await channel.QueueBindAsync(_errorQueue, _errorQueue, "", cancellationToken: stoppingToken);
        // Two batches' worth: the next batch arrives while this one is applied.
        await channel.BasicQosAsync(0, (ushort)(2 * _batchSize), false, stoppingToken);

        // The client hands deliveries over one at a time, in queue order; they wait here in that order.
        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var closedBecause = "no reason given";
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, args) =>
        {
            deliveries.Writer.TryWrite(Delivery.Read(args.DeliveryTag, args.Body.ToArray(), new BasicProperties(args.BasicProperties)));
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, args) =>
        {
            closedBecause = args.ReplyText;
            deliveries.Writer.TryComplete();
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(_queue, autoAck: false, consumer, stoppingToken);
        health.Set(_queue, null);
        _failures = 0;

        using var stopCounting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var counting = CountAsync(connection, stopCounting.Token);
        try
        {
            var batch = new List<Delivery>(_batchSize);
            while (await deliveries.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < _batchSize && deliveries.Reader.TryRead(out var next))
                    batch.Add(next);
                await ApplyAsync(channel, batch, stoppingToken);
                await channel.BasicAckAsync(batch[^1].Tag, multiple: true, CancellationToken.None);
            }
        }
        finally
        {
            await stopCounting.CancelAsync();
            await counting;
        }
        throw new InvalidOperationException($"the channel closed ({closedBecause})");
    }

    /// <summary>Counts the events waiting in the queue and in its error queue, on a channel of its own, until the connection goes.</summary>
    private async Task CountAsync(IConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            using var timer = new PeriodicTimer(_options.QueueCheckInterval);
            do
            {
                var waiting = await channel.MessageCountAsync(_queue, cancellationToken);
                var failed = await channel.MessageCountAsync(_errorQueue, cancellationToken);
                health.Counted(_queue, waiting, failed, DateTimeOffset.UtcNow);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The receiver stops or reconnects.
        }
        catch (Exception e)
        {
            // The connection is going: the receiver reconnects and counts again.
            logger.LogDebug("Queue {Queue}: not counted ({Reason})", _queue, e.Message);
        }
    }

    /// <summary>
    /// The event's exchange, declared by the broker's setup (the AppHost declares every event of the catalogue:
    /// a service's account may bind from another service's exchange but not declare it). On a broker where it does
    /// not exist yet, it is declared here, as the publisher would (a passive declare that fails closes its channel).
    /// </summary>
    private static async Task EnsureExchangeAsync(IConnection connection, string exchange, CancellationToken stoppingToken)
    {
        await using (var probe = await connection.CreateChannelAsync(cancellationToken: stoppingToken))
        {
            try
            {
                await probe.ExchangeDeclarePassiveAsync(exchange, stoppingToken);
                return;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
            }
        }
        await using var declare = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await declare.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: stoppingToken);
    }

    /// <summary>Applies the batch; if it fails, each event on its own, retried, then error-queued.</summary>
    private async Task ApplyAsync(IChannel channel, List<Delivery> batch, CancellationToken stoppingToken)
    {
        if (batch.All(delivery => delivery.Event is not null))
        {
            for (var waits = 1; ; waits++)
            {
                try
                {
                    await ApplyInOneTransactionAsync(batch, stoppingToken);
                    DatabaseBack(waits);
                    return;
                }
                catch (Exception e) when (TransientFailure.Is(e) && !stoppingToken.IsCancellationRequested)
                {
                    await WaitForDatabaseAsync(e, waits, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    DatabaseBack(waits);
                    logger.LogDebug("Queue {Queue}: a batch of {Count} failed ({Reason}); applying one by one", _queue, batch.Count, e.Message);
                    break;
                }
            }
        }
        foreach (var delivery in batch)
        {
            var (failure, retries) = delivery.Unreadable is { } unreadable
                ? (unreadable, 0) // retrying cannot make it readable
                : await ApplyWithRetriesAsync(delivery, stoppingToken);
            if (failure is null)
                continue;
            logger.LogError(failure, "Queue {Queue}: message {MessageId} moved to {ErrorQueue}", _queue, delivery.Properties.MessageId, _errorQueue);
            await MoveToErrorQueueAsync(channel, delivery, failure, retries);
        }
    }

    /// <summary>
    /// Applies one event: at once, then the immediate retries, then the incremental ones; a failure of the database
    /// is waited out and not counted. Returns the last failure, if all failed.
    /// </summary>
    private async Task<(Exception? Failure, int Retries)> ApplyWithRetriesAsync(Delivery delivery, CancellationToken stoppingToken)
    {
        var retries = _options.ImmediateRetries + _options.IncrementalRetries;
        var (attempt, waits) = (0, 1);
        while (true)
        {
            try
            {
                await ApplyInOneTransactionAsync([delivery], stoppingToken);
                DatabaseBack(waits);
                return (null, attempt);
            }
            catch (Exception e) when (TransientFailure.Is(e) && !stoppingToken.IsCancellationRequested)
            {
                await WaitForDatabaseAsync(e, waits++, stoppingToken);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                DatabaseBack(waits);
                waits = 1;
                if (attempt == retries)
                    return (e, retries);
            }
            attempt++;
            if (attempt > _options.ImmediateRetries)
            {
                var step = attempt - _options.ImmediateRetries - 1;
                await Task.Delay(_options.RetryInitialInterval + (_options.RetryIntervalIncrement * step), stoppingToken);
            }
        }
    }

    /// <summary>The database is away: the queue says so, and the events wait (1, 2, 4 … s, at most <see cref="MessagingOptions.MaxBackOff"/>).</summary>
    private async Task WaitForDatabaseAsync(Exception failure, int waits, CancellationToken stoppingToken)
    {
        var delay = _options.BackOff(waits);
        if (waits == 1)
            logger.LogWarning("Queue {Queue}: the database is unavailable ({Reason}); the events wait and are applied when it is back", _queue, failure.Message);
        health.Set(_queue, $"waiting for the database: {failure.Message}");
        await Task.Delay(delay, stoppingToken);
    }

    private void DatabaseBack(int waits)
    {
        if (waits == 1)
            return;
        logger.LogInformation("Queue {Queue}: the database is back after {Attempts} attempts", _queue, waits);
        health.Set(_queue, null);
    }

    /// <summary>Applies readable deliveries in order, in one transaction; the ones already in the inbox are skipped.</summary>
    private async Task ApplyInOneTransactionAsync(IReadOnlyList<Delivery> events, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var consumer = ActivatorUtilities.CreateInstance<TConsumer>(scope.ServiceProvider);
        await using var transaction = await context.Database.BeginTransactionAsync(stoppingToken);
        context.Database.AutoSavepointsEnabled = false;
        var fresh = await RecordInInboxAsync(context, transaction, events.Select(e => e.Event!.EventId).ToArray(), stoppingToken);
        foreach (var delivery in events)
        {
            var message = delivery.Event!;
            if (!fresh.Remove(message.EventId))
                continue; // applied before: a redelivery or a duplicate
            using var activity = Telemetry.ActivitySource.StartActivity(
                $"{_queue} consume", ActivityKind.Consumer, delivery.Header("MT-Activity-Id"));
            await consumer.HandleAsync(message, stoppingToken);
        }
        await consumer.FlushAsync(stoppingToken);
        await context.SaveChangesAsync(stoppingToken);
        await transaction.CommitAsync(stoppingToken);
    }

    /// <summary>Inserts the inbox rows; returns the event ids that were not there yet.</summary>
    private static async Task<HashSet<Guid>> RecordInInboxAsync(
        TContext context, IDbContextTransaction transaction, Guid[] eventIds, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO " + MessagingTables.Of(context).Inbox + " (event_id, consumer, handled_at) " +
            "SELECT unnest(@ids), @consumer, now() ON CONFLICT DO NOTHING RETURNING event_id",
            (NpgsqlConnection)context.Database.GetDbConnection(),
            (NpgsqlTransaction)transaction.GetDbTransaction());
        insert.Parameters.AddWithValue("ids", eventIds);
        insert.Parameters.AddWithValue("consumer", ConsumerName);
        var fresh = new HashSet<Guid>();
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            fresh.Add(reader.GetGuid(0));
        return fresh;
    }

    /// <summary>Publishes the delivery to the error queue with the failure, waiting for the broker's confirm.</summary>
    private async Task MoveToErrorQueueAsync(IChannel channel, Delivery delivery, Exception failure, int retries)
    {
        var properties = delivery.Properties;
        properties.Headers ??= new Dictionary<string, object?>();
        properties.Headers["MT-Reason"] = "fault";
        properties.Headers["MT-Fault-ExceptionType"] = failure.GetType().FullName;
        properties.Headers["MT-Fault-Message"] = failure.Message;
        properties.Headers["MT-Fault-StackTrace"] = failure.ToString();
        properties.Headers["MT-Fault-Timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        properties.Headers["MT-Fault-RetryCount"] = retries;
        properties.Headers["MT-Fault-ConsumerType"] = typeof(TConsumer).FullName;
        properties.Headers["MT-Fault-InputAddress"] = _queue;
        await channel.BasicPublishAsync(_errorQueue, "", mandatory: true, properties, delivery.Body, CancellationToken.None);
    }

    /// <summary>A delivery, read as <typeparamref name="TEvent"/> when it arrives (or why it could not be).</summary>
    private sealed record Delivery(ulong Tag, byte[] Body, BasicProperties Properties, TEvent? Event, JsonException? Unreadable)
    {
        public static Delivery Read(ulong tag, byte[] body, BasicProperties properties)
        {
            try
            {
                var message = JsonSerializer.Deserialize<TEvent>(body, MessagingJson.Options)
                    ?? throw new JsonException("The message is empty (null).");
                return new Delivery(tag, body, properties, message, null);
            }
            catch (JsonException e)
            {
                return new Delivery(tag, body, properties, null,
                    new JsonException($"The message is not a readable {typeof(TEvent).Name}: {e.Message}", e));
            }
        }

        public string? Header(string name) =>
            Properties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
    }
}
