using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>Records (or refreshes) a registered unit in the service's known_units table.</summary>
public sealed class UnitRegisteredConsumer<TContext>(TContext context) : InboxConsumer<UnitRegistered, TContext>(context)
    where TContext : DbContext
{
    protected internal override async Task HandleAsync(UnitRegistered message, CancellationToken cancellationToken)
    {
        var unit = await Context.Set<KnownUnit>().FindAsync([message.UnitCode], cancellationToken);
        if (unit is null)
        {
            unit = new KnownUnit
            {
                UnitCode = message.UnitCode,
                ProvinceCode = message.ProvinceCode,
                UnitName = message.UnitName,
                ProvinceName = message.ProvinceName,
            };
            Context.Set<KnownUnit>().Add(unit);
        }
        else
        {
            unit.ProvinceCode = message.ProvinceCode;
            unit.UnitName = message.UnitName;
            unit.ProvinceName = message.ProvinceName;
        }
        unit.Kind = message.Kind;
        unit.RegisteredAt = message.OccurredAt;
    }
}
