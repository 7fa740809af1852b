using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Records (or refreshes) a registered unit in the service's known_units table.</summary>
public sealed class UnitRegisteredConsumer<TContext> : InboxConsumer<UnitRegistered, TContext>
    where TContext : DbContext
{
    public UnitRegisteredConsumer(TContext context, TenantScope scope)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // the registry's units, of every province
    }

    protected internal override Task HandleAsync(UnitRegistered message, CancellationToken cancellationToken) =>
        KnownUnit.RecordAsync(Context, message, message.UnitName, message.Kind, message.ProvinceName, cancellationToken);
}
