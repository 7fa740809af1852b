using ParPlatform.Contracts;
using ParPlatform.Contracts.Identity;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// A body of a unit's registry (an agency, a public service unit, the police, a steering committee, the Fatherland Front,
/// a higher-level agency in the unit), as the identity service published it: what a task's leads and cooperating bodies
/// name by code. Tenant-owned row.
/// </summary>
public sealed class UnitBody
{
    private UnitBody()
    {
    }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string AgencyCode { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public AgencyKind Kind { get; private set; }

    /// <summary>When the registry change this row shows happened (the OccurredAt of the newest event applied).</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>
    /// Adds the body of a registry event, or brings the known one up to date. AgencyRegistered and AgencyUpdated arrive on
    /// separate queues, so an event older than the change the row shows changes nothing.
    /// </summary>
    public static UnitBody? Record(UnitBody? known, IntegrationEvent registryEvent, string agencyCode, string name, AgencyKind kind)
    {
        ArgumentNullException.ThrowIfNull(registryEvent);
        if (known is not null && registryEvent.OccurredAt < known.ChangedAt)
            return null;
        var body = known ?? new UnitBody { UnitCode = registryEvent.UnitCode, ProvinceCode = registryEvent.ProvinceCode, AgencyCode = agencyCode };
        (body.Name, body.Kind, body.ChangedAt) = (name, kind, registryEvent.OccurredAt);
        return known is null ? body : null;
    }
}
