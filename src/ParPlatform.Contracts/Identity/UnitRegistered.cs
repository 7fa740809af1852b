namespace ParPlatform.Contracts.Identity;

/// <summary>
/// A unit was added to the registry. Every service records the unit when it receives this, so
/// it knows the unit (and its province) before the unit's first request or event.
/// </summary>
public sealed record UnitRegistered : IntegrationEvent
{
    /// <summary>Official name, e.g. "Phường Tam Thanh".</summary>
    public required string UnitName { get; init; }

    public required UnitKind Kind { get; init; }

    /// <summary>e.g. "Lạng Sơn".</summary>
    public required string ProvinceName { get; init; }
}
