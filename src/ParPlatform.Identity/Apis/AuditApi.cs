using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Identity.Apis;

/// <summary>An administrative change: who (the actor's id, user name and role), when, in which service, what, and the changed fields before → after.</summary>
public sealed record AuditEntryResponse(
    Guid Id, DateTimeOffset OccurredAt, string Service, string Action, string EntityKey, string? UnitCode, string? ProvinceCode,
    string ActorId, string ActorName, string ActorRole, JsonElement? Before, JsonElement? After)
{
    public static AuditEntryResponse From(AuditEntry e) => new(
        e.Id, e.OccurredAt, e.Service, e.Action, e.EntityKey, e.UnitCode, e.ProvinceCode, e.ActorId, e.ActorName, e.ActorRole, Json(e.Before), Json(e.After));

    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}

/// <summary>
/// The audit log of every service's administrative changes, for platform administrators and operators (the admin
/// access rule): newest first, a page at a time, filtered by Vietnam days (from=, to=, both included), service=,
/// action= (one action, e.g. user.disabled, or every action on an entity, e.g. user), actor= (user name or id),
/// unitCode= and provinceCode=. A change shows here once the identity service received its event, usually within a second.
/// </summary>
public static class AuditApi
{
    /// <summary>/api/v1/admin/audit (<see cref="IdentityApi.MapIdentityApi"/>).</summary>
    public static void MapAuditLog(this RouteGroupBuilder audit) =>
        audit.MapGet("", ListAsync).WithName("ListAuditEntries")
            .WithSummary("A page of the audit log, newest first, by dates, service, action, actor, unit or province");

    private static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        IdentityDbContext db, string? from, string? to, string? service, string? action, string? actor, string? unitCode, string? provinceCode,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = Day("from", from, errors);
        var last = Day("to", to, errors);
        if (first > last)
            errors.Add("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);

        var entries = db.AuditEntries.AsNoTracking();
        if (first is { } firstDay)
        {
            var since = StartOf(firstDay);
            entries = entries.Where(e => e.OccurredAt >= since);
        }
        if (last is { } lastDay)
        {
            var until = StartOf(lastDay.AddDays(1));
            entries = entries.Where(e => e.OccurredAt < until);
        }
        if (service is not null)
            entries = entries.Where(e => e.Service == service);
        if (action is not null)
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(action + "."));
        if (actor is not null)
            entries = entries.Where(e => e.ActorName == actor || e.ActorId == actor);
        if (unitCode is not null)
            entries = entries.Where(e => e.UnitCode == unitCode);
        if (provinceCode is not null)
            entries = entries.Where(e => e.ProvinceCode == provinceCode);
        var found = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<AuditEntryResponse>([.. found.Items.Select(AuditEntryResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    /// <summary>An optional day of the query (yyyy-MM-dd, 2000 to 2100).</summary>
    private static DateOnly? Day(string field, string? value, FieldErrors errors)
    {
        if (value is null)
            return null;
        var day = DateQuery.ParseDate(field, value, errors);
        if (day is { Year: < 2000 or > 2100 })
        {
            errors.Add(field, "Năm từ 2000 đến 2100.");
            return null;
        }
        return day;
    }

    private static DateTimeOffset StartOf(DateOnly day) => WorkingCalendar.FromVietnamTime(day.ToDateTime(TimeOnly.MinValue));
}
