using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// An entity whose changes raise integration events. Its methods raise them as they change it; when
/// its DbContext saves, <see cref="AggregateEvents"/> writes them to the outbox with the change (one
/// transaction), keyed by <see cref="EventKey"/> so they are published in the order raised. No caller
/// decides which event a change publishes. A path that writes without EF (a hot path in Npgsql)
/// writes <see cref="TakeEvents"/> itself.
/// </summary>
public abstract class Aggregate
{
    private readonly List<IntegrationEvent> _raised = [];

    /// <summary>The key that orders this aggregate's events (its id).</summary>
    public abstract string EventKey();

    /// <summary>The events raised since the last call, which it then forgets.</summary>
    public IReadOnlyList<IntegrationEvent> TakeEvents()
    {
        IntegrationEvent[] raised = [.. _raised];
        _raised.Clear();
        return raised;
    }

    protected void Raise(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        _raised.Add(integrationEvent);
    }
}
