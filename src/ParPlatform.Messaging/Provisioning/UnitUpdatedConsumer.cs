using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Applies a unit's new name or kind to the service's known_units table.</summary>
public sealed class UnitUpdatedConsumer<TContext>(TContext context) : InboxConsumer<UnitUpdated, TContext>(context)
    where TContext : DbContext
{
    protected internal override async Task HandleAsync(UnitUpdated message, CancellationToken cancellationToken)
    {
        var unit = await Context.Set<KnownUnit>().FindAsync([message.UnitCode], cancellationToken);
        if (unit is null)
        {
            // Registered and updated in one burst: the update carries everything the registration did.
            unit = new KnownUnit
            {
                UnitCode = message.UnitCode,
                ProvinceCode = message.ProvinceCode,
                UnitName = message.UnitName,
                ProvinceName = message.ProvinceName,
                RegisteredAt = message.OccurredAt,
            };
            Context.Set<KnownUnit>().Add(unit);
        }
        unit.UnitName = message.UnitName;
        unit.ProvinceName = message.ProvinceName;
        unit.Kind = message.Kind;
    }
}
