using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>
/// The unit registry as the service has learnt it from UnitRegistered (known_units), for the
/// tenant access rule. A unit's province never changes, so a found province is cached; an
/// unknown unit is asked again next time (its registration may arrive any moment). known_units
/// is under row-level security like every table with a unit_code: the access rule asks before the
/// request's scope is set, and then reads the unit's own row with the scope of that unit.
/// </summary>
public sealed class KnownUnitsDirectory<TContext>(TContext context, TenantScope scope, IMemoryCache cache) : IUnitDirectory
    where TContext : DbContext
{
    public async Task<string?> FindProvinceAsync(string unitCode, CancellationToken cancellationToken)
    {
        var key = (typeof(KnownUnitsDirectory<TContext>), unitCode);
        if (cache.TryGetValue(key, out string? province))
            return province;
        if (!scope.IsSet)
            scope.SetUnit(unitCode);
        province = await context.Set<KnownUnit>().AsNoTracking()
            .Where(u => u.UnitCode == unitCode).Select(u => u.ProvinceCode).SingleOrDefaultAsync(cancellationToken);
        if (province is not null)
            cache.Set(key, province, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        return province;
    }
}
