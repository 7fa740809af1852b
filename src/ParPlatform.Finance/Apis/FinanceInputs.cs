using ParPlatform.Contracts.Finance;

namespace ParPlatform.Finance.Apis;

/// <summary>An estimate of a budget item, in millions of đồng, and the date it was decided; a second one of the same item and basis revises it.</summary>
public sealed record EstimateInput(string? ItemCode, EstimateBasis? Basis, decimal? Millions, DateOnly? DecidedOn);

/// <summary>A budget item's amount accumulated from 01/01 to <see cref="AsOf"/>, in millions of đồng.</summary>
public sealed record ActualInput(string? ItemCode, DateOnly? AsOf, decimal? Millions);

/// <summary>The PAR budget line of the year (kinh phí CCHC), in millions of đồng.</summary>
public sealed record ParFundingInput(decimal? Millions);

/// <summary>A funding source's allocation, for a project (its name) or none, in millions of đồng.</summary>
public sealed record AllocationInput(string? SourceCode, string? Project, decimal? Millions);

/// <summary>A capital plan, whole.</summary>
public sealed record CapitalPlanInput(IReadOnlyList<AllocationInput>? Allocations);

/// <summary>A disbursement of an allocation on a date, in millions of đồng.</summary>
public sealed record DisbursementInput(DateOnly? Date, string? SourceCode, string? Project, decimal? Millions);

/// <summary>The approval of a public service unit's plan of financial autonomy: its name, group (see AutonomyGroup), date and decision.</summary>
public sealed record AutonomyInput(string? Name, string? Group, DateOnly? ApprovedOn, string? Decision);

/// <summary>An inspection's or audit's recommendation to remit: the conclusion as printed, its date, the amount in millions of đồng.</summary>
public sealed record AuditRecommendationInput(string? Reference, DateOnly? IssuedOn, decimal? Millions);

/// <summary>A remittance against a recommendation, in millions of đồng.</summary>
public sealed record RemittanceInput(DateOnly? Date, decimal? Millions);
