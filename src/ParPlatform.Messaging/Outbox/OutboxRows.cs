using System.Text.Json;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// The columns of an outbox row for an event: what <see cref="IOutbox"/> writes, and what a bulk
/// path (a COPY of many rows in the service's own transaction) must write the same way.
/// </summary>
public static class OutboxRows
{
    /// <summary>The event's type as the dispatcher reads it back.</summary>
    public static string EventType(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return $"{eventType.FullName}, {eventType.Assembly.GetName().Name}";
    }

    /// <summary>The event as published: camelCase JSON.</summary>
    public static string Payload(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), MessagingJson.Options);
    }
}
