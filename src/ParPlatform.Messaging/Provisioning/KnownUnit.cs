using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Identity;

namespace ParPlatform.Messaging.Provisioning;

/// <summary>A unit this service has learnt of from <see cref="UnitRegistered"/> (and <see cref="UnitUpdated"/>).</summary>
public sealed class KnownUnit
{
    public required string UnitCode { get; set; }

    public required string ProvinceCode { get; set; }

    public required string UnitName { get; set; }

    public UnitKind Kind { get; set; }

    public required string ProvinceName { get; set; }

    /// <summary>When the registration happened at the source (the event's OccurredAt).</summary>
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>When the registry change this row shows happened (the OccurredAt of the newest event applied).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// Adds the unit of a registry event, or brings the known one up to date; the registration
    /// time is the event's that first told of the unit. UnitRegistered and UnitUpdated arrive on
    /// separate queues, so an event older than the change the row already shows changes nothing.
    /// </summary>
    internal static async Task RecordAsync(
        DbContext context, IntegrationEvent registryEvent, string unitName, UnitKind kind, string provinceName, CancellationToken cancellationToken)
    {
        var unit = await context.Set<KnownUnit>().FindAsync([registryEvent.UnitCode], cancellationToken);
        if (unit is null)
        {
            unit = new KnownUnit
            {
                UnitCode = registryEvent.UnitCode,
                ProvinceCode = registryEvent.ProvinceCode,
                UnitName = unitName,
                ProvinceName = provinceName,
                RegisteredAt = registryEvent.OccurredAt,
            };
            context.Set<KnownUnit>().Add(unit);
        }
        else if (registryEvent.OccurredAt < unit.ChangedAt)
        {
            return;
        }
        unit.ChangedAt = registryEvent.OccurredAt;
        unit.ProvinceCode = registryEvent.ProvinceCode;
        unit.UnitName = unitName;
        unit.ProvinceName = provinceName;
        unit.Kind = kind;
    }
}
