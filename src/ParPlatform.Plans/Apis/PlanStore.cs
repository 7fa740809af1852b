using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Plans.Apis;

/// <summary>
/// A unit's or a province's plans as the API reads and writes them: resolved owner, validated input, the plan's own methods,
/// one save (its events with it).
/// </summary>
public sealed class PlanStore(PlansDbContext db, IUnitDirectory units, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>The owner of a route; null (answer 404) for a unit the service has not learnt of.</summary>
    public async Task<PlanOwner?> OwnerAsync(PlanRoute route, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.UnitCode is null)
            return new PlanOwner(null, route.ProvinceCode!);
        return await units.FindProvinceAsync(route.UnitCode, ct) is { } province ? new PlanOwner(route.UnitCode, province) : null;
    }

    public static ProblemHttpResult UnknownUnit(PlanRoute route) =>
        ApiProblems.NotFound($"Dịch vụ kế hoạch chưa nhận được đơn vị {route?.UnitCode} từ danh mục; thử lại sau ít giây.");

    public static ProblemHttpResult PlanNotFound(Guid id) => ApiProblems.NotFound($"Không có kế hoạch {id}.");

    public async Task<Results<Ok<Page<PlanSummary>>, ProblemHttpResult>> ListAsync(PlanRoute route, int? year, int? page, int? pageSize, CancellationToken ct)
    {
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var query = owner.Plans(db).AsNoTracking();
        if (year is { } y)
            query = query.Where(p => p.FromYear <= y && p.ToYear >= y);
        var found = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<PlanSummary>([.. found.Items.Select(PlanSummary.From)], found.PageNumber, found.PageSize, found.Total));
    }

    public async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetAsync(PlanRoute route, Guid id, CancellationToken ct)
    {
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var plan = await Load(owner).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? PlanNotFound(id) : TypedResults.Ok(PlanResponse.From(plan, await BodyNamesAsync(owner, ct)));
    }

    public async Task<Results<Created<PlanResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PlanRoute route, PlanInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var (content, errors) = await ValidateAsync(owner, input, ct);
        if (content is null)
            return ApiProblems.Invalid(errors);
        var level = owner.IsProvince ? PlanIssuerLevel.Province : input.AgencyCode is null ? PlanIssuerLevel.Unit : PlanIssuerLevel.Agency;
        var plan = Plan.Draft(level, owner.UnitCode, owner.ProvinceCode, input.AgencyCode, content, await SourcesAsync(owner, content, ct),
            Caller.Of(user).UserId, clock.GetUtcNow());
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{owner.Path}/{plan.Id}", PlanResponse.From(plan, await BodyNamesAsync(owner, ct)));
    }

    public async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(PlanRoute route, Guid id, PlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var plan = await Load(owner).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return PlanNotFound(id);
        if (input.AgencyCode != plan.AgencyCode)
            return ApiProblems.Invalid(new FieldErrors().Add("agencyCode", "Cơ quan ban hành của kế hoạch không đổi được."));
        var (content, errors) = await ValidateAsync(owner, input, ct);
        if (content is null)
            return ApiProblems.Invalid(errors);
        plan.Edit(content, await SourcesAsync(owner, content, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PlanResponse.From(plan, await BodyNamesAsync(owner, ct)));
    }

    public async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        PlanRoute route, Guid id, IssueInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var caller = Caller.Of(user);
        if (!owner.IsProvince && !caller.Is(PlatformRoles.UnitChairman))
            return ApiProblems.Forbidden("Chỉ Chủ tịch UBND ban hành kế hoạch; cán bộ, công chức soạn dự thảo.");
        var errors = new FieldErrors();
        errors.RequireText("number", input.Number, 20);
        if (input.Number?.Contains('/', StringComparison.Ordinal) == true)
            errors.Add("number", "Chỉ ghi số (ví dụ \"29\"); ký hiệu đã có trong kế hoạch.");
        if (input.IssueDate is null)
            errors.Add("issueDate", "Không được để trống.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var plan = await Load(owner).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return PlanNotFound(id);
        var revised = plan.SupersedesPlanId is { } revisedId ? await owner.Plans(db).SingleAsync(p => p.Id == revisedId, ct) : null;
        plan.Issue(input.Number!.Trim(), input.IssueDate!.Value, revised, caller.UserId, clock.GetUtcNow());
        if (!await db.TrySaveNewAsync(ct))
            return ApiProblems.Conflict($"Đã có kế hoạch số {plan.Reference} ngày {input.IssueDate:dd/MM/yyyy} của cùng cơ quan ban hành.");
        return TypedResults.Ok(PlanResponse.From(plan, await BodyNamesAsync(owner, ct)));
    }

    public async Task<Results<Created<PlanResponse>, ProblemHttpResult>> ReviseAsync(PlanRoute route, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await OwnerAsync(route, ct) is not { } owner)
            return UnknownUnit(route);
        var plan = await Load(owner).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return PlanNotFound(id);
        var revision = plan.Revise(Caller.Of(user).UserId, clock.GetUtcNow());
        db.Plans.Add(revision);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{owner.Path}/{revision.Id}", PlanResponse.From(revision, await BodyNamesAsync(owner, ct)));
    }

    private IQueryable<Plan> Load(PlanOwner owner) => owner.Plans(db).Include(p => p.Targets).Include(p => p.Tasks).AsSplitQuery();

    private async Task<(PlanContent? Content, FieldErrors Errors)> ValidateAsync(PlanOwner owner, PlanInput input, CancellationToken ct)
    {
        var bodies = owner.IsProvince ? null : (await BodyNamesAsync(owner, ct)).Keys.ToHashSet(StringComparer.Ordinal);
        var (content, errors) = input.Validate(bodies);
        if (input.ParentPlanId is { } parent && !await owner.Plans(db).AnyAsync(p => p.Id == parent && p.AgencyCode == null, ct))
        {
            errors.Add("parentPlanId", "Không có kế hoạch này của đơn vị.");
            return (null, errors);
        }
        return (content, errors);
    }

    /// <summary>The owner's registered bodies (a unit's; a province has none here): code → name.</summary>
    public Task<Dictionary<string, string>> BodyNamesAsync(PlanOwner owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.UnitCode is { } unit ? BodyNamesAsync(unit, ct) : Task.FromResult(new Dictionary<string, string>());
    }

    /// <summary>The unit's registered bodies: code → name.</summary>
    public Task<Dictionary<string, string>> BodyNamesAsync(string unitCode, CancellationToken ct) =>
        db.UnitBodies.AsNoTracking().Where(b => b.UnitCode == unitCode).ToDictionaryAsync(b => b.AgencyCode, b => b.Name, ct);

    /// <summary>The targets that <paramref name="content"/>'s targets take over, of the province's issued plans, by id.</summary>
    private async Task<Dictionary<Guid, PlanTarget>> SourcesAsync(PlanOwner owner, PlanContent content, CancellationToken ct)
    {
        var ids = content.Targets.Where(t => t.SourceTargetId is not null).Select(t => t.SourceTargetId!.Value).ToList();
        return ids.Count == 0 ? [] : (await ProvinceTargetsAsync(owner.ProvinceCode, ids, ct)).ToDictionary(t => t.Id);
    }

    /// <summary>
    /// The targets of the province's issued plans (of <paramref name="ids"/> only, when given). A province plan is the
    /// province's row, out of a unit route's tenant scope: it is read in a scope of the province, targets only.
    /// </summary>
    public async Task<List<PlanTarget>> ProvinceTargetsAsync(string provinceCode, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        await using var province = scopes.CreateAsyncScope();
        province.ServiceProvider.GetRequiredService<TenantScope>().SetProvince(provinceCode);
        var provinceDb = province.ServiceProvider.GetRequiredService<PlansDbContext>();
        var issued = provinceDb.Plans.Where(p => p.UnitCode == null && p.ProvinceCode == provinceCode && p.Status == PlanStatus.Issued).Select(p => p.Id);
        var targets = provinceDb.Targets.AsNoTracking().Where(t => issued.Contains(t.PlanId));
        if (ids is not null)
            targets = targets.Where(t => ids.Contains(t.Id));
        return await targets.OrderBy(t => t.PlanId).ThenBy(t => t.Ordinal).ToListAsync(ct);
    }
}
