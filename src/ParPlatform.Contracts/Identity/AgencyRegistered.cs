namespace ParPlatform.Contracts.Identity;

/// <summary>
/// A body was added to a unit's registry: an agency of its People's Committee, a public service unit, or another body
/// that leads or cooperates on its work (<see cref="AgencyKind"/>). Services that name bodies (plans' leads, staffing's
/// agencies, reporting's counts by kind) keep a copy from this and <see cref="AgencyUpdated"/>.
/// </summary>
public sealed record AgencyRegistered : IntegrationEvent
{
    /// <summary>Short code unique in the unit, e.g. "van-hoa-xa-hoi"; never changes.</summary>
    public required string AgencyCode { get; init; }

    /// <summary>Its name, in Vietnamese, e.g. "Phòng Văn hóa – Xã hội".</summary>
    public required string AgencyName { get; init; }

    public required AgencyKind Kind { get; init; }
}
