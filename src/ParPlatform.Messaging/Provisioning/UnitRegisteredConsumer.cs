using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Records (or refreshes) a registered unit in the service's known_units table.</summary>
public sealed class UnitRegisteredConsumer<TContext>(TContext context) : InboxConsumer<UnitRegistered, TContext>(context)
    where TContext : DbContext
{
    protected internal override Task HandleAsync(UnitRegistered message, CancellationToken cancellationToken) =>
        KnownUnit.RecordAsync(Context, message, message.UnitName, message.Kind, message.ProvinceName, cancellationToken);
}
