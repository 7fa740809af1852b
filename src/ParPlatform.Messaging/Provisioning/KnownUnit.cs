using ParPlatform.Contracts.Identity;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>A unit this service has learnt of from <see cref="UnitRegistered"/>.</summary>
public sealed class KnownUnit
{
    public required string UnitCode { get; set; }

    public required string ProvinceCode { get; set; }

    public required string UnitName { get; set; }

    public UnitKind Kind { get; set; }

    public required string ProvinceName { get; set; }

    /// <summary>When the registration happened at the source (the event's OccurredAt).</summary>
    public DateTimeOffset RegisteredAt { get; set; }
}
