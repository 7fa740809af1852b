using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// The one place that writes the events of <see cref="Aggregate"/>s to the outbox: before a DbContext
/// saves, every tracked aggregate's raised events become outbox rows of the same save.
/// </summary>
public sealed class AggregateEvents : SaveChangesInterceptor
{
    public static readonly AggregateEvents Interceptor = new();

    private AggregateEvents()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        WriteRaised(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        WriteRaised(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void WriteRaised(DbContext? context)
    {
        if (context is null)
            return;
        // Listing the tracked aggregates needs no change detection (the save runs it next anyway): without this,
        // every save of every DbContext would compare all its tracked entities twice.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var outbox = context.Set<OutboxMessage>();
            foreach (var aggregate in tracker.Entries<Aggregate>().Select(e => e.Entity).ToList())
            {
                foreach (var raised in aggregate.TakeEvents())
                    outbox.Add(OutboxMessage.Of(raised, aggregate.EventKey()));
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
