using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Reporting;
using ParPlatform.Dossiers.Data;
using ParPlatform.Messaging.Inbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Events;

/// <summary>A read model asks for a unit's data again: its first page (<see cref="ReplayPages"/>).</summary>
[OneEventPerTransaction]
public sealed class ReplayRequestedConsumer : InboxConsumer<ReadModelReplayRequested, DossiersDbContext>
{
    private readonly ReplayPages _pages;

    public ReplayRequestedConsumer(DossiersDbContext context, TenantScope scope, ReplayPages pages)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // before the receiver opens the connection; the queries name the unit
        _pages = pages;
    }

    protected override Task HandleAsync(ReadModelReplayRequested message, CancellationToken cancellationToken) =>
        _pages.PublishNextAsync(ReplayPages.Start(message.UnitCode, message.ProvinceCode, message.ReplayId), cancellationToken);
}

/// <summary>A replay's page was published: the next one (<see cref="ReplayPages"/>).</summary>
[OneEventPerTransaction]
public sealed class ReplayProgressedConsumer : InboxConsumer<DossierReplayProgressed, DossiersDbContext>
{
    private readonly ReplayPages _pages;

    public ReplayProgressedConsumer(DossiersDbContext context, TenantScope scope, ReplayPages pages)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants();
        _pages = pages;
    }

    protected override Task HandleAsync(DossierReplayProgressed message, CancellationToken cancellationToken) =>
        _pages.PublishNextAsync(message, cancellationToken);
}
