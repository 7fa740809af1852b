using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Finance.Apis;

/// <summary>
/// A unit's budgets and capital plans as the API reads and writes them: the unit known to the service, the input checked, the
/// aggregate's own methods, one save (its events with it). A refusal of the domain (<see cref="DomainInputException"/>) is
/// answered by <see cref="DomainProblems"/> before anything is saved.
/// </summary>
public sealed class FinanceStore(FinanceDbContext db, IUnitDirectory units, TimeProvider clock)
{
    internal static ProblemHttpResult UnknownUnit(string unitCode) =>
        ApiProblems.NotFound($"Dịch vụ tài chính chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");

    private static ProblemHttpResult NoCapitalPlan(int year) => ApiProblems.NotFound($"Đơn vị chưa có kế hoạch vốn đầu tư công năm {year}.");

    public async Task<Ok<List<BudgetItemResponse>>> ItemsAsync(CancellationToken ct) =>
        TypedResults.Ok((await db.BudgetItems.AsNoTracking().OrderBy(i => i.Ordinal).ToListAsync(ct)).Select(BudgetItemResponse.From).ToList());

    public async Task<Ok<List<FundingSourceResponse>>> SourcesAsync(CancellationToken ct) =>
        TypedResults.Ok((await db.FundingSources.AsNoTracking().OrderBy(s => s.Ordinal).ToListAsync(ct)).Select(FundingSourceResponse.From).ToList());

    public async Task<Results<Ok<BudgetReport>, ValidationProblem, ProblemHttpResult>> BudgetAsync(string unitCode, int year, string? asOf, CancellationToken ct)
    {
        var errors = CheckYear(year);
        var date = AsOf(asOf, errors, new DateOnly(year, 12, 31));
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var budget = await LoadBudget(unitCode, year).AsNoTracking().SingleOrDefaultAsync(ct);
        var items = await db.BudgetItems.AsNoTracking().OrderBy(i => i.Ordinal).ToListAsync(ct);
        return TypedResults.Ok(BudgetReport.From(year, date!.Value, budget, items));
    }

    public async Task<Results<Ok<List<EstimateResponse>>, ValidationProblem, ProblemHttpResult>> EstimatesAsync(string unitCode, int year, CancellationToken ct)
    {
        if (CheckYear(year) is { Any: true } errors)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var budget = await LoadBudget(unitCode, year).AsNoTracking().SingleOrDefaultAsync(ct);
        return TypedResults.Ok(budget?.Estimates.OrderBy(e => e.ItemCode, StringComparer.Ordinal).ThenBy(e => e.Basis).ThenBy(e => e.Revision)
            .Select(EstimateResponse.From).ToList() ?? []);
    }

