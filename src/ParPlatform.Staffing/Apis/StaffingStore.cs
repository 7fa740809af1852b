using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Contracts.Staffing;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Staffing.Data;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Apis;

/// <summary>
/// A unit's quotas and headcounts as the API reads and writes them: the unit known to the service, the input checked, the
/// aggregate's own methods, one save (its events with it). A refusal of the domain (<see cref="DomainInputException"/>)
/// is answered by <see cref="DomainProblems"/> before anything is saved.
/// </summary>
public sealed class StaffingStore(StaffingDbContext db, IUnitDirectory units, TimeProvider clock)
{
    public static ProblemHttpResult UnknownUnit(string unitCode) =>
        ApiProblems.NotFound($"Dịch vụ biên chế chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");

    public async Task<Results<Ok<List<QuotaResponse>>, ValidationProblem, ProblemHttpResult>> QuotasAsync(string unitCode, int year, CancellationToken ct)
    {
        if (CheckYear(year) is { Any: true } errors)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.UnitCode == unitCode && q.Year == year).ToListAsync(ct);
        return TypedResults.Ok(quotas.OrderBy(q => q.AgencyCode is not null).ThenBy(q => q.AgencyCode, StringComparer.Ordinal).Select(QuotaResponse.From).ToList());
    }

    public async Task<Results<Ok<QuotaResponse>, ValidationProblem, ProblemHttpResult>> SetQuotaAsync(
        string unitCode, int year, QuotaInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckYear(year);
        CheckAgency("agencyCode", input.AgencyCode, errors);
        Require("civilServants", input.CivilServants, errors);
        Require("budgetPaidPublicEmployees", input.BudgetPaidPublicEmployees, errors);
        Require("selfPaidPublicEmployees", input.SelfPaidPublicEmployees, errors);
        if (input.Provisional is null)
            errors.Add("provisional", "Ghi true khi biên chế được tạm giao, false khi được giao chính thức.");
        if (input.DecidedOn is null)
            errors.Add("decidedOn", "Không được để trống.");
        CheckDecision("decision", input.Decision, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var (quota, inPost) = await OpenQuotaAsync(unitCode, province, year, input.AgencyCode, ct);
        quota.Set(input.CivilServants!.Value, input.BudgetPaidPublicEmployees!.Value, input.SelfPaidPublicEmployees!.Value, input.Provisional!.Value,
            input.Decision?.Trim(), input.DecidedOn!.Value, inPost, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(QuotaResponse.From(quota));
    }

    public async Task<Results<Ok<HeadcountRecordedResponse>, ValidationProblem, ProblemHttpResult>> RecordHeadcountAsync(
        string unitCode, HeadcountInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.AsOf is null)
            errors.Add("asOf", "Không được để trống.");
        else if (CheckYear(input.AsOf.Value.Year).Any)
            errors.Add("asOf", "Ngày trong các năm 2000 đến 2100.");
        CheckAgency("agencyCode", input.AgencyCode, errors);
        Require("civilServants", input.CivilServants, errors);
        Require("publicEmployees", input.PublicEmployees, errors);
        var roles = Roles(input.OneStop, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var (headcount, quota) = await OpenHeadcountAsync(unitCode, province, input.AsOf!.Value, input.AgencyCode, ct);
        headcount.Record(input.CivilServants!.Value, input.PublicEmployees!.Value, input.BudgetPaidPublicEmployees, input.SelfPaidPublicEmployees,
            input.CivilServantsWithDegree, input.PublicEmployeesWithDegree, roles, quota, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var lines = QuotaComparison.Lines(quota, headcount);
        return TypedResults.Ok(new HeadcountRecordedResponse(HeadcountResponse.From(headcount), QuotaResponse.Maybe(quota), lines, lines.Any(l => l.OverQuota)));
    }

    /// <summary>The quota of the year and scope, tracked (added when new), and the latest headcount of its scope in the year.</summary>
    internal async Task<(StaffingQuota Quota, Headcount? InPost)> OpenQuotaAsync(string unitCode, string province, int year, string? agency, CancellationToken ct)
    {
        var quota = db.Quotas.Local.SingleOrDefault(q => q.UnitCode == unitCode && q.Year == year && q.AgencyCode == agency)
            ?? await db.Quotas.SingleOrDefaultAsync(q => q.UnitCode == unitCode && q.Year == year && q.AgencyCode == agency, ct);
        if (quota is null)
            db.Quotas.Add(quota = StaffingQuota.For(unitCode, province, year, agency));
        var inPost = await db.Headcounts.AsNoTracking()
            .Where(h => h.UnitCode == unitCode && h.AgencyCode == agency && h.AsOf.Year == year).OrderByDescending(h => h.AsOf).FirstOrDefaultAsync(ct);
        return (quota, inPost);
    }

    /// <summary>The headcount of the date and scope, tracked (added when new), and the quota of its year and scope.</summary>
    internal async Task<(Headcount Headcount, StaffingQuota? Quota)> OpenHeadcountAsync(
        string unitCode, string province, DateOnly asOf, string? agency, CancellationToken ct)
    {
        var headcount = db.Headcounts.Local.SingleOrDefault(h => h.UnitCode == unitCode && h.AgencyCode == agency && h.AsOf == asOf)
            ?? await db.Headcounts.SingleOrDefaultAsync(h => h.UnitCode == unitCode && h.AgencyCode == agency && h.AsOf == asOf, ct);
        if (headcount is null)
            db.Headcounts.Add(headcount = Headcount.On(unitCode, province, asOf, agency));
        var quota = db.Quotas.Local.SingleOrDefault(q => q.UnitCode == unitCode && q.Year == asOf.Year && q.AgencyCode == agency)
            ?? await db.Quotas.SingleOrDefaultAsync(q => q.UnitCode == unitCode && q.Year == asOf.Year && q.AgencyCode == agency, ct);
        return (headcount, quota);
    }

    public async Task<Results<Ok<StaffingReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string unitCode, int year, string? asOf, int? baselineYear, CancellationToken ct)
    {
        var errors = CheckYear(year);
        var date = AsOf(asOf, errors, year);
        var baseline = baselineYear ?? BudgetPaidChange.DefaultBaselineYear(year);
        if (!errors.Any && (baseline < 2000 || baseline >= year))
            errors.Add("baselineYear", $"Năm gốc từ 2000 đến {year - 1}.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var quotas = await db.Quotas.AsNoTracking().Where(q => q.UnitCode == unitCode && (q.Year == year || q.Year == baseline)).ToListAsync(ct);
        var headcounts = await db.Headcounts.AsNoTracking().Where(h => h.UnitCode == unitCode && h.AsOf <= date!.Value).ToListAsync(ct);
        return TypedResults.Ok(Report(year, date!.Value, baseline, quotas, headcounts));
    }

    /// <summary>The report of one unit from its quotas (of the year and the baseline year) and its headcounts up to the date.</summary>
    public static StaffingReport Report(int year, DateOnly asOf, int baselineYear, IReadOnlyCollection<StaffingQuota> quotas, IReadOnlyCollection<Headcount> headcounts)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentNullException.ThrowIfNull(headcounts);
        StaffingQuota? QuotaOf(int y, string? agency) => quotas.SingleOrDefault(q => q.Year == y && q.AgencyCode == agency);
        Headcount? Latest(string? agency, DateOnly by) => headcounts.Where(h => h.AgencyCode == agency && h.AsOf <= by).MaxBy(h => h.AsOf);
        var inPost = Latest(null, asOf);
        var baselineInPost = headcounts.Where(h => h.AgencyCode is null && h.AsOf.Year == baselineYear && h.AsOf <= asOf).MaxBy(h => h.AsOf);
        var agencies = quotas.Where(q => q.Year == year).Select(q => q.AgencyCode).Concat(headcounts.Where(h => h.AsOf <= asOf).Select(h => h.AgencyCode))
            .OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select(agency => ScopeStaffing.Of(agency, QuotaOf(year, agency), Latest(agency, asOf)))
            .ToList();
        var unit = ScopeStaffing.Of(null, QuotaOf(year, null), inPost);
        var change = BudgetPaidChange.Of(baselineYear, QuotaOf(baselineYear, null), QuotaOf(year, null), baselineInPost, inPost);
        return new StaffingReport(year, asOf, unit, change, agencies, StaffingIndicators.Of(unit.Lines, unit.Degrees, change.Quota, change.Headcount));
    }

    public async Task<Results<Ok<MovementsReport>, ValidationProblem, ProblemHttpResult>> MovementsAsync(string unitCode, string period, CancellationToken ct)
    {
        if (CheckPeriod(period, out var p) is { Any: true } errors)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        var movements = await db.Movements.AsNoTracking().Include(m => m.Discipline)
            .SingleOrDefaultAsync(m => m.UnitCode == unitCode && m.Year == p.Year && m.Kind == p.Kind, ct);
        return movements is null
            ? ApiProblems.NotFound($"Đơn vị chưa ghi biến động biên chế {p.Name.ToLowerInvariant()}.")
            : TypedResults.Ok(MovementsReport.From(movements));
    }

    public async Task<Results<Ok<MovementsReport>, ValidationProblem, ProblemHttpResult>> RecordMovementsAsync(
        string unitCode, string period, MovementsInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckPeriod(period, out var p);
        var discipline = input.Discipline is null ? null : new List<DisciplineCount>();
        for (var i = 0; i < (input.Discipline?.Count ?? 0); i++)
        {
            var line = input.Discipline![i];
            var level = EnumNames.Parse<DisciplineLevel>(line?.Level);
            if (level is null)
                errors.Add($"discipline[{i}].level", $"Chọn một trong: {string.Join(", ", EnumNames.All<DisciplineLevel>())}.");
            Require($"discipline[{i}].staff", line?.Staff, errors);
            Require($"discipline[{i}].leaders", line?.Leaders, errors);
            if (level is { } l && line is { Staff: { } staff, Leaders: { } leaders })
                discipline!.Add(new DisciplineCount(l, staff, leaders));
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var movements = await db.Movements.Include(m => m.Discipline).SingleOrDefaultAsync(m => m.UnitCode == unitCode && m.Year == p.Year && m.Kind == p.Kind, ct);
        if (movements is null)
            db.Movements.Add(movements = PeriodMovements.Of(unitCode, province, p));
        movements.Record(new MovementCounts(input.RecruitedCivilServants, input.RecruitedPublicEmployees, input.TransferredToCivilService, input.TransferredOut,
            input.Retired, input.Resigned, input.PromotionRegistrations, input.TrainingPlanned, input.TrainingCompleted), discipline, Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MovementsReport.From(movements));
    }

    public async Task<Results<Ok<JobPositionSchemesReport>, ProblemHttpResult>> JobPositionSchemesAsync(string unitCode, CancellationToken ct)
    {
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return UnknownUnit(unitCode);
        return TypedResults.Ok(JobPositionSchemesReport.From(await db.JobPositionSchemes.AsNoTracking().Where(s => s.UnitCode == unitCode).ToListAsync(ct)));
    }

    public async Task<Results<Ok<JobPositionSchemeResponse>, ValidationProblem, ProblemHttpResult>> RecordJobPositionSchemeAsync(
        string unitCode, string agencyCode, JobPositionSchemeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        CheckAgency("agencyCode", agencyCode, errors);
        if (input.Reviewed is null)
            errors.Add("reviewed", "Ghi true khi đề án đã được rà soát, false khi chưa.");
        if (input.Approved is null)
            errors.Add("approved", "Ghi true khi đề án đã được phê duyệt, false khi chưa.");
        CheckDecision("decision", input.Decision, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return UnknownUnit(unitCode);
        var scheme = await db.JobPositionSchemes.SingleOrDefaultAsync(s => s.UnitCode == unitCode && s.AgencyCode == agencyCode, ct);
        if (scheme is null)
            db.JobPositionSchemes.Add(scheme = JobPositionScheme.Of(unitCode, province, agencyCode));
        scheme.Record(input.Reviewed!.Value, input.Approved!.Value, input.ApprovedOn, input.Decision?.Trim(), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(JobPositionSchemeResponse.From(scheme));
    }

    private static FieldErrors CheckPeriod(string period, out ReportPeriod parsed)
    {
        var errors = new FieldErrors();
        if (!ReportPeriod.TryParse(period, out parsed) || parsed.Year is < 2000 or > 2100)
            errors.Add("period", ReportPeriod.FormatError);
        else if (!ReportPeriodKinds.Statutory.Contains(parsed.Kind))
            errors.Add("period", "Biến động biên chế được nhập theo kỳ quý I, 6 tháng đầu năm, quý III hoặc năm (2026-Q1, 2026-6M, 2026-Q3, 2026-Y).");
        return errors;
    }

    public static FieldErrors CheckYear(int year)
    {
        var errors = new FieldErrors();
        if (year is < 2000 or > 2100)
            errors.Add("year", "Năm từ 2000 đến 2100.");
        return errors;
    }

    /// <summary>The as-of date asked for, or today (Vietnam) but no later than 31/12 of the year.</summary>
    private DateOnly? AsOf(string? asOf, FieldErrors errors, int year)
    {
        if (asOf is not null)
            return DateQuery.ParseDate("asOf", asOf, errors);
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var last = new DateOnly(Math.Clamp(year, 2000, 2100), 12, 31);
        return today < last ? today : last;
    }

    /// <summary>An agency's code as the registry writes it ("hanh-chinh-cong"); null for the whole unit.</summary>
    public static void CheckAgency(string field, string? agencyCode, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (agencyCode is not null && (agencyCode.Length is 0 or > 50 || !agencyCode.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
            errors.Add(field, "Mã cơ quan theo danh mục: tối đa 50 ký tự a-z, 0-9 và dấu gạch ngang (ví dụ \"hanh-chinh-cong\"); bỏ trống (null) cho cả đơn vị.");
    }

    private static void Require(string field, int? value, FieldErrors errors)
    {
        if (value is null)
            errors.Add(field, "Không được để trống.");
    }

    private static void CheckDecision(string field, string? decision, FieldErrors errors)
    {
        if (decision is not null && (decision.Trim().Length == 0 || decision.Trim().Length > 50))
            errors.Add(field, "Số quyết định từ 1 đến 50 ký tự (ví dụ \"1234/QĐ-UBND\"); bỏ trống (null) khi không có.");
    }

    private static OneStopRoles? Roles(OneStopInput? input, FieldErrors errors)
    {
        if (input is null)
            return null;
        Require("oneStop.directors", input.Directors, errors);
        Require("oneStop.procedureControlOfficers", input.ProcedureControlOfficers, errors);
        Require("oneStop.receivingOfficers", input.ReceivingOfficers, errors);
        return input is { Directors: { } d, ProcedureControlOfficers: { } c, ReceivingOfficers: { } r } ? new OneStopRoles(d, c, r) : null;
    }
}
