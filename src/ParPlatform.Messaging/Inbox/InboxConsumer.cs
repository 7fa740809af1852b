using MassTransit;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// Base of every consumer with an effect in the service's database. In one transaction it
/// records (EventId, consumer) in the inbox and applies <see cref="HandleAsync"/>'s changes
/// (and any events it adds to the outbox); an event already recorded changes nothing. When
/// the handler throws, nothing is written and the message is retried, then moved to the
/// endpoint's _error queue; it is never acknowledged as if handled.
/// </summary>
public abstract class InboxConsumer<TEvent, TContext>(TContext context) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
    where TContext : DbContext
{
    protected TContext Context { get; } = context;

    /// <summary>The name the inbox records; stable across releases (do not rename it).</summary>
    protected virtual string ConsumerName => GetType().Name.Split('`')[0];

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var cancellationToken = context.CancellationToken;
        // The table name comes from the EF model, not from input.
        var insert = "INSERT INTO " + MessagingTables.Of(Context).Inbox +
            " (event_id, consumer, handled_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";
        await using var transaction = await Context.Database.BeginTransactionAsync(cancellationToken);
        // All or nothing anyway: no savepoint round trips around SaveChanges.
        Context.Database.AutoSavepointsEnabled = false;
        // A concurrent duplicate blocks on this row until the first commits, then inserts nothing.
        var first = await Context.Database.ExecuteSqlRawAsync(insert, [context.Message.EventId, ConsumerName], cancellationToken);
        if (first == 0)
            return;
        await HandleAsync(context.Message, cancellationToken);
        await Context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the event through <see cref="Context"/>; the base saves and commits.</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken cancellationToken);
}
