using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Audit;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Apis;

/// <summary>A year of the calendar as written: the weekdays off and the weekend days worked instead (yyyy-MM-dd).</summary>
public sealed record CalendarYearInput(IReadOnlyList<string>? DaysOff, IReadOnlyList<string>? MakeUpWorkingDays);

public sealed record CalendarYearResponse(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkingDays, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static CalendarYearResponse From(CalendarYearEntry y) =>
        new(y.Year, [.. y.DaysOff.Order()], [.. y.MakeUpWorkingDays.Order()], y.UpdatedAt, y.UpdatedBy);
}

/// <summary>
/// The working calendar's years (public holidays, make-up working days), kept by the platform
/// administrator: /api/v1/admin/calendar/years. A past year cannot be changed once configured (the due
/// dates of its dossiers were computed with it); a past year never configured can be added, for
/// importing the dossiers of that year. Each change is recorded in the audit log (<see cref="AuditTrail"/>) by its save.
/// </summary>
public static class CalendarApi
{
    /// <summary>/api/v1/admin/calendar/years (<see cref="DossiersApi.MapDossiersApi"/>).</summary>
    public static void MapCalendarYears(this RouteGroupBuilder years)
    {
        years.MapGet("", ListAsync).WithName("ListCalendarYears").WithSummary("The configured years of the working calendar");
        years.MapGet("/{year:int}", GetAsync).WithName("GetCalendarYear").WithSummary("A year of the working calendar");
        years.MapPut("/{year:int}", PutAsync).WithName("PutCalendarYear")
            .WithSummary("Sets a year's days off and make-up working days (a past year only if it was never configured)")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IEnumerable<CalendarYearResponse>>> ListAsync(DossiersDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct)).Select(CalendarYearResponse.From));

    private static async Task<Results<Ok<CalendarYearResponse>, ProblemHttpResult>> GetAsync(int year, DossiersDbContext db, CancellationToken ct) =>
        await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct) is { } found
            ? TypedResults.Ok(CalendarYearResponse.From(found))
            : ApiProblems.NotFound($"Lịch làm việc năm {year} chưa được cấu hình.");

    private static async Task<Results<Created<CalendarYearResponse>, Ok<CalendarYearResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        int year, CalendarYearInput input, ClaimsPrincipal user, DossiersDbContext db, WorkingCalendarStore calendars, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is < 2000 or > 2100)
            errors.Add("year", "Năm từ 2000 đến 2100.");
        var daysOff = Dates("daysOff", input.DaysOff, errors);
        var makeUp = Dates("makeUpWorkingDays", input.MakeUpWorkingDays, errors);
        if (!errors.Any)
        {
            // Each problem under the field it is about: a make-up day that is a weekday is not a days-off error.
            var ofMakeUpDays = new CalendarYear(year, new HashSet<DateOnly>(), makeUp.ToHashSet()).Validate().ToHashSet();
            foreach (var problem in new CalendarYear(year, daysOff.ToHashSet(), makeUp.ToHashSet()).Validate())
                errors.Add(ofMakeUpDays.Contains(problem) ? "makeUpWorkingDays" : "daysOff", problem);
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var now = clock.GetUtcNow();
        var entry = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (entry is not null && year < WorkingCalendar.VietnamDate(now).Year)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Không sửa được năm đã qua.",
                detail: $"Hạn giải quyết của các hồ sơ năm {year} đã tính theo lịch này.");
        }
        var created = entry is null;
        var before = entry is null ? null : Audited(entry);
        if (entry is null)
        {
            entry = new CalendarYearEntry { Year = year, UpdatedBy = "" };
            db.CalendarYears.Add(entry);
        }
        entry.DaysOff = [.. daysOff.Distinct().Order()];
        entry.MakeUpWorkingDays = [.. makeUp.Distinct().Order()];
        entry.UpdatedAt = now;
        entry.UpdatedBy = Caller.Of(user).UserId;
        audit.Record(user, created ? "calendar-year.created" : "calendar-year.updated", year.ToString(CultureInfo.InvariantCulture), before, Audited(entry));
        var response = CalendarYearResponse.From(entry);
        if (!created)
        {
            await db.SaveChangesAsync(ct);
            calendars.Forget();
            return TypedResults.Ok(response);
        }
        var saved = await db.TrySaveNewAsync(ct);
        calendars.Forget();
        return saved
            ? TypedResults.Created($"/api/v1/admin/calendar/years/{year}", response)
            : ApiProblems.Conflict($"Lịch năm {year} vừa được tạo; gửi lại để sửa.");
    }

    /// <summary>What the audit log shows of a year.</summary>
    private static object Audited(CalendarYearEntry year) => new { DaysOff = year.DaysOff.ToArray(), MakeUpWorkingDays = year.MakeUpWorkingDays.ToArray() };

    /// <summary>More days than any year has holidays (Vietnam has about twenty, with the days off around them).</summary>
    public const int MaxDaysPerList = 60;

    private static List<DateOnly> Dates(string field, IReadOnlyList<string>? values, FieldErrors errors)
    {
        var dates = new List<DateOnly>();
        if (values?.Count > MaxDaysPerList)
        {
            errors.Add(field, $"Tối đa {MaxDaysPerList} ngày.");
            return dates;
        }
        foreach (var value in values ?? [])
        {
            if (DateQuery.ParseDate(field, value, errors) is { } date)
                dates.Add(date);
        }
        return dates;
    }
}
