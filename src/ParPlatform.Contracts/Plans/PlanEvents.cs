namespace ParPlatform.Contracts.Plans;

/// <summary>
/// A unit (or one of its agencies) issued its PAR plan (ban hành kế hoạch CCHC): from now on it never changes, its targets
/// (<see cref="TargetSet"/>, published with it) are what the unit is judged against and its tasks are tracked.
/// </summary>
public sealed record PlanIssued : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    /// <summary>The issuing agency's code for an agency's plan; null for the unit's own plan.</summary>
    public string? AgencyCode { get; init; }

    /// <summary>Number and symbol as printed, e.g. "29/KH-UBND", or "/QĐ-UBND" for a plan issued as the attachment of a decision.</summary>
    public required string Reference { get; init; }

    public required DateOnly IssueDate { get; init; }

    /// <summary>The years the plan covers: the same year twice for an annual plan.</summary>
    public required int FromYear { get; init; }

    public required int ToYear { get; init; }

    public required int TargetCount { get; init; }

    public required int TaskCount { get; init; }

    /// <summary>The plan this one revises, now superseded (<see cref="PlanSuperseded"/>); null for a first plan.</summary>
    public Guid? SupersedesPlanId { get; init; }
}

/// <summary>An issued plan was replaced by its revision, issued at <see cref="OccurredAt"/>: its targets and tasks no longer count.</summary>
public sealed record PlanSuperseded : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    public required Guid SupersededByPlanId { get; init; }
}

/// <summary>
/// A measurable target of an issued plan: <see cref="IndicatorCode"/> <see cref="Comparator"/> <see cref="Threshold"/>
/// (e.g. Dossiers.OnTimeRate at-least 98), for the plan's years or one phase, optionally for one field or channel.
/// Published when its plan is issued.
/// </summary>
public sealed record TargetSet : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    public required Guid TargetId { get; init; }

    public ParArea? Area { get; init; }

    /// <summary>A code of the indicator catalogue (SharedKernel's IndicatorCatalogue).</summary>
    public required string IndicatorCode { get; init; }

    public required TargetComparator Comparator { get; init; }

    /// <summary>A rate in percent, a count, or a change in percent (the indicator says which).</summary>
    public required decimal Threshold { get; init; }

    /// <summary>The years it holds for: the plan's, or its phase's.</summary>
    public required int FromYear { get; init; }

    public required int ToYear { get; init; }

    /// <summary>A field the target is restricted to, as written ("đất đai, xây dựng"), or null.</summary>
    public string? Field { get; init; }

    /// <summary>A channel the target is restricted to, as written ("trực tuyến"), or null.</summary>
    public string? Channel { get; init; }

    /// <summary>The province target this one took over (and may have tightened), or null.</summary>
    public Guid? SourceTargetId { get; init; }
}

/// <summary>Someone recorded the progress of a task of an issued plan: its status on <see cref="ReportedOn"/>.</summary>
public sealed record TaskProgressRecorded : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    public required Guid TaskId { get; init; }

    public required PlanTaskStatus Status { get; init; }

    public required DateOnly ReportedOn { get; init; }

    /// <summary>Assigned by the province (tracked separately: Plans.ProvinceAssignedTaskCompletionRate).</summary>
    public required bool ProvinceAssigned { get; init; }
}

/// <summary>A task was done on <see cref="CompletedOn"/>; <see cref="OnTime"/> when by its due date (or it had none).</summary>
public sealed record TaskCompleted : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    public required Guid TaskId { get; init; }

    public required DateOnly CompletedOn { get; init; }

    public DateOnly? DueDate { get; init; }

    public required bool OnTime { get; init; }

    public required bool ProvinceAssigned { get; init; }
}

/// <summary>A task's due date passed and it was not done (nor cancelled); published once per task.</summary>
public sealed record TaskOverdue : IntegrationEvent
{
    public required Guid PlanId { get; init; }

    public required Guid TaskId { get; init; }

    public required DateOnly DueDate { get; init; }

    public required bool ProvinceAssigned { get; init; }
}
