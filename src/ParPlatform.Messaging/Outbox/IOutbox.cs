using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// Adds events to the service's outbox in its own DbContext, so they are written by the same
/// SaveChanges (and transaction) as the change they report, and published after it commits.
/// </summary>
public interface IOutbox
{
    /// <param name="integrationEvent">The event; its EventId identifies it end to end.</param>
    /// <param name="aggregateKey">The aggregate it belongs to (e.g. a dossier's id): events with
    /// one key are published, and consumed, in the order they were added.</param>
    void Add(IntegrationEvent integrationEvent, string aggregateKey);
}
