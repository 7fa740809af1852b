using System.Text.Json;
using RabbitMQ.Client;

namespace ParPlatform.TestSupport;

/// <summary>A temporary queue bound to one event exchange, read as an integrator's feed would be.</summary>
public sealed class EventFeed : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private EventFeed(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<EventFeed> BindAsync(string amqp, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        var queue = (await channel.QueueDeclareAsync($"test.{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, ParPlatform.Messaging.EventNames.EveryEvent);
        return new EventFeed(connection, channel, queue);
    }

    /// <summary>Publishes <paramref name="integrationEvent"/> as a service does: raw JSON on the event's exchange, routed by its province and unit.</summary>
    public static async Task PublishAsync(string amqp, ParPlatform.Contracts.IntegrationEvent integrationEvent)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var body = JsonSerializer.SerializeToUtf8Bytes(integrationEvent, integrationEvent.GetType(), JsonSerializerOptions.Web);
        await channel.BasicPublishAsync(ParPlatform.Messaging.EventNames.ExchangeOf(integrationEvent.GetType()),
            ParPlatform.Messaging.EventNames.RoutingKeyOf(integrationEvent), mandatory: false,
            new BasicProperties { ContentType = "application/json", MessageId = integrationEvent.EventId.ToString() }, body);
    }

    /// <summary>The first event on the queue that matches, within 30 s.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> matches)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var message = await _channel.BasicGetAsync(_queue, autoAck: true);
            if (message is null)
            {
                await Task.Delay(100);
                continue;
            }
            var body = JsonDocument.Parse(message.Body).RootElement.Clone();
            if (matches(body))
                return body;
        }
        throw new TimeoutException("No matching event arrived within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
