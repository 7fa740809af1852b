using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// Base of every consumer. It only applies an event through <see cref="Context"/>; its
/// <see cref="InboxReceiver{TConsumer, TEvent, TContext}"/> takes the events from the
/// consumer's queue in order, records each in the inbox in the same transaction as the
/// effects (an event already recorded changes nothing), saves, commits and acknowledges.
/// The inbox knows a consumer by its class name: renaming the class would apply old events again.
/// </summary>
public abstract class InboxConsumer<TEvent, TContext>(TContext context)
    where TEvent : IntegrationEvent
    where TContext : DbContext
{
    protected TContext Context { get; } = context;

    /// <summary>Applies the event through <see cref="Context"/>; the receiver saves and commits.</summary>
    protected internal abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);

    /// <summary>
    /// Called once after every event of a batch was handled, before the receiver saves and commits,
    /// in the same transaction: a consumer that gathers its writes sends them here, in one round trip.
    /// </summary>
    protected internal virtual Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
