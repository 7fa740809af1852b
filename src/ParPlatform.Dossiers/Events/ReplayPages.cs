using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Dossiers.Events;

/// <summary>
/// A replay of a unit's data, one page at a time (<see cref="DossiersOptions.ReplayPageSize"/> dossiers, then as many
/// pieces of feedback, in id order): the page's <see cref="DossiersRecorded"/> or <see cref="FeedbackRecorded"/>
/// events and, written with them in the same transaction, either the <see cref="DossierReplayProgressed"/> this service
/// consumes to publish the next page, or at the end <see cref="DossierReplayCompleted"/> with the counts. No page holds
/// more than one page in memory, and a replay stopped anywhere goes on from its last committed page, publishing
/// nothing twice.
/// </summary>
public sealed class ReplayPages(DossiersDbContext context, IOutbox outbox, TimeProvider clock, IOptions<DossiersOptions> options)
{
    /// <summary>Where a replay starts: nothing published yet.</summary>
    public static DossierReplayProgressed Start(string unitCode, string provinceCode, Guid replayId) => new()
    {
        UnitCode = unitCode, ProvinceCode = provinceCode, ReplayId = replayId, DossiersDone = false, Dossiers = 0, Feedback = 0,
    };

    /// <summary>Publishes the page after <paramref name="progress"/>, and what comes next.</summary>
    public async Task PublishNextAsync(DossierReplayProgressed progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var (now, size, key) = (clock.GetUtcNow(), options.Value.ReplayPageSize, progress.ReplayId.ToString());
        if (!progress.DossiersDone)
        {
            var after = progress.AfterDossier ?? Guid.Empty;
            var dossiers = await context.Dossiers.FromSql(
                    $"SELECT *, xmin FROM dossiers.dossiers WHERE unit_code = {progress.UnitCode} AND id > {after} ORDER BY id LIMIT {size}")
                .AsNoTracking().ToListAsync(cancellationToken);
            foreach (var recorded in Dossier.RecordedEvents(dossiers, now, importId: null, progress.ReplayId))
                outbox.Add(recorded, key);
            outbox.Add(progress with
            {
                EventId = Guid.CreateVersion7(), OccurredAt = now, AfterDossier = dossiers.Count > 0 ? dossiers[^1].Id : progress.AfterDossier,
                DossiersDone = dossiers.Count < size, Dossiers = progress.Dossiers + dossiers.Count,
            }, key);
            return;
        }
        var afterFeedback = progress.AfterFeedback ?? Guid.Empty;
        var feedback = await context.Feedback.FromSql(
                $"SELECT *, xmin FROM dossiers.feedback WHERE unit_code = {progress.UnitCode} AND id > {afterFeedback} ORDER BY id LIMIT {size}")
            .AsNoTracking().ToListAsync(cancellationToken);
        foreach (var item in feedback)
            outbox.Add(item.RecordedEvent(now, progress.ReplayId), item.Id.ToString());
        if (feedback.Count == size)
        {
            outbox.Add(progress with
            {
                EventId = Guid.CreateVersion7(), OccurredAt = now, AfterFeedback = feedback[^1].Id, Feedback = progress.Feedback + feedback.Count,
            }, key);
            return;
        }
        outbox.Add(new DossierReplayCompleted
        {
            UnitCode = progress.UnitCode, ProvinceCode = progress.ProvinceCode, OccurredAt = now, ReplayId = progress.ReplayId,
            Dossiers = progress.Dossiers, Feedback = progress.Feedback + feedback.Count,
        }, key);
    }
}
