using System.Diagnostics;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// An event waiting to be published (or published, until the retention period ends). Written
/// in the same transaction as the change it reports.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Commit order within the service; the dispatcher publishes in this order per aggregate.</summary>
    public long Sequence { get; set; }

    public Guid EventId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the event record.</summary>
    public required string EventType { get; set; }

    /// <summary>The aggregate (e.g. a dossier's id) whose events must arrive in order.</summary>
    public required string AggregateKey { get; set; }

    /// <summary>The event as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>W3C traceparent of the request that caused the event, so its trace continues in the consumers.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>The row of <paramref name="integrationEvent"/>, ordered with the other events of <paramref name="aggregateKey"/>.</summary>
    public static OutboxMessage Of(IntegrationEvent integrationEvent, string aggregateKey)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateKey);
        return new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            EventType = OutboxRows.EventType(integrationEvent.GetType()),
            AggregateKey = aggregateKey,
            Payload = OutboxRows.Payload(integrationEvent),
            TraceParent = Activity.Current?.Id,
            OccurredAt = integrationEvent.OccurredAt,
        };
    }
}
