namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>
/// The tenant rows the current request may reach in the service's database, set from the
/// authorized route and enforced by PostgreSQL row-level security (<see cref="RowLevelSecurity"/>).
/// Unset, it reaches no tenant row at all. Work outside a request (consumers, jobs, start-up) sets
/// it itself before its first query; in Development, a connection it opens unset is refused
/// (<see cref="TenantScopeInterceptor"/>), instead of silently finding nothing.
/// </summary>
public sealed class TenantScope
{
    public string? UnitCode { get; private set; }

    public string? ProvinceCode { get; private set; }

    /// <summary>Every tenant's rows: the registry's administration and the platform's own work.</summary>
    public bool AllTenants { get; private set; }

    /// <summary>Rows of this unit only (a unit route).</summary>
    public void SetUnit(string unitCode) => (UnitCode, ProvinceCode, AllTenants) = (unitCode, null, false);

    /// <summary>Rows of every unit of this province (a province route).</summary>
    public void SetProvince(string provinceCode) => (UnitCode, ProvinceCode, AllTenants) = (null, provinceCode, false);

    public void SetAllTenants() => (UnitCode, ProvinceCode, AllTenants) = (null, null, true);

    /// <summary>Whether one of the setters was called.</summary>
    public bool IsSet => UnitCode is not null || ProvinceCode is not null || AllTenants;
}
