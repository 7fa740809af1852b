namespace ParPlatform.Contracts.Identity;

/// <summary>
/// A registered unit's name or kind changed (its code and province never change). Every service
/// updates its copy of the unit when it receives this.
/// </summary>
public sealed record UnitUpdated : IntegrationEvent
{
    /// <summary>Official name after the change, e.g. "Phường Tam Thanh".</summary>
    public required string UnitName { get; init; }

    public required UnitKind Kind { get; init; }

    /// <summary>e.g. "Lạng Sơn".</summary>
    public required string ProvinceName { get; init; }
}
