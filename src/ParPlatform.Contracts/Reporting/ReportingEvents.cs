namespace ParPlatform.Contracts.Reporting;

/// <summary>
/// The reporting service rebuilds its read model of a unit and asks the services that own the
/// unit's data to publish all of it again, tagged with <see cref="ReplayId"/>. It is published after
/// reporting started recording the unit's events into the new model, so nothing that happens
/// after the owners read their data is missed.
/// </summary>
public sealed record ReadModelReplayRequested : IntegrationEvent
{
    public required Guid ReplayId { get; init; }
}

/// <summary>
/// A unit's periodic PAR report was submitted to the province, signed by its chairman: a new immutable version, its
/// document number and date, and whether it came by the province's due date.
/// </summary>
public sealed record ReportSubmitted : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    /// <summary>The reporting period, e.g. "2026-Q1".</summary>
    public required string Period { get; init; }

    /// <summary>The version submitted: 1 for the first submission, one more for each resubmission after a return.</summary>
    public required int Version { get; init; }

    /// <summary>The document number as printed, e.g. "188/BC-UBND".</summary>
    public required string DocumentNumber { get; init; }

    public required DateOnly SubmittedOn { get; init; }

    public required DateOnly Due { get; init; }

    /// <summary>Submitted on or before <see cref="Due"/>.</summary>
    public required bool OnTime { get; init; }
}

/// <summary>The province's reviewer returned a submitted report to its unit, with the reason; the unit corrects and resubmits.</summary>
public sealed record ReportReturned : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    public required string Period { get; init; }

    public required int Version { get; init; }

    public required string Reason { get; init; }
}

/// <summary>The province's reviewer accepted a submitted report: the period's report is final.</summary>
public sealed record ReportAccepted : IntegrationEvent
{
    public required Guid ReportId { get; init; }

    public required string Period { get; init; }

    public required int Version { get; init; }
}
