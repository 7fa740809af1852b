using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.Staffing.Data;

namespace ParPlatform.Staffing.Apis;

/// <summary>
/// The staffing service's API, every group listed once (<see cref="MapStaffingApi"/>): a unit's quotas and headcounts and
/// its staffing report of a year, its movements and people management per reporting period, its agencies' job-position schemes. The unit's officers and chairman enter; its province's reviewers and integrators read
/// (<c>WithTenantAccess</c>), and read the province's overview of all its units.
/// </summary>
public static class StaffingApi
{
    public static void MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/staffing").WithTenantAccess();
        unit.MapServiceStatus<StaffingDbContext>("staffing").WithTags("Status")
            .WithName("GetStaffingStatus").WithSummary("The staffing service's version and database migration level");
        unit.MapGroup("").WithTags("Quotas and headcount").AddEndpointFilter<DomainProblems>().MapQuotasAndHeadcounts();
        unit.MapGroup("/movements").WithTags("Movements and people management").AddEndpointFilter<DomainProblems>().MapMovements();
        unit.MapGroup("/job-position-schemes").WithTags("Job-position schemes").AddEndpointFilter<DomainProblems>().MapJobPositionSchemes();
        var province = app.MapGroup("/api/v1/provinces/{provinceCode}/staffing").WithTenantAccess();
        province.MapGet("/overview", ProvinceOverview.GetAsync).WithTags("Province overview")
            .WithName("GetProvinceStaffingOverview")
            .WithSummary("Every unit of the province with its quota of a year against its headcount as of a date, and the province's totals (rates Σ numerators ÷ Σ denominators)");
    }

    private static void MapMovements(this RouteGroupBuilder movements)
    {
        movements.MapGet("/{period}", (string unitCode, string period, StaffingStore store, CancellationToken ct) => store.MovementsAsync(unitCode, period, ct))
            .WithName("GetMovements")
            .WithSummary("A reporting period's movements (2026-Q1, 2026-6M, 2026-Q3, 2026-Y): recruited, transferred, retired, resigned, disciplined by level, promotion registrations, training; Staffing.DisciplinedLeaders and Staffing.TrainingPlanCompletion");
        movements.MapPut("/{period}", (string unitCode, string period, MovementsInput input, StaffingStore store, HttpContext http, CancellationToken ct) =>
            store.RecordMovementsAsync(unitCode, period, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordMovements").WithSummary("Records a reporting period's movements and people management (counts; a count left out was not reported), replacing earlier ones");
    }

    private static void MapJobPositionSchemes(this RouteGroupBuilder schemes)
    {
        schemes.MapGet("", (string unitCode, StaffingStore store, CancellationToken ct) => store.JobPositionSchemesAsync(unitCode, ct))
            .WithName("ListJobPositionSchemes")
            .WithSummary("The agencies' job-position schemes, reviewed and approved, with Staffing.JobPositionSchemesReviewedRate over the agencies recorded");
        schemes.MapPut("/{agencyCode}", (string unitCode, string agencyCode, JobPositionSchemeInput input, StaffingStore store, HttpContext http, CancellationToken ct) =>
            store.RecordJobPositionSchemeAsync(unitCode, agencyCode, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordJobPositionScheme").WithSummary("Records whether an agency's job-position scheme is reviewed and approved");
    }

    private static void MapQuotasAndHeadcounts(this RouteGroupBuilder staffing)
    {
        staffing.MapGet("/{year:int}", (string unitCode, int year, string? asOf, int? baselineYear, StaffingStore store, CancellationToken ct) =>
            store.ReportAsync(unitCode, year, asOf, baselineYear, ct))
            .WithName("GetStaffingReport")
            .WithSummary("The unit's quota of a year against its latest headcount on or before a date (default today, at most 31/12): per category vacancies, over-quota flag and Staffing.QuotaUse; degree rates; Staffing.BudgetPaidChangeVsBaseline; the same per agency");
        staffing.MapGet("/quotas/{year:int}", (string unitCode, int year, StaffingStore store, CancellationToken ct) => store.QuotasAsync(unitCode, year, ct))
            .WithName("ListQuotas").WithSummary("The quotas of a year: the whole unit's and its agencies'");
        staffing.MapPut("/quotas/{year:int}", (string unitCode, int year, QuotaInput input, StaffingStore store, HttpContext http, CancellationToken ct) =>
            store.SetQuotaAsync(unitCode, year, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetQuota").WithSummary("Sets the quota of a year the province decided (possibly provisional, \"tạm giao\"), for the whole unit or an agency; again replaces it");
        staffing.MapPost("/headcounts", (string unitCode, HeadcountInput input, StaffingStore store, HttpContext http, CancellationToken ct) =>
            store.RecordHeadcountAsync(unitCode, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordHeadcount")
            .WithSummary("Records the staff in post on a date, for the whole unit or an agency (the same date again corrects it); above the quota it is recorded and flagged");
        staffing.MapPost("/import", StaffingImportApi.ImportAsync).AcceptsImportFile<StaffingImportRow>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ImportStaffing")
            .WithSummary("Sets quotas and records headcounts from a file (CSV, JSON or XLSX: kind, year, date, agencyCode, civilServants, publicEmployees…), checked whole");
    }
}
