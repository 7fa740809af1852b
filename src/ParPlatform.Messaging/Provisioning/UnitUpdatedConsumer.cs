using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Applies a unit's new name or kind to the service's known_units table.</summary>
public sealed class UnitUpdatedConsumer<TContext>(TContext context) : InboxConsumer<UnitUpdated, TContext>(context)
    where TContext : DbContext
{
    // Registered and updated in one burst: the update carries everything the registration did.
    protected internal override Task HandleAsync(UnitUpdated message, CancellationToken cancellationToken) =>
        KnownUnit.RecordAsync(Context, message, message.UnitName, message.Kind, message.ProvinceName, cancellationToken);
}
