namespace ParPlatform.Contracts.Finance;

/// <summary>
/// An estimate (dự toán) of a budget item for a fiscal year was set, or revised: <see cref="Revision"/> 1 is the first,
/// a later one replaces <see cref="PreviousDong"/> (the history is kept).
/// </summary>
public sealed record BudgetEstimateSet : IntegrationEvent
{
    public required int Year { get; init; }

    /// <summary>A code of the budget items (<c>GET /api/v1/units/{unitCode}/finance/budget-items</c>), e.g. "total-revenue".</summary>
    public required string ItemCode { get; init; }

    public required EstimateBasis Basis { get; init; }

    /// <summary>The estimate in whole đồng.</summary>
    public required long AmountDong { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public required int Revision { get; init; }

    /// <summary>The estimate this revision replaces, in whole đồng; null for the first.</summary>
    public long? PreviousDong { get; init; }
}

/// <summary>The year-to-date actual (lũy kế từ đầu năm) of a budget item as of a date was recorded.</summary>
public sealed record BudgetActualRecorded : IntegrationEvent
{
    public required int Year { get; init; }

    public required string ItemCode { get; init; }

    /// <summary>The date the amount is accumulated to, from 01/01 of <see cref="Year"/>.</summary>
    public required DateOnly AsOf { get; init; }

    public required long AmountDong { get; init; }
}

/// <summary>A funding source's allocation of a year's public-investment capital plan, in whole đồng.</summary>
public sealed record CapitalSourceAmount(string SourceCode, long AmountDong);

/// <summary>The capital plan (kế hoạch vốn đầu tư công) of a year was set, whole: its total and its allocation per funding source.</summary>
public sealed record CapitalPlanSet : IntegrationEvent
{
    public required int Year { get; init; }

    public required long TotalDong { get; init; }

    public required IReadOnlyList<CapitalSourceAmount> Sources { get; init; }
}

/// <summary>An amount of a year's capital plan was disbursed (giải ngân), from one funding source, for one project or none.</summary>
public sealed record DisbursementRecorded : IntegrationEvent
{
    /// <summary>The year of the capital plan disbursed (its money may be disbursed until 31/01 of the next year).</summary>
    public required int Year { get; init; }

    public required Guid DisbursementId { get; init; }

    public required DateOnly Date { get; init; }

    public required string SourceCode { get; init; }

    /// <summary>The project's name as the plan writes it; null for the source's allocation without a project.</summary>
    public string? Project { get; init; }

    public required long AmountDong { get; init; }
}

/// <summary>A public service unit's plan of financial autonomy was approved, in a group (or approved again, in another).</summary>
public sealed record AutonomyApproved : IntegrationEvent
{
    /// <summary>The public service unit's code in the unit (e.g. "truong-mn-hoa-sen").</summary>
    public required string ServiceUnitCode { get; init; }

    public required string ServiceUnitName { get; init; }

    public required AutonomyGroup Group { get; init; }

    public required DateOnly ApprovedOn { get; init; }

    /// <summary>The approving decision as printed, e.g. "15/QĐ-UBND"; null when not given.</summary>
    public string? Decision { get; init; }

    /// <summary>The group before this approval; null for a first approval.</summary>
    public AutonomyGroup? PreviousGroup { get; init; }
}

/// <summary>An inspection or audit recommended that the unit remit an amount to the state budget (kiến nghị nộp NSNN).</summary>
public sealed record AuditRecommendationRecorded : IntegrationEvent
{
    public required Guid RecommendationId { get; init; }

    /// <summary>The conclusion or report that recommends it, as printed.</summary>
    public required string Reference { get; init; }

    public required DateOnly IssuedOn { get; init; }

    public required long ToRemitDong { get; init; }
}

/// <summary>An amount recommended by an inspection or audit was remitted to the state budget.</summary>
public sealed record RemittanceRecorded : IntegrationEvent
{
    public required Guid RecommendationId { get; init; }

    public required DateOnly Date { get; init; }

    public required long AmountDong { get; init; }

    /// <summary>Remitted of the recommendation so far, this remittance included.</summary>
    public required long RemittedDong { get; init; }
}

/// <summary>
/// A general inventory of public assets (tổng kiểm kê tài sản công) progressed: it was defined or changed
/// (<see cref="SubjectCode"/> null), or one of its subjects formed its team, registered or sent its report. Carries the
/// inventory's whole state in counts, so a reader needs only the latest.
/// </summary>
public sealed record AssetInventoryProgressed : IntegrationEvent
{
    /// <summary>The inventory's code in the unit, e.g. "tong-kiem-ke-2026".</summary>
    public required string InventoryCode { get; init; }

    public required string Name { get; init; }

    /// <summary>How many asset types the decision counts (19 under 213/QĐ-TTg).</summary>
    public required int AssetTypeCount { get; init; }

    /// <summary>The forms of the asset types at least one subject registered ("01a", "02a", "18a").</summary>
    public required IReadOnlyList<string> RegisteredForms { get; init; }

    public DateOnly? RegistrationDeadline { get; init; }

    public required DateOnly ReportDeadline { get; init; }

    /// <summary>The subject whose progress this is; null when the inventory itself was defined or changed.</summary>
    public string? SubjectCode { get; init; }

    public required int Subjects { get; init; }

    public required int TeamsFormed { get; init; }

    public required int Registered { get; init; }

    public required int ReportsSubmitted { get; init; }
}

/// <summary>A case of disposing of a public asset (xử lý tài sản công) was noted.</summary>
public sealed record AssetDisposalRecorded : IntegrationEvent
{
    public required Guid DisposalId { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>The asset as the report names it.</summary>
    public required string Asset { get; init; }

    /// <summary>The deciding document as printed; null when not given.</summary>
    public string? Decision { get; init; }

    /// <summary>What was done, as the report tells it.</summary>
    public required string Note { get; init; }
}

/// <summary>The number of violations in the use of administrative funds found in a year up to a date (target 0).</summary>
public sealed record AdminFundViolationsRecorded : IntegrationEvent
{
    public required int Year { get; init; }

    public required DateOnly AsOf { get; init; }

    public required int Count { get; init; }
}
