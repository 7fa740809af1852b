using ParPlatform.Contracts.Reporting;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Reporting.Domain;

/// <summary>
/// Which generation of a unit's facts answers (<see cref="Active"/>), and the one being rebuilt
/// from a replay, if any (<see cref="Building"/>). Every event of the unit is written into both;
/// the replayed dossiers and feedback only into the new one. When all the replay announced has
/// arrived, the new generation answers and the old one's rows are deleted. A unit without a row
/// is at generation 0. The platform's row (not a tenant's): only the reporting service writes it.
/// </summary>
public sealed class UnitGeneration : Aggregate
{
    private UnitGeneration()
    {
    }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Active { get; private set; }

    public int? Building { get; private set; }

    /// <summary>The replay filling <see cref="Building"/>.</summary>
    public Guid? ReplayId { get; private set; }

    /// <summary>The rebuild the replay belongs to.</summary>
    public Guid? RebuildId { get; private set; }

    /// <summary>What the dossiers service says it published for the replay (null until its DossierReplayCompleted arrives).</summary>
    public int? ExpectedDossiers { get; private set; }

    public int? ExpectedFeedback { get; private set; }

    public int ReplayedDossiers { get; private set; }

    public int ReplayedFeedback { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the last replay of the unit finished (its generation became active).</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public override string EventKey() => UnitCode;

    /// <summary>A unit that has only ever had generation 0.</summary>
    public static UnitGeneration First(string unitCode, string provinceCode) => new() { UnitCode = unitCode, ProvinceCode = provinceCode };

    /// <summary>
    /// Starts a new generation for the rebuild <paramref name="rebuildId"/> (the one after any this unit had), and asks the
    /// dossiers service to replay the unit into it (<see cref="ReadModelReplayRequested"/>). An unfinished generation it
    /// replaces is the caller's to delete first.
    /// </summary>
    public void StartReplay(Guid rebuildId, DateTimeOffset at)
    {
        Building = Math.Max(Active, Building ?? 0) + 1;
        ReplayId = Guid.CreateVersion7();
        RebuildId = rebuildId;
        ExpectedDossiers = null;
        ExpectedFeedback = null;
        ReplayedDossiers = 0;
        ReplayedFeedback = 0;
        StartedAt = at;
        Raise(new ReadModelReplayRequested { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, ReplayId = ReplayId.Value });
    }
}

/// <summary>An administrator's request to rebuild the read model of some or all units.</summary>
public sealed class ReadModelRebuild
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public int Units { get; init; }
}
