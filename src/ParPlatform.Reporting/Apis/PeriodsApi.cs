using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Messaging.Audit;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

/// <summary>
/// A reporting period: its code ("2026-Q1", "2026-M03", "2026-DX01"), its kind's code (Q1, 6M, Q3, Y, M, DX), the name the
/// report prints, its data window (both days included) and the day the unit's report is due at the province.
/// </summary>
public sealed record PeriodResponse(string Code, string Kind, string Name, DateOnly From, DateOnly To, DateOnly Due)
{
    public static PeriodResponse Of(ScheduledPeriod period) =>
        new(period.Period.Code, period.Period.Kind.Code(), period.Name, period.Window.From, period.Window.To, period.Due);
}

/// <summary>An ad hoc report the province calls for: the name its reports print after "công tác cải cách hành chính", the data window, the due date.</summary>
public sealed record AdHocPeriodInput(string? Name, DateOnly? From, DateOnly? To, DateOnly? Due);

public sealed record PeriodsResponse(string ProvinceCode, int Year, IReadOnlyList<PeriodResponse> Periods);

public sealed record PeriodSettingsResponse(string ProvinceCode, ReportPeriodSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// The province's reporting periods (DOMAIN.md section 8): GET …/reports/periods?year= lists Q1, six months, Q3 and year, the
/// months when the province collects monthly reports, and the ad hoc reports it called for, with their windows and due dates (a
/// unit reads its province's list on its own route); GET/PUT …/reports/period-settings reads and sets the province's own
/// windows and monthly rule (defaults until set); POST …/reports/ad-hoc-periods calls for an ad hoc report, PUT and DELETE
/// …/ad-hoc-periods/{period} correct it (until a unit has submitted it) or withdraw it (while no unit has a report of it). Each change is
/// recorded in the audit log (<see cref="AuditTrail"/>) by its save.
/// </summary>
public static class PeriodsApi
{
    /// <summary>/api/v1/units/{unitCode}/reports (<see cref="ReportingApi.MapReportingApi"/>): the periods of the unit's province.</summary>
    public static void MapUnitPeriods(this RouteGroupBuilder unit) =>
        unit.MapGet("/periods", UnitListAsync).WithName("ListUnitReportPeriods")
            .WithSummary("The reporting periods of the unit's province in a year (this year by default): statutory, monthly, ad hoc");

    /// <summary>/api/v1/provinces/{provinceCode}/reports (<see cref="ReportingApi.MapReportingApi"/>): periods, period-settings, ad hoc periods.</summary>
    public static void MapPeriods(this RouteGroupBuilder province)
    {
        province.MapGet("/periods", ListAsync).WithName("ListReportPeriods")
            .WithSummary("The province's reporting periods of a year (this year by default): statutory, monthly, ad hoc, with their windows and due dates");
        province.MapPost("/ad-hoc-periods", CallAdHocAsync).WithName("CallAdHocReport")
            .WithSummary("Calls for an ad hoc report (báo cáo đột xuất) from every unit of the province: its name, data window and due date; numbered 2026-DX01, …");
        province.MapPut("/ad-hoc-periods/{period}", CorrectAdHocAsync).WithName("CorrectAdHocReport")
            .WithSummary("Corrects an ad hoc report's name, data window or due date, until a unit has submitted it")
            .ProducesProblem(StatusCodes.Status409Conflict);
        province.MapDelete("/ad-hoc-periods/{period}", WithdrawAdHocAsync).WithName("WithdrawAdHocReport")
            .WithSummary("Withdraws the call for an ad hoc report, while no unit has a report of it")
            .ProducesProblem(StatusCodes.Status409Conflict);
        province.MapGet("/period-settings", async (string provinceCode, ProvincePeriodsStore store, CancellationToken ct) =>
        {
            var (settings, entry) = await store.GetAsync(provinceCode, ct);
            return TypedResults.Ok(new PeriodSettingsResponse(provinceCode, settings, entry is null, entry?.UpdatedAt, entry?.UpdatedBy));
        }).WithName("GetReportPeriodSettings").WithSummary("The province's period windows (the defaults until it sets its own)");
        province.MapPut("/period-settings", PutSettingsAsync).WithName("PutReportPeriodSettings").WithSummary("Sets the province's period windows");
    }

    private static async Task<Results<Ok<PeriodsResponse>, ValidationProblem>> ListAsync(
        string provinceCode, int? year, ProvincePeriodsStore store, TimeProvider clock, CancellationToken ct)
    {
        var listed = year ?? WorkingCalendar.VietnamDate(clock.GetUtcNow()).Year;
        if (listed is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", YearError));
        return TypedResults.Ok(await PeriodsOfAsync(provinceCode, listed, store, ct));
    }

    private static async Task<Results<Ok<PeriodsResponse>, ValidationProblem, ProblemHttpResult>> UnitListAsync(
        string unitCode, int? year, IUnitDirectory units, ProvincePeriodsStore store, TimeProvider clock, CancellationToken ct)
    {
        var listed = year ?? WorkingCalendar.VietnamDate(clock.GetUtcNow()).Year;
        if (listed is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", YearError));
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return ApiProblems.NotFound($"Dịch vụ báo cáo chưa nhận được đơn vị {unitCode} từ danh mục.");
        return TypedResults.Ok(await PeriodsOfAsync(province, listed, store, ct));
    }

    private const string YearError = "Năm từ 2000 đến 2100.";

    private static async Task<PeriodsResponse> PeriodsOfAsync(string provinceCode, int year, ProvincePeriodsStore store, CancellationToken ct)
    {
        var periods = await store.PeriodsAsync(provinceCode, ct);
        return new PeriodsResponse(provinceCode, year, [.. periods.Of(year).Select(PeriodResponse.Of)]);
    }

    private static async Task<Results<Created<PeriodResponse>, ValidationProblem>> CallAdHocAsync(
        string provinceCode, AdHocPeriodInput? input, ClaimsPrincipal user, ProvincePeriodsStore store, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var problems = AdHocPeriod.Problems(input?.Name, input?.From, input?.To, input?.Due, today);
        if (problems.Count > 0)
            return ApiProblems.Invalid(FieldErrors.Of(problems));
        var window = new DateWindow(input!.From!.Value, input.To!.Value);
        var called = await store.CallAsync(provinceCode, input.Name!, window, input.Due!.Value, Caller.Of(user).UserId, clock.GetUtcNow(), ct);
        if (called is null)
            return ApiProblems.Invalid(new FieldErrors().Add("to", $"Năm {window.To.Year} đã có {ReportPeriod.MaxAdHocNumber} báo cáo đột xuất."));
        var response = PeriodResponse.Of(called.Scheduled);
        audit.Record(user, "ad-hoc-period.called", called.Period.Code, null, response, provinceCode: provinceCode);
        return TypedResults.Created($"/api/v1/provinces/{provinceCode}/reports/periods/{called.Period.Code}/submissions", response);
    }

    private static async Task<Results<Ok<PeriodResponse>, ValidationProblem, ProblemHttpResult>> CorrectAdHocAsync(
        string provinceCode, string period, AdHocPeriodInput? input, ClaimsPrincipal user, ProvincePeriodsStore store, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var code))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await store.FindAdHocAsync(provinceCode, code, ct) is not { } adHoc)
            return ApiProblems.NotFound(NotCalled(code));
        var problems = adHoc.CorrectionProblems(input?.Name, input?.From, input?.To, input?.Due, WorkingCalendar.VietnamDate(clock.GetUtcNow()));
        if (problems.Count > 0)
            return ApiProblems.Invalid(FieldErrors.Of(problems));
        var (_, submitted) = await store.ReportsOfAsync(provinceCode, code, ct);
        if (submitted > 0)
            return ApiProblems.Conflict($"{submitted} đơn vị đã gửi báo cáo {adHoc.Name}: không sửa được tên, kỳ số liệu hay hạn gửi nữa.");
        var before = PeriodResponse.Of(adHoc.Scheduled);
        adHoc.Correct(input!.Name!, new DateWindow(input.From!.Value, input.To!.Value), input.Due!.Value);
        var after = PeriodResponse.Of(adHoc.Scheduled);
        audit.Record(user, "ad-hoc-period.corrected", adHoc.Period.Code, before, after, provinceCode: provinceCode);
        await store.SaveAsync(ct);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> WithdrawAdHocAsync(
        string provinceCode, string period, ClaimsPrincipal user, ProvincePeriodsStore store, AuditTrail audit, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var code))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await store.FindAdHocAsync(provinceCode, code, ct) is not { } adHoc)
            return ApiProblems.NotFound(NotCalled(code));
        var (reports, _) = await store.ReportsOfAsync(provinceCode, code, ct);
        if (reports > 0)
            return ApiProblems.Conflict($"{reports} đơn vị đã bắt đầu báo cáo {adHoc.Name}: không rút lại được; sửa tên, kỳ hoặc hạn nếu chưa đơn vị nào gửi.");
        audit.Record(user, "ad-hoc-period.withdrawn", adHoc.Period.Code, PeriodResponse.Of(adHoc.Scheduled), null, provinceCode: provinceCode);
        await store.WithdrawAsync(adHoc, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PeriodSettingsResponse>, ValidationProblem>> PutSettingsAsync(
        string provinceCode, ReportPeriodSettings? settings, ClaimsPrincipal user, ProvincePeriodsStore store, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        if (settings is null)
            return ApiProblems.Invalid(new FieldErrors().Add("settings", "Gửi các kỳ q1, sixMonths, q3 và year."));
        var problems = settings.Validate().ToList();
        if (problems.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var problem in problems)
                errors.Add("settings", problem);
            return ApiProblems.Invalid(errors);
        }
        var (before, _) = await store.GetAsync(provinceCode, ct);
        audit.Record(user, "period-settings.updated", provinceCode, before, settings, provinceCode: provinceCode);
        var entry = await store.SaveAsync(provinceCode, settings, Caller.Of(user).UserId, clock.GetUtcNow(), ct);
        return TypedResults.Ok(new PeriodSettingsResponse(provinceCode, settings, false, entry.UpdatedAt, entry.UpdatedBy));
    }

    /// <summary>
    /// The window of a statistics request: period= (a period the province collects) or from= and
    /// to=, not both; the period's code is null for a from/to window.
    /// </summary>
    public static async Task<(DateWindow? Window, string? Period, FieldErrors Errors)> WindowAsync(
        string? period, string? from, string? to, string provinceCode, ProvincePeriodsStore periods, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (period is null)
        {
            if (from is null && to is null)
                return (null, null, new FieldErrors().Add("period", "Chọn kỳ báo cáo (period=2026-Q1) hoặc khoảng ngày (from=, to=)."));
            var (window, errors) = DateQuery.ParseWindow(from, to);
            return (window, null, errors);
        }
        if (from is not null || to is not null)
            return (null, null, new FieldErrors().Add("period", "Chọn kỳ báo cáo hoặc khoảng ngày, không chọn cả hai."));
        if (!ReportPeriod.TryParse(period, out var parsed))
            return (null, null, new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await periods.FindAsync(provinceCode, parsed, ct) is not { } scheduled)
            return (null, null, new FieldErrors().Add("period", NotCollected(parsed)));
        return (scheduled.Window, parsed.Code, new FieldErrors());
    }

    /// <summary>Why a province has no such period, in Vietnamese.</summary>
    public static string NotCollected(ReportPeriod period) => period.Kind == ReportPeriodKind.AdHoc
        ? NotCalled(period)
        : $"Tỉnh không thu báo cáo tháng (kỳ {period.Code}): đặt quy tắc báo cáo tháng trong cấu hình kỳ báo cáo của tỉnh.";

    /// <summary>Why a province has no such ad hoc report (a code of another kind is none either).</summary>
    private static string NotCalled(ReportPeriod period) => $"Tỉnh chưa yêu cầu báo cáo đột xuất {period.Code}.";
}
