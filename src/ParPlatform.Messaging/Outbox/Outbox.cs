using System.Diagnostics;
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
            EventType = OutboxRows.EventType(type),
            AggregateKey = aggregateKey,
            Payload = OutboxRows.Payload(integrationEvent),
            TraceParent = Activity.Current?.Id,
            OccurredAt = integrationEvent.OccurredAt,
        });
    }
}
