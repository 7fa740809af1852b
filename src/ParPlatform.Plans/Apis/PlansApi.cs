using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Plans.Apis;

/// <summary>The route's owner of plans as written: a unit code, or a province code.</summary>
public sealed record PlanRoute(string? UnitCode, string? ProvinceCode)
{
    public static PlanRoute Unit(string unitCode) => new(unitCode, null);

    public static PlanRoute Province(string provinceCode) => new(null, provinceCode);
}

/// <summary>Whose plans a route is about: a unit's (and its agencies'), or a province's own.</summary>
public sealed record PlanOwner(string? UnitCode, string ProvinceCode)
{
    public bool IsProvince => UnitCode is null;

    public IQueryable<Plan> Plans(PlansDbContext db) => IsProvince
        ? db.Plans.Where(p => p.UnitCode == null && p.ProvinceCode == ProvinceCode)
        : db.Plans.Where(p => p.UnitCode == UnitCode);

    public string Path => IsProvince ? $"/api/v1/provinces/{ProvinceCode}/plans" : $"/api/v1/units/{UnitCode}/plans";
}

/// <summary>
/// The plans service's API, every group listed once (<see cref="MapPlansApi"/>): a unit's plans (drafted by its officers,
/// issued by its chairman), their tasks' progress, the task-table import and the unit's indicators; a province's own plans
/// (its reviewers draft and issue them) and its view of all its units' plans.
/// </summary>
public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/plans").WithTenantAccess();
        unit.MapServiceStatus<PlansDbContext>("plans").WithTags("Status")
            .WithName("GetPlansStatus").WithSummary("The plans service's version and database migration level");
        unit.MapGroup("").WithTags("Unit plans").AddEndpointFilter<DomainProblems>().MapUnitPlans();
        var province = app.MapGroup("/api/v1/provinces/{provinceCode}/plans").WithTenantAccess();
        province.MapGroup("").WithTags("Province plans").AddEndpointFilter<DomainProblems>().MapProvincePlans();
    }

    private static void MapUnitPlans(this RouteGroupBuilder plans)
    {
        plans.MapGet("", (string unitCode, int? year, int? page, int? pageSize, PlanStore store, CancellationToken ct) =>
            store.ListAsync(PlanRoute.Unit(unitCode), year, page, pageSize, ct))
            .WithName("ListUnitPlans").WithSummary("A page of the unit's and its agencies' plans, every version (draft, issued, superseded), newest first");
        plans.MapPost("", (string unitCode, PlanInput input, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.CreateAsync(PlanRoute.Unit(unitCode), input, http.User, ct))
            .WithName("DraftUnitPlan").WithSummary("Drafts a plan of the unit, or of one of its agencies (agencyCode), whole: targets and tasks");
        plans.MapGet("/{id:guid}", (string unitCode, Guid id, PlanStore store, CancellationToken ct) =>
            store.GetAsync(PlanRoute.Unit(unitCode), id, ct))
            .WithName("GetUnitPlan").WithSummary("A plan with its targets and tasks");
        plans.MapPut("/{id:guid}", (string unitCode, Guid id, PlanInput input, PlanStore store, CancellationToken ct) =>
            store.EditAsync(PlanRoute.Unit(unitCode), id, input, ct))
            .WithName("EditUnitPlan").WithSummary("Replaces a draft's content whole").ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/issue", (string unitCode, Guid id, IssueInput input, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.IssueAsync(PlanRoute.Unit(unitCode), id, input, http.User, ct))
            .WithName("IssueUnitPlan").WithSummary("Issues a draft with its number and date (the unit's chairman); a revision supersedes the plan it revises")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/revisions", (string unitCode, Guid id, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.ReviseAsync(PlanRoute.Unit(unitCode), id, http.User, ct))
            .WithName("ReviseUnitPlan").WithSummary("Drafts a revision of an issued plan, which supersedes it once issued").ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/{id:guid}/tasks/{taskId:guid}/progress", TaskApi.ProgressAsync)
            .WithName("ListTaskProgress").WithSummary("A task's progress updates, oldest first");
        plans.MapPost("/{id:guid}/tasks/{taskId:guid}/progress", TaskApi.RecordProgressAsync)
            .WithName("RecordTaskProgress").WithSummary("Records a task's progress: status, date, note, evidence (a reason to cancel)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:guid}/tasks/{taskId:guid}/due-date", TaskApi.SetDueDateAsync)
            .WithName("SetTaskDueDate").WithSummary("Sets the due date of a task timed by the province, once it is known")
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/tasks/import", TaskTableApi.ImportAsync).AcceptsImportFile<TaskTableRow>()
            .WithName("ImportTaskTable").WithSummary("Replaces a draft's tasks with a task table (CSV or XLSX, the shape of seed 002's appendix), checked whole")
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/bodies", TaskApi.BodiesAsync)
            .WithName("ListUnitBodies").WithSummary("The unit's registered bodies that tasks name as leads or cooperating bodies");
        plans.MapGet("/province-targets", TaskApi.ProvinceTargetsAsync)
            .WithName("ListProvinceTargets").WithSummary("The targets of the province's issued plans, for a unit plan to take over");
        plans.MapGet("/indicators", IndicatorsApi.UnitAsync)
            .WithName("GetPlanIndicators").WithSummary("Plans.TaskCompletionRate and Plans.ProvinceAssignedTaskCompletionRate of the unit for a period");
    }

    private static void MapProvincePlans(this RouteGroupBuilder plans)
    {
        plans.MapGet("", (string provinceCode, int? year, int? page, int? pageSize, PlanStore store, CancellationToken ct) =>
            store.ListAsync(PlanRoute.Province(provinceCode), year, page, pageSize, ct))
            .WithName("ListProvincePlans").WithSummary("A page of the province's own plans, every version, newest first");
        plans.MapPost("", (string provinceCode, PlanInput input, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.CreateAsync(PlanRoute.Province(provinceCode), input, http.User, ct))
            .WithName("DraftProvincePlan").WithSummary("Drafts a plan of the province, whole");
        plans.MapGet("/{id:guid}", (string provinceCode, Guid id, PlanStore store, CancellationToken ct) =>
            store.GetAsync(PlanRoute.Province(provinceCode), id, ct))
            .WithName("GetProvincePlan").WithSummary("A province plan with its targets and tasks");
        plans.MapPut("/{id:guid}", (string provinceCode, Guid id, PlanInput input, PlanStore store, CancellationToken ct) =>
            store.EditAsync(PlanRoute.Province(provinceCode), id, input, ct))
            .WithName("EditProvincePlan").WithSummary("Replaces a province draft's content whole").ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/issue", (string provinceCode, Guid id, IssueInput input, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.IssueAsync(PlanRoute.Province(provinceCode), id, input, http.User, ct))
            .WithName("IssueProvincePlan").WithSummary("Issues a province draft (the province's reviewer)").ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/revisions", (string provinceCode, Guid id, PlanStore store, HttpContext http, CancellationToken ct) =>
            store.ReviseAsync(PlanRoute.Province(provinceCode), id, http.User, ct))
            .WithName("ReviseProvincePlan").WithSummary("Drafts a revision of an issued province plan").ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/overview", IndicatorsApi.ProvinceOverviewAsync)
            .WithName("GetProvincePlansOverview")
            .WithSummary("Every unit of the province for a year: its plan issued or not, its tasks due, done on time and overdue, ranked");
    }
}
