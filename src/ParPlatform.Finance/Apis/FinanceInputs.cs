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

/// <summary>The year's count of violations in the use of administrative funds up to a date.</summary>
public sealed record ViolationsInput(int? Count, DateOnly? AsOf);

/// <summary>An asset type of an inventory: its form in the decision ("01a") and name.</summary>
public sealed record AssetTypeInput(string? Form, string? Name);

/// <summary>
/// A general inventory of public assets: its name, the deciding document, how many asset types it counts, the types the
/// unit registers, the deadline of registration (optional) and of the reports.
/// </summary>
public sealed record InventoryInput(
    string? Name, string? Decision, int? AssetTypeCount, IReadOnlyList<AssetTypeInput>? AssetTypes, DateOnly? RegistrationDeadline, DateOnly? ReportDeadline);

/// <summary>A subject's progress in an inventory, whole: team formed, registered with its asset forms, report sent (each a date or null).</summary>
public sealed record InventorySubjectInput(
    string? Name, DateOnly? TeamFormedOn, DateOnly? RegisteredOn, IReadOnlyList<string?>? AssetForms, DateOnly? ReportSubmittedOn);

/// <summary>A case of disposing of a public asset: the date, the asset, the deciding document (optional), what was done.</summary>
public sealed record AssetDisposalInput(DateOnly? Date, string? Asset, string? Decision, string? Note);
