namespace ParPlatform.Contracts.Identity;

/// <summary>A registered body's name or kind changed (its code and unit never change); carries its whole state after the change.</summary>
public sealed record AgencyUpdated : IntegrationEvent
{
    public required string AgencyCode { get; init; }

    /// <summary>Its name after the change.</summary>
    public required string AgencyName { get; init; }

    public required AgencyKind Kind { get; init; }
}
