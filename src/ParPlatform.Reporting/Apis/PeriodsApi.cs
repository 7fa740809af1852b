using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParPlatform.Messaging.Audit;
using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

/// <summary>A reporting period of a year: "2026-Q1", its data window (both days included) and the day the unit's report is due at the province.</summary>
public sealed record PeriodResponse(string Code, string Kind, string Name, DateOnly From, DateOnly To, DateOnly Due)
{
    public static PeriodResponse Of(ReportPeriod period, ReportPeriodSettings settings)
    {
        var window = period.Window(settings);
        return new(period.Code, period.Kind.Code(), period.Name, window.From, window.To, period.Due(settings));
    }
}

public sealed record PeriodsResponse(string ProvinceCode, int Year, IReadOnlyList<PeriodResponse> Periods);

public sealed record PeriodSettingsResponse(string ProvinceCode, ReportPeriodSettings Settings, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// The province's statutory reporting periods (DOMAIN.md section 8): GET …/reports/periods?year=
/// lists Q1, six months, Q3 and year with their windows and due dates; GET/PUT
/// …/reports/period-settings reads and sets the province's own windows (defaults until set); each change
/// of them is recorded in the audit log (<see cref="AuditTrail"/>) by its save.
/// </summary>
public static class PeriodsApi
{
    /// <summary>/api/v1/provinces/{provinceCode}/reports (<see cref="ReportingApi.MapReportingApi"/>): periods and period-settings.</summary>
    public static void MapPeriods(this RouteGroupBuilder province)
    {
        province.MapGet("/periods", ListAsync).WithName("ListReportPeriods")
            .WithSummary("The province's reporting periods of a year (this year by default), with their windows and due dates");
        province.MapGet("/period-settings", async (string provinceCode, PeriodSettingsStore store, CancellationToken ct) =>
        {
            var (settings, entry) = await store.GetAsync(provinceCode, ct);
            return TypedResults.Ok(new PeriodSettingsResponse(provinceCode, settings, entry is null, entry?.UpdatedAt, entry?.UpdatedBy));
        }).WithName("GetReportPeriodSettings").WithSummary("The province's period windows (the defaults until it sets its own)");
        province.MapPut("/period-settings", PutSettingsAsync).WithName("PutReportPeriodSettings").WithSummary("Sets the province's period windows");
    }

    private static async Task<Results<Ok<PeriodsResponse>, ValidationProblem>> ListAsync(
        string provinceCode, int? year, PeriodSettingsStore store, TimeProvider clock, CancellationToken ct)
    {
        var listed = year ?? WorkingCalendar.VietnamDate(clock.GetUtcNow()).Year;
        if (listed is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        var (settings, _) = await store.GetAsync(provinceCode, ct);
        return TypedResults.Ok(new PeriodsResponse(provinceCode, listed, [.. ReportPeriod.ListFor(listed).Select(p => PeriodResponse.Of(p, settings))]));
    }

    private static async Task<Results<Ok<PeriodSettingsResponse>, ValidationProblem>> PutSettingsAsync(
        string provinceCode, ReportPeriodSettings? settings, ClaimsPrincipal user, PeriodSettingsStore store, AuditTrail audit, TimeProvider clock,
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
    /// The window of a statistics request: period= (a period of the province's settings) or from= and
    /// to=, not both; the period's code is null for a from/to window.
    /// </summary>
    public static async Task<(DateWindow? Window, string? Period, FieldErrors Errors)> WindowAsync(
        string? period, string? from, string? to, string provinceCode, PeriodSettingsStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
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
        var (settings, _) = await store.GetAsync(provinceCode, ct);
        return (parsed.Window(settings), parsed.Code, new FieldErrors());
    }
}
