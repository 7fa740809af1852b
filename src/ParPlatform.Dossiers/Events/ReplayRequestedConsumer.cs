using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Reporting;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Events;

/// <summary>
/// A read model asks for a unit's data again: every dossier of the unit in <see cref="DossiersRecorded"/> events
/// (<see cref="DossiersRecorded.MaxDossiers"/> each), every piece of feedback as a <see cref="FeedbackRecorded"/>, then <see cref="DossierReplayCompleted"/>
/// with the counts, all written to the outbox in this one transaction (so the counts are exactly
/// what was published).
/// </summary>
public sealed class ReplayRequestedConsumer : InboxConsumer<ReadModelReplayRequested, DossiersDbContext>
{
    private readonly IOutbox _outbox;
    private readonly TimeProvider _clock;

    public ReplayRequestedConsumer(DossiersDbContext context, TenantScope scope, IOutbox outbox, TimeProvider clock)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // before the receiver opens the connection; the queries below name the unit
        _outbox = outbox;
        _clock = clock;
    }

    protected override async Task HandleAsync(ReadModelReplayRequested message, CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        var dossiers = await Context.Dossiers.AsNoTracking().Where(d => d.UnitCode == message.UnitCode).ToListAsync(cancellationToken);
        foreach (var recorded in Dossier.RecordedEvents(dossiers, at, importId: null, message.ReplayId))
            _outbox.Add(recorded, message.ReplayId.ToString());
        var feedback = await Context.Feedback.AsNoTracking().Where(f => f.UnitCode == message.UnitCode).ToListAsync(cancellationToken);
        foreach (var item in feedback)
            _outbox.Add(item.RecordedEvent(at, message.ReplayId), item.Id.ToString());
        _outbox.Add(new DossierReplayCompleted
        {
            UnitCode = message.UnitCode, ProvinceCode = message.ProvinceCode, OccurredAt = at, ReplayId = message.ReplayId,
            Dossiers = dossiers.Count, Feedback = feedback.Count,
        }, message.ReplayId.ToString());
    }
}
