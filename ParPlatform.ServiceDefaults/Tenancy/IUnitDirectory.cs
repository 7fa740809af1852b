namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>The province of a unit, as the service's copy of the unit registry knows it.</summary>
public interface IUnitDirectory
{
    /// <summary>The unit's province code, or null when the unit is not registered.</summary>
    Task<string?> FindProvinceAsync(string unitCode, CancellationToken cancellationToken);
}
