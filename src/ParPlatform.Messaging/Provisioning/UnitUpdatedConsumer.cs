using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Applies a unit's new name or kind to the service's known_units table.</summary>
public sealed class UnitUpdatedConsumer<TContext> : InboxConsumer<UnitUpdated, TContext>
    where TContext : DbContext
{
    public UnitUpdatedConsumer(TContext context, TenantScope scope)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // the registry's units, of every province
    }

    // Registered and updated in one burst: the update carries everything the registration did.
    protected internal override Task HandleAsync(UnitUpdated message, CancellationToken cancellationToken) =>
        KnownUnit.RecordAsync(Context, message, message.UnitName, message.Kind, message.ProvinceName, cancellationToken);
}
