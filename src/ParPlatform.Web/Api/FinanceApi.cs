using Refit;

namespace ParPlatform.Web.Api;

/// <summary>An amount in đồng, and as the report prints it in millions ("3.969,4").</summary>
public sealed record Amount(long Dong, string Millions);

/// <summary>A rate of two amounts (the disbursement rate, an actual against its estimate); no percent when nothing was planned.</summary>
public sealed record AmountRate(decimal? Percent, string? Text);

public sealed record BudgetItem(string Code, string Kind, string Name);

public sealed record FundingSource(string Code, string Name);

/// <summary>A budget item as of a date: the estimates in force, the year-to-date actual and its rate of each estimate.</summary>
public sealed record BudgetItemFigures(
    string ItemCode, string Name, string Kind, Amount? ProvinceEstimate, Amount? OwnEstimate, Amount? Actual, DateOnly? ActualAsOf,
    AmountRate? VsProvinceEstimate, AmountRate? VsOwnEstimate);

public sealed record Budget(int Year, DateOnly AsOf, IReadOnlyList<BudgetItemFigures> Items, Amount? ParFunding);

/// <summary>An estimate of an item, "province-assigned" or "unit-own", decided on a date (a later one revises it).</summary>
public sealed record EstimateInput(string? ItemCode, string? Basis, decimal? Millions, DateOnly? DecidedOn);

/// <summary>An estimate as recorded; revision 1 is the first.</summary>
public sealed record Estimate(Guid Id, string ItemCode, string Basis, Amount Amount, DateOnly DecidedOn, int Revision);

/// <summary>An item's amount accumulated from 01/01 to a date.</summary>
public sealed record ActualInput(string? ItemCode, DateOnly? AsOf, decimal? Millions);

public sealed record Actual(Guid Id, string ItemCode, DateOnly AsOf, Amount Amount);

/// <summary>Planned and disbursed by the date, and the disbursement rate: the plan's total, a funding source or a project.</summary>
public sealed record DisbursementLine(string? SourceCode, string? SourceName, string? Project, Amount Planned, Amount Disbursed, AmountRate Rate);

public sealed record Disbursement(Guid Id, DateOnly Date, string SourceCode, string? Project, Amount Amount, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A year's public-investment capital plan as of a date, with the window in which it may be disbursed.</summary>
public sealed record CapitalPlan(
    int Year, DateOnly AsOf, DateOnly DisbursableFrom, DateOnly DisbursableUntil, DisbursementLine Total, IReadOnlyList<DisbursementLine> Sources,
    IReadOnlyList<DisbursementLine> Projects, IReadOnlyList<Disbursement> Disbursements);

public sealed record DisbursementInput(DateOnly? Date, string? SourceCode, string? Project, decimal? Millions);

/// <summary>An allocation of the capital plan: a funding source, a project (none: the source as a whole), in millions of đồng.</summary>
public sealed record AllocationInput(string? SourceCode, string? Project, decimal? Millions);

/// <summary>A capital plan, whole: what it does not list it no longer has.</summary>
public sealed record CapitalPlanInput(IReadOnlyList<AllocationInput> Allocations);

/// <summary>A unit's budget and public investment, through the gateway (/api/v1/units/{unitCode}/finance).</summary>
public interface IFinanceApi
{
    [Get("/api/v1/units/{unitCode}/finance/budget-items")]
    Task<IReadOnlyList<BudgetItem>> BudgetItemsAsync(string unitCode, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/finance/funding-sources")]
    Task<IReadOnlyList<FundingSource>> FundingSourcesAsync(string unitCode, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/finance/budgets/{year}")]
    Task<Budget> BudgetAsync(string unitCode, int year, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/finance/budgets/{year}/estimates")]
    Task<Estimate> SetEstimateAsync(string unitCode, int year, [Body] EstimateInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/finance/budgets/{year}/actuals")]
    Task<Actual> RecordActualAsync(string unitCode, int year, [Body] ActualInput input, CancellationToken cancellationToken);

    /// <summary>The capital plan of the year as of today (the service's default), or 404 when the unit has none.</summary>
    [Get("/api/v1/units/{unitCode}/finance/capital-plans/{year}")]
    Task<CapitalPlan> CapitalPlanAsync(string unitCode, int year, CancellationToken cancellationToken);

    /// <summary>Sets the year's capital plan whole (an allocation per funding source and project).</summary>
    [Put("/api/v1/units/{unitCode}/finance/capital-plans/{year}")]
    Task<CapitalPlan> SetCapitalPlanAsync(string unitCode, int year, [Body] CapitalPlanInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/finance/capital-plans/{year}/disbursements")]
    Task<Disbursement> DisburseAsync(string unitCode, int year, [Body] DisbursementInput input, CancellationToken cancellationToken);
}

/// <summary>
/// Sending a file of a year's capital plan, its disbursements or its budget, on a client of its own like <see cref="IDossierUploadsApi"/>: a streamed body is
/// not retried by the standard resilience handler.
/// </summary>
public interface IFinanceUploadsApi
{
    /// <summary>Records the file's disbursements (CSV or an Excel workbook), all or none: a bad row answers 400 with every bad row.</summary>
    [Post("/api/v1/units/{unitCode}/finance/capital-plans/{year}/disbursements/import")]
    Task<CapitalPlan> ImportDisbursementsAsync(string unitCode, int year, [Body] HttpContent file, CancellationToken cancellationToken);

    /// <summary>Sets the year's capital plan whole from the file's allocations, all or none.</summary>
    [Post("/api/v1/units/{unitCode}/finance/capital-plans/{year}/import")]
    Task<CapitalPlan> ImportCapitalPlanAsync(string unitCode, int year, [Body] HttpContent file, CancellationToken cancellationToken);

    /// <summary>Enters the file's estimates and actuals of the year, all or none.</summary>
    [Post("/api/v1/units/{unitCode}/finance/budgets/{year}/import")]
    Task<Budget> ImportBudgetAsync(string unitCode, int year, [Body] HttpContent file, CancellationToken cancellationToken);
}
