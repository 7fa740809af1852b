using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Reporting;
using ParPlatform.Dossiers.Data;
using ParPlatform.Messaging.Inbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Events;

/// <summary>A consumer that publishes a replay's next page (<see cref="ReplayPages"/>) from where its event says the replay is.</summary>
public abstract class ReplayPageConsumer<TEvent> : InboxConsumer<TEvent, DossiersDbContext>
    where TEvent : IntegrationEvent
{
    private readonly ReplayPages _pages;

    protected ReplayPageConsumer(DossiersDbContext context, TenantScope scope, ReplayPages pages)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // before the receiver opens the connection; the queries name the unit
        _pages = pages;
    }

    /// <summary>Where the replay stands when this event arrives.</summary>
    protected abstract DossierReplayProgressed ProgressOf(TEvent message);

    protected override Task HandleAsync(TEvent message, CancellationToken cancellationToken) =>
        _pages.PublishNextAsync(ProgressOf(message), cancellationToken);
}

/// <summary>A read model asks for a unit's data again: its first page.</summary>
[OneEventPerTransaction]
public sealed class ReplayRequestedConsumer(DossiersDbContext context, TenantScope scope, ReplayPages pages)
    : ReplayPageConsumer<ReadModelReplayRequested>(context, scope, pages)
{
    protected override DossierReplayProgressed ProgressOf(ReadModelReplayRequested message) =>
        ReplayPages.Start(message.UnitCode, message.ProvinceCode, message.ReplayId);
}

/// <summary>A replay's page was published: the next one.</summary>
[OneEventPerTransaction]
public sealed class ReplayProgressedConsumer(DossiersDbContext context, TenantScope scope, ReplayPages pages)
    : ReplayPageConsumer<DossierReplayProgressed>(context, scope, pages)
{
    protected override DossierReplayProgressed ProgressOf(DossierReplayProgressed message) => message;
}
