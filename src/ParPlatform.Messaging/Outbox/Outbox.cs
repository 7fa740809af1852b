using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

internal sealed class Outbox<TContext>(TContext context) : IOutbox
    where TContext : DbContext
{
    public void Add(IntegrationEvent integrationEvent, string aggregateKey)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateKey);
        var type = integrationEvent.GetType();
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            EventType = EventTypeName(type),
            AggregateKey = aggregateKey,
            Payload = JsonSerializer.Serialize(integrationEvent, type, MessagingJson.Options),
            TraceParent = Activity.Current?.Id,
            OccurredAt = integrationEvent.OccurredAt,
        });
    }

    private static string EventTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
