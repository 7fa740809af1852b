using ParPlatform.Contracts;
using ParPlatform.Contracts.Identity;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Plans.Events;

/// <summary>Records a body added to a unit's registry (<see cref="UnitBody"/>).</summary>
public sealed class AgencyRegisteredConsumer : InboxConsumer<AgencyRegistered, PlansDbContext>
{
    public AgencyRegisteredConsumer(PlansDbContext context, TenantScope scope)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // the registry's bodies, of every unit
    }

    protected override Task HandleAsync(AgencyRegistered message, CancellationToken cancellationToken) =>
        AgencyRecords.RecordAsync(Context, message, message.AgencyCode, message.AgencyName, message.Kind, cancellationToken);
}

/// <summary>Brings a registered body's name and kind up to date (<see cref="UnitBody"/>).</summary>
public sealed class AgencyUpdatedConsumer : InboxConsumer<AgencyUpdated, PlansDbContext>
{
    public AgencyUpdatedConsumer(PlansDbContext context, TenantScope scope)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants();
    }

    protected override Task HandleAsync(AgencyUpdated message, CancellationToken cancellationToken) =>
        AgencyRecords.RecordAsync(Context, message, message.AgencyCode, message.AgencyName, message.Kind, cancellationToken);
}

internal static class AgencyRecords
{
    public static async Task RecordAsync(
        PlansDbContext db, IntegrationEvent registryEvent, string agencyCode, string name, AgencyKind kind, CancellationToken cancellationToken)
    {
        var known = await db.UnitBodies.FindAsync([registryEvent.UnitCode, agencyCode], cancellationToken);
        if (UnitBody.Record(known, registryEvent, agencyCode, name, kind) is { } added)
            db.UnitBodies.Add(added);
    }
}
