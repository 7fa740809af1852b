using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Apis;

/// <summary>New feedback: "portal" or "in-person", what it is about, and the portal's or desk's reference.</summary>
public sealed record FeedbackInput(string? Channel, string? Subject, string? SenderReference);

public sealed record ForwardInput(string? AgencyCode);

public sealed record AnswerInput(string? Answer);

public sealed record FeedbackResponse(
    Guid Id, FeedbackChannel Channel, string Subject, string SenderReference, string Status, DateTimeOffset ReceivedAt,
    DateTimeOffset ForwardDueAt, DateTimeOffset ResolveDueAt, DateTimeOffset? ForwardedAt, string? ForwardedTo, DateTimeOffset? ResolvedAt,
    string? Answer, bool? ResolvedWithinDeadline, DateTimeOffset? PublishDueAt, DateTimeOffset? PublishedAt)
{
    public static FeedbackResponse From(Feedback f) => new(
        f.Id, f.Channel, f.Subject, f.SenderReference, DossierLifecycle.NameOf(f.Status), f.ReceivedAt, f.ForwardDueAt, f.ResolveDueAt,
        f.ForwardedAt, f.ForwardedTo, f.ResolvedAt, f.Answer, f.ResolvedWithinDeadline, f.PublishDueAt, f.PublishedAt);
}

/// <summary>
/// Feedback (phản ánh, kiến nghị) of a unit: receive, forward to an agency, resolve with an answer,
/// publish the answer; each with its deadline in working days.
/// </summary>
public static class FeedbackApi
{
    public static void MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/v1/units/{unitCode}/dossiers/feedback").AddEndpointFilter<DossierProblems>();
        feedback.MapGet("", async (string unitCode, string? status, int? page, int? pageSize, DossiersDbContext db, CancellationToken ct) =>
        {
            var query = db.Feedback.AsNoTracking().Where(f => f.UnitCode == unitCode);
            if (status is not null)
            {
                if (DossierLifecycle.Parse<FeedbackStatus>(status) is not { } s)
                    return ApiProblems.Invalid(new FieldErrors().Add("status", "Trạng thái là \"received\", \"forwarded\", \"resolved\" hoặc \"published\"."));
                query = query.Where(f => f.Status == s);
            }
            var found = await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(new Page<FeedbackResponse>([.. found.Items.Select(FeedbackResponse.From)], found.PageNumber, found.PageSize, found.Total));
        });
        feedback.MapGet("/{id:guid}", async (string unitCode, Guid id, DossiersDbContext db, CancellationToken ct) =>
            await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.UnitCode == unitCode && f.Id == id, ct) is { } found
                ? Results.Ok(FeedbackResponse.From(found))
                : NotFound(unitCode, id));
        feedback.MapPost("", ReceiveAsync);
        feedback.MapPost("/{id:guid}/forward", (string unitCode, Guid id, ForwardInput input, DossiersDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.RequireText("agencyCode", input.AgencyCode, 50);
            return errors.Any ? Task.FromResult(ApiProblems.Invalid(errors)) : ChangeAsync(db, unitCode, id, f => f.Forward(input.AgencyCode!.Trim(), clock.GetUtcNow()), ct);
        });
        feedback.MapPost("/{id:guid}/resolve", async (
            string unitCode, Guid id, AnswerInput input, DossiersDbContext db, WorkingCalendarStore calendars, IOutbox outbox, TimeProvider clock,
            CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.RequireText("answer", input.Answer, 4000);
            if (errors.Any)
                return ApiProblems.Invalid(errors);
            var calendar = await calendars.GetAsync(ct);
            return await ChangeAsync(db, unitCode, id, f =>
            {
                f.Resolve(input.Answer!.Trim(), clock.GetUtcNow(), calendar);
                outbox.Add(f.ResolvedEvent(), f.Id.ToString());
            }, ct);
        });
        feedback.MapPost("/{id:guid}/publish", (string unitCode, Guid id, DossiersDbContext db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(db, unitCode, id, f => f.Publish(clock.GetUtcNow()), ct));
    }

    private static async Task<IResult> ReceiveAsync(
        string unitCode, FeedbackInput input, DossiersDbContext db, IUnitDirectory units, WorkingCalendarStore calendars, IOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var channel = DossierLifecycle.Parse<FeedbackChannel>(input.Channel);
        if (channel is null)
            errors.Add("channel", "Kênh là \"portal\" (Cổng dịch vụ công) hoặc \"in-person\" (trực tiếp).");
        errors.RequireText("subject", input.Subject, 500);
        errors.RequireText("senderReference", input.SenderReference, Dossier.MaxReferenceLength);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var province = await units.FindProvinceAsync(unitCode, ct);
        if (province is null)
            return ApiProblems.NotFound($"Dịch vụ hồ sơ chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var feedback = Feedback.Receive(unitCode, province, channel!.Value, input.Subject!.Trim(), input.SenderReference!.Trim(), clock.GetUtcNow(),
            await calendars.GetAsync(ct));
        db.Feedback.Add(feedback);
        outbox.Add(feedback.ReceivedEvent(), feedback.Id.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/dossiers/feedback/{feedback.Id}", FeedbackResponse.From(feedback));
    }

    private static async Task<IResult> ChangeAsync(DossiersDbContext db, string unitCode, Guid id, Action<Feedback> change, CancellationToken ct)
    {
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.UnitCode == unitCode && f.Id == id, ct);
        if (feedback is null)
            return NotFound(unitCode, id);
        change(feedback);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FeedbackResponse.From(feedback));
    }

    private static IResult NotFound(string unitCode, Guid id) => ApiProblems.NotFound($"Đơn vị {unitCode} không có phản ánh, kiến nghị {id}.");
}
