using ParPlatform.Finance.Data;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Finance.Apis;

/// <summary>
/// The finance service's API, every group listed once (<see cref="MapFinanceApi"/>): a unit's budgets (estimates, actuals,
/// the PAR budget line, the violations in the use of administrative funds), public-investment capital plans (allocations,
/// disbursements), public assets (general inventories, disposals), the autonomy of public service units and audit
/// recommendations to remit, with the lists they use. The unit's
/// officers and chairman enter; its province's reviewers and integrators read (<c>WithTenantAccess</c>), and read the
/// province's overview of all its units.
/// </summary>
public static class FinanceApi
{
    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/finance").WithTenantAccess();
        unit.MapServiceStatus<FinanceDbContext>("finance").WithTags("Status")
            .WithName("GetFinanceStatus").WithSummary("The finance service's version and database migration level");
        unit.MapGroup("").WithTags("Lists").MapLists();
        unit.MapGroup("/budgets").WithTags("Budgets").AddEndpointFilter<DomainProblems>().MapBudgets();
        unit.MapGroup("/capital-plans").WithTags("Capital plans").AddEndpointFilter<DomainProblems>().MapCapitalPlans();
        unit.MapGroup("/autonomy").WithTags("Autonomy of public service units").AddEndpointFilter<DomainProblems>().MapAutonomy();
        unit.MapGroup("/assets").WithTags("Public assets").AddEndpointFilter<DomainProblems>().MapAssets();
        unit.MapGroup("/audit-recommendations").WithTags("Audit recommendations").AddEndpointFilter<DomainProblems>().MapAudit();
        var province = app.MapGroup("/api/v1/provinces/{provinceCode}/finance").WithTenantAccess();
        province.MapGet("/overview", ProvinceOverview.GetAsync).WithTags("Province overview")
            .WithName("GetProvinceFinanceOverview")
            .WithSummary("Every unit of the province with its budget and capital plan of a year as of a date, and the province's totals (rates Σ numerators ÷ Σ denominators)");
    }

    private static void MapAutonomy(this RouteGroupBuilder autonomy)
    {
        autonomy.MapGet("", (string unitCode, string? asOf, FinanceStore store, CancellationToken ct) => store.AutonomyAsync(unitCode, asOf, ct))
            .WithName("GetAutonomy")
            .WithSummary("The public service units with an approved plan of financial autonomy as of a date (default today), counted in the report's six groups");
        autonomy.MapPut("/{code}", (string unitCode, string code, AutonomyInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.ApproveAutonomyAsync(unitCode, code, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ApproveAutonomy").WithSummary("Records the approval of a public service unit's plan of financial autonomy in its group");
    }

    private static void MapAssets(this RouteGroupBuilder assets)
    {
        assets.MapGet("/inventories/{code}", (string unitCode, string code, string? asOf, AssetStore store, CancellationToken ct) =>
            store.InventoryAsync(unitCode, code, asOf, ct))
            .WithName("GetAssetInventory")
            .WithSummary("A general inventory of public assets as of a date (default today): asset types registered of those counted, subjects formed and registered, reports sent by the deadline");
        assets.MapPut("/inventories/{code}", (string unitCode, string code, InventoryInput input, AssetStore store, HttpContext http, CancellationToken ct) =>
            store.DefineInventoryAsync(unitCode, code, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DefineAssetInventory")
            .WithSummary("Sets a general inventory of public assets: its decision, the asset types counted and registered, its deadlines");
        assets.MapPut("/inventories/{code}/subjects/{subjectCode}", (string unitCode, string code, string subjectCode, InventorySubjectInput input,
            AssetStore store, HttpContext http, CancellationToken ct) => store.RecordSubjectAsync(unitCode, code, subjectCode, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordInventorySubject")
            .WithSummary("Records a subject of the inventory and its progress, whole: team formed, asset types registered, report sent");
        assets.MapGet("/disposals", (string unitCode, int? year, AssetStore store, CancellationToken ct) => store.DisposalsAsync(unitCode, year, ct))
            .WithName("ListAssetDisposals").WithSummary("The cases of disposing of public assets, of a year or all, by date");
        assets.MapPost("/disposals", (string unitCode, AssetDisposalInput input, AssetStore store, HttpContext http, CancellationToken ct) =>
            store.RecordDisposalAsync(unitCode, input, http.User, ct))
            .WithName("RecordAssetDisposal").WithSummary("Notes a case of disposing of a public asset: the date, the asset, the decision, what was done");
    }

    private static void MapAudit(this RouteGroupBuilder audit)
    {
        audit.MapGet("", (string unitCode, string? asOf, FinanceStore store, CancellationToken ct) => store.AuditAsync(unitCode, asOf, ct))
            .WithName("GetAuditRecommendations")
            .WithSummary("The recommendations to remit issued by a date (default today), remitted by then and Finance.AuditRemittanceRate; with none, \"chưa được thanh tra, kiểm toán\"");
        audit.MapPost("", (string unitCode, AuditRecommendationInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.RecordRecommendationAsync(unitCode, input, http.User, ct))
            .WithName("RecordAuditRecommendation").WithSummary("Records an inspection's or audit's recommendation to remit an amount to the state budget");
        audit.MapPost("/{id:guid}/remittances", (string unitCode, Guid id, RemittanceInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.RemitAsync(unitCode, id, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordRemittance").WithSummary("Records a remittance against a recommendation, no more than remains to remit");
    }

    private static void MapLists(this RouteGroupBuilder lists)
    {
        lists.MapGet("/budget-items", (FinanceStore store, CancellationToken ct) => store.ItemsAsync(ct))
            .WithName("ListBudgetItems").WithSummary("The revenue and expenditure items budgets are entered by");
        lists.MapGet("/funding-sources", (FinanceStore store, CancellationToken ct) => store.SourcesAsync(ct))
            .WithName("ListFundingSources").WithSummary("The funding sources of public investment (NSTW, NSDP, national target programmes…)");
    }

    private static void MapBudgets(this RouteGroupBuilder budgets)
    {
        budgets.MapGet("/{year:int}", (string unitCode, int year, string? asOf, FinanceStore store, CancellationToken ct) =>
            store.BudgetAsync(unitCode, year, asOf, ct))
            .WithName("GetBudget")
            .WithSummary("The unit's budget of a year as of a date (default today, at most 31/12): per item the estimates in force, the year-to-date actual and its rate of each estimate");
        budgets.MapGet("/{year:int}/estimates", (string unitCode, int year, FinanceStore store, CancellationToken ct) =>
            store.EstimatesAsync(unitCode, year, ct))
            .WithName("ListBudgetEstimates").WithSummary("Every estimate of the year with its revisions, by item, basis and revision");
        budgets.MapPost("/{year:int}/estimates", (string unitCode, int year, EstimateInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.SetEstimateAsync(unitCode, year, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetBudgetEstimate").WithSummary("Sets an item's estimate (province-assigned or the unit's own), or revises it: the earlier one is kept");
        budgets.MapPost("/{year:int}/actuals", (string unitCode, int year, ActualInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.RecordActualAsync(unitCode, year, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordBudgetActual").WithSummary("Records an item's amount accumulated from 01/01 to a date of the year (the same date again corrects it)");
        budgets.MapPut("/{year:int}/par-funding", (string unitCode, int year, ParFundingInput input, FinanceStore store, CancellationToken ct) =>
            store.SetParFundingAsync(unitCode, year, input, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetParFunding").WithSummary("Sets the year's PAR budget line (kinh phí CCHC)");
        budgets.MapPut("/{year:int}/admin-fund-violations", (string unitCode, int year, ViolationsInput input, FinanceStore store, CancellationToken ct) =>
            store.RecordViolationsAsync(unitCode, year, input, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordAdminFundViolations")
            .WithSummary("Records the violations in the use of administrative funds found in the year up to a date (Finance.AdminBudgetViolations, target 0)");
        budgets.MapPost("/{year:int}/import", BudgetImportApi.ImportAsync).AcceptsImportFile<BudgetImportRow>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportBudget")
            .WithSummary("Enters a year's estimates and actuals from a file (CSV, JSON or XLSX: itemCode, basis, date, millions), checked whole");
    }

    private static void MapCapitalPlans(this RouteGroupBuilder plans)
    {
        plans.MapGet("/{year:int}", (string unitCode, int year, string? asOf, FinanceStore store, CancellationToken ct) =>
            store.CapitalPlanAsync(unitCode, year, asOf, ct))
            .WithName("GetCapitalPlan")
            .WithSummary("The capital plan of a year as of a date (default today, at most 31/01 of the next year): planned, disbursed and Finance.DisbursementRate in total, per source and per project");
        plans.MapPut("/{year:int}", (string unitCode, int year, CapitalPlanInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.SetCapitalPlanAsync(unitCode, year, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetCapitalPlan").WithSummary("Sets the year's capital plan whole: an allocation per funding source and project");
        plans.MapPost("/{year:int}/import", CapitalPlanImportApi.ImportAsync).AcceptsImportFile<CapitalPlanImportRow>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportCapitalPlan")
            .WithSummary("Sets the year's capital plan whole from a file (CSV, JSON or XLSX: sourceCode, project, millions), checked whole");
        plans.MapPost("/{year:int}/disbursements", (string unitCode, int year, DisbursementInput input, FinanceStore store, HttpContext http, CancellationToken ct) =>
            store.DisburseAsync(unitCode, year, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordDisbursement").WithSummary("Records a disbursement of an allocation, dated from 01/01 of the year to 31/01 of the next");
        plans.MapPost("/{year:int}/disbursements/import", DisbursementImportApi.ImportAsync).AcceptsImportFile<DisbursementImportRow>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportDisbursements")
            .WithSummary("Records a capital plan's disbursements from a file (CSV, JSON or XLSX: sourceCode, project, date, millions), checked whole");
    }
}