    public async Task<Results<Created<EstimateResponse>, ValidationProblem, ProblemHttpResult>> SetEstimateAsync(
        string unitCode, int year, EstimateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        await CheckItemAsync(input.ItemCode, errors, ct);
        if (input.Basis is null)
            errors.Add("basis", "Chọn \"province-assigned\" (dự toán tỉnh giao) hoặc \"unit-own\" (dự toán đơn vị phấn đấu).");
        if (input.DecidedOn is null)
            errors.Add("decidedOn", "Không được để trống.");
        var amount = Amount("millions", input.Millions, positive: true, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await OpenBudgetAsync(unitCode, year, ct) is not { } budget)
            return UnknownUnit(unitCode);
        var estimate = budget.SetEstimate(input.ItemCode!, input.Basis!.Value, amount!.Value, input.DecidedOn!.Value, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/finance/budgets/{year}/estimates", EstimateResponse.From(estimate));
    }

    public async Task<Results<Ok<ActualResponse>, ValidationProblem, ProblemHttpResult>> RecordActualAsync(
        string unitCode, int year, ActualInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        await CheckItemAsync(input.ItemCode, errors, ct);
        if (input.AsOf is null)
            errors.Add("asOf", "Không được để trống.");
        var amount = Amount("millions", input.Millions, positive: false, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await OpenBudgetAsync(unitCode, year, ct) is not { } budget)
            return UnknownUnit(unitCode);
        var actual = budget.RecordActual(input.ItemCode!, input.AsOf!.Value, amount!.Value, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActualResponse.From(actual));
    }

    public async Task<Results<Ok<AmountResponse>, ValidationProblem, ProblemHttpResult>> SetParFundingAsync(
        string unitCode, int year, ParFundingInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        var amount = Amount("millions", input.Millions, positive: false, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await OpenBudgetAsync(unitCode, year, ct) is not { } budget)
            return UnknownUnit(unitCode);
        budget.SetParFunding(amount!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AmountResponse.From(amount.Value));
    }

    public async Task<Results<Ok<ViolationCount>, ValidationProblem, ProblemHttpResult>> RecordViolationsAsync(
        string unitCode, int year, ViolationsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        if (input.Count is not (>= 0 and <= 10_000))
            errors.Add("count", "Số sai phạm từ 0 đến 10.000.");
        if (input.AsOf is null)
            errors.Add("asOf", "Không được để trống.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await OpenBudgetAsync(unitCode, year, ct) is not { } budget)
            return UnknownUnit(unitCode);
        budget.RecordAdminFundViolations(input.Count!.Value, input.AsOf!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ViolationCount(BudgetReport.AdminBudgetViolations, input.Count.Value, input.AsOf.Value));
    }

    public async Task<Results<Ok<CapitalPlanReport>, ValidationProblem, ProblemHttpResult>> CapitalPlanAsync(
        string unitCode, int year, string? asOf, CancellationToken ct)
    {
        var errors = CheckYear(year);
        var date = AsOf(asOf, errors, CapitalPlan.LastDisbursementDay(year));
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var plan = await LoadPlan(unitCode, year).AsNoTracking().SingleOrDefaultAsync(ct);
        if (plan is null)
            return NoCapitalPlan(year);
        return TypedResults.Ok(CapitalPlanReport.From(plan, date!.Value, await db.FundingSources.AsNoTracking().ToListAsync(ct)));
    }

    public async Task<Results<Ok<CapitalPlanReport>, ValidationProblem, ProblemHttpResult>> SetCapitalPlanAsync(
        string unitCode, int year, CapitalPlanInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        var sources = await db.FundingSources.AsNoTracking().ToListAsync(ct);
        var allocations = new List<AllocationContent>();
        if (input.Allocations is null || input.Allocations.Count == 0)
            errors.Add("allocations", "Kế hoạch vốn cần ít nhất một dòng (nguồn vốn, dự án, số tiền).");
        else if (input.Allocations.Count > 1_000)
            errors.Add("allocations", "Tối đa 1.000 dòng.");
        else
        {
            for (var i = 0; i < input.Allocations.Count; i++)
            {
                var line = input.Allocations[i];
                var field = $"allocations[{i}]";
                if (line is null)
                {
                    errors.Add(field, "Không được để trống.");
                    continue;
                }
                var sourceOk = CheckSource($"{field}.sourceCode", line.SourceCode, sources, errors);
                var projectOk = CheckProject($"{field}.project", line.Project, errors);
                if (Amount($"{field}.millions", line.Millions, positive: true, errors) is { } amount && sourceOk && projectOk)
                    allocations.Add(new AllocationContent(line.SourceCode!, Trimmed(line.Project), amount));
            }
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var plan = await LoadPlan(unitCode, year).SingleOrDefaultAsync(ct);
        if (plan is null)
            db.CapitalPlans.Add(plan = CapitalPlan.Open(unitCode, province, year));
        plan.Set(allocations, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CapitalPlanReport.From(plan, CapitalPlan.LastDisbursementDay(year), sources));
    }

    public async Task<Results<Created<DisbursementResponse>, ValidationProblem, ProblemHttpResult>> DisburseAsync(
        string unitCode, int year, DisbursementInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        if (input.Date is null)
            errors.Add("date", "Không được để trống.");
        CheckSource("sourceCode", input.SourceCode, await db.FundingSources.AsNoTracking().ToListAsync(ct), errors);
        CheckProject("project", input.Project, errors);
        var amount = Amount("millions", input.Millions, positive: true, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var plan = await LoadPlan(unitCode, year).SingleOrDefaultAsync(ct);
        if (plan is null)
            return NoCapitalPlan(year);
        var disbursement = plan.Disburse(input.Date!.Value, input.SourceCode!, Trimmed(input.Project), amount!.Value, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/finance/capital-plans/{year}", DisbursementResponse.From(disbursement));
    }

    public async Task<Results<Ok<AutonomyReport>, ValidationProblem, ProblemHttpResult>> AutonomyAsync(string unitCode, string? asOf, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = AsOf(asOf, errors, DateOnly.MaxValue);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        return TypedResults.Ok(AutonomyReport.From(date!.Value, await db.Autonomy.AsNoTracking().Where(a => a.UnitCode == unitCode).ToListAsync(ct)));
    }

    public async Task<Results<Ok<ServiceUnitAutonomyResponse>, ValidationProblem, ProblemHttpResult>> ApproveAutonomyAsync(
        string unitCode, string code, AutonomyInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        CheckCode("code", code, "Mã đơn vị sự nghiệp", errors);
        errors.RequireText("name", input.Name, 300);
        var group = EnumNames.Parse<AutonomyGroup>(input.Group);
        if (group is null)
            errors.Add("group", $"Chọn một trong: {string.Join(", ", EnumNames.All<AutonomyGroup>())}.");
        if (input.ApprovedOn is null)
            errors.Add("approvedOn", "Không được để trống.");
        if (input.Decision is { } decision && (decision.Trim().Length == 0 || decision.Trim().Length > 50))
            errors.Add("decision", "Số quyết định từ 1 đến 50 ký tự (ví dụ \"15/QĐ-UBND\"); bỏ trống (null) khi không có.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var autonomy = await db.Autonomy.SingleOrDefaultAsync(a => a.UnitCode == unitCode && a.Code == code, ct);
        if (autonomy is null)
            db.Autonomy.Add(autonomy = ServiceUnitAutonomy.Of(unitCode, province, code));
        autonomy.Approve(input.Name!.Trim(), group!.Value, input.ApprovedOn!.Value, Trimmed(input.Decision), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ServiceUnitAutonomyResponse.From(autonomy));
    }

    public async Task<Results<Ok<AuditReport>, ValidationProblem, ProblemHttpResult>> AuditAsync(string unitCode, string? asOf, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = AsOf(asOf, errors, DateOnly.MaxValue);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var recommendations = await db.AuditRecommendations.AsNoTracking().Include(r => r.Remittances).AsSplitQuery()
            .Where(r => r.UnitCode == unitCode).ToListAsync(ct);
        return TypedResults.Ok(AuditReport.From(date!.Value, recommendations));
    }

    public async Task<Results<Created<AuditRecommendationResponse>, ValidationProblem, ProblemHttpResult>> RecordRecommendationAsync(
        string unitCode, AuditRecommendationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        errors.RequireText("reference", input.Reference, 500);
        if (input.IssuedOn is null)
            errors.Add("issuedOn", "Không được để trống.");
        var amount = Amount("millions", input.Millions, positive: true, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var recommendation = AuditRecommendation.Record(unitCode, province, input.Reference!.Trim(), input.IssuedOn!.Value, amount!.Value,
            Caller.Of(user).UserId, clock.GetUtcNow());
        db.AuditRecommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/finance/audit-recommendations",
            AuditRecommendationResponse.From(recommendation, DateOnly.MaxValue));
    }

    public async Task<Results<Created<RemittanceResponse>, ValidationProblem, ProblemHttpResult>> RemitAsync(
        string unitCode, Guid id, RemittanceInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.Date is null)
            errors.Add("date", "Không được để trống.");
        var amount = Amount("millions", input.Millions, positive: true, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var recommendation = await db.AuditRecommendations.Include(r => r.Remittances).SingleOrDefaultAsync(r => r.UnitCode == unitCode && r.Id == id, ct);
        if (recommendation is null)
            return ApiProblems.NotFound($"Không có kiến nghị {id}.");
        var remittance = recommendation.Remit(input.Date!.Value, amount!.Value, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/finance/audit-recommendations", RemittanceResponse.From(remittance));
    }

    private IQueryable<Budget> LoadBudget(string unitCode, int year) =>
        db.Budgets.Include(b => b.Estimates).Include(b => b.Actuals).AsSplitQuery().Where(b => b.UnitCode == unitCode && b.Year == year);

    private IQueryable<CapitalPlan> LoadPlan(string unitCode, int year) =>
        db.CapitalPlans.Include(p => p.Allocations).Include(p => p.Disbursements).AsSplitQuery().Where(p => p.UnitCode == unitCode && p.Year == year);

    /// <summary>The unit's budget of the year, tracked, opened (added) when it has none yet; null for a unit the service does not know.</summary>
    private async Task<Budget?> OpenBudgetAsync(string unitCode, int year, CancellationToken ct)
    {
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return null;
        var budget = await LoadBudget(unitCode, year).SingleOrDefaultAsync(ct);
        if (budget is null)
            db.Budgets.Add(budget = Budget.Open(unitCode, province, year));
        return budget;
    }

    private static FieldErrors CheckYear(int year)
    {
        var errors = new FieldErrors();
        if (year is < 2000 or > 2100)
            errors.Add("year", "Năm từ 2000 đến 2100.");
        return errors;
    }

    /// <summary>The as-of date asked for, or today (Vietnam) but no later than <paramref name="latest"/>.</summary>
    private DateOnly? AsOf(string? asOf, FieldErrors errors, DateOnly latest) => AsOf(clock, asOf, errors, latest);

    internal static DateOnly? AsOf(TimeProvider clock, string? asOf, FieldErrors errors, DateOnly latest)
    {
        if (asOf is not null)
            return DateQuery.ParseDate("asOf", asOf, errors);
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        return today < latest ? today : latest;
    }

    /// <summary>A code in a path: 1 to 50 characters a-z, 0-9 and dashes.</summary>
    internal static void CheckCode(string field, string code, string what, FieldErrors errors)
    {
        if (code.Length > 50 || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            errors.Add(field, $"{what}: tối đa 50 ký tự a-z, 0-9 và dấu gạch ngang.");
    }

    private async Task CheckItemAsync(string? itemCode, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(itemCode))
            errors.Add("itemCode", "Không được để trống.");
        else if (!await db.BudgetItems.AnyAsync(i => i.Code == itemCode, ct))
            errors.Add("itemCode", $"Không có khoản thu, chi \"{itemCode}\" trong danh mục (GET …/finance/budget-items).");
    }

    private static bool CheckSource(string field, string? sourceCode, IReadOnlyList<FundingSource> sources, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(sourceCode))
            errors.Add(field, "Không được để trống.");
        else if (!sources.Any(s => s.Code == sourceCode))
            errors.Add(field, $"Không có nguồn vốn \"{sourceCode}\"; có: {string.Join(", ", sources.OrderBy(s => s.Ordinal).Select(s => s.Code))}.");
        else
            return true;
        return false;
    }

    private static bool CheckProject(string field, string? project, FieldErrors errors)
    {
        if (project is not null && (project.Trim().Length == 0 || project.Trim().Length > 500))
        {
            errors.Add(field, "Tên dự án từ 1 đến 500 ký tự; bỏ trống (null) khi không theo dự án.");
            return false;
        }
        return true;
    }

    private static string? Trimmed(string? text) => text?.Trim();

    private static Money? Amount(string field, decimal? millions, bool positive, FieldErrors errors)
    {
        try
        {
            return Millions.Parse(field, millions, positive);
        }
        catch (DomainInputException e)
        {
            errors.Add(e.Field, e.Message);
            return null;
        }
    }
}
