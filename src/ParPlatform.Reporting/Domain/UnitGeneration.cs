namespace ParPlatform.Reporting.Domain;

/// <summary>
/// Which generation of a unit's facts answers (<see cref="Active"/>), and the one being rebuilt
/// from a replay, if any (<see cref="Building"/>). Every event of the unit is written into both;
/// the replayed dossiers and feedback only into the new one. When all the replay announced has
/// arrived, the new generation answers and the old one's rows are deleted. A unit without a row
/// is at generation 0. The platform's row (not a tenant's): only the reporting service writes it.
/// </summary>
public sealed class UnitGeneration
{
    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public int Active { get; set; }

    public int? Building { get; set; }

    /// <summary>The replay filling <see cref="Building"/>.</summary>
    public Guid? ReplayId { get; set; }

    /// <summary>The rebuild the replay belongs to.</summary>
    public Guid? RebuildId { get; set; }

    /// <summary>What the dossiers service says it published for the replay (null until its DossierReplayCompleted arrives).</summary>
    public int? ExpectedDossiers { get; set; }

    public int? ExpectedFeedback { get; set; }

    public int ReplayedDossiers { get; set; }

    public int ReplayedFeedback { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the last replay of the unit finished (its generation became active).</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>An administrator's request to rebuild the read model of some or all units.</summary>
public sealed class ReadModelRebuild
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public int Units { get; init; }
}
