using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

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
        f.Id, f.Channel, f.Subject, f.SenderReference, EnumNames.Name(f.Status), f.ReceivedAt, f.ForwardDueAt, f.ResolveDueAt,
        f.ForwardedAt, f.ForwardedTo, f.ResolvedAt, f.Answer, f.ResolvedWithinDeadline, f.PublishDueAt, f.PublishedAt);
}

/// <summary>
/// Feedback (phản ánh, kiến nghị) of a unit: receive, forward to an agency, resolve with an answer,
/// publish the answer; each with its deadline in working days.
/// </summary>
public static class FeedbackApi
{
    /// <summary>…/dossiers/feedback (<see cref="DossiersApi.MapDossiersApi"/>).</summary>
    public static void MapFeedback(this RouteGroupBuilder feedback)
    {
        feedback.MapGet("", ListAsync).WithName("ListFeedback").WithSummary("A page of the unit's feedback, newest first, filtered by status");
        feedback.MapGet("/{id:guid}", GetAsync).WithName("GetFeedback").WithSummary("One feedback, with its deadlines");
        feedback.MapPost("", ReceiveAsync).WithName("ReceiveFeedback").WithSummary("Receives feedback from the portal or in person");
        feedback.MapPost("/{id:guid}/forward", ForwardAsync).WithName("ForwardFeedback").WithSummary("Forwards feedback to the agency that answers it")
            .ProducesProblem(StatusCodes.Status409Conflict);
        feedback.MapPost("/{id:guid}/resolve", ResolveAsync).WithName("ResolveFeedback").WithSummary("Resolves feedback with its answer")
            .ProducesProblem(StatusCodes.Status409Conflict);
        feedback.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishFeedbackAnswer").WithSummary("Publishes the answer of resolved feedback")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Page<FeedbackResponse>>, ValidationProblem>> ListAsync(
        string unitCode, string? status, int? page, int? pageSize, DossiersDbContext db, CancellationToken ct)
    {
        var query = db.Feedback.AsNoTracking().Where(f => f.UnitCode == unitCode);
        if (status is not null)
        {
            if (EnumNames.Parse<FeedbackStatus>(status) is not { } s)
                return ApiProblems.Invalid(new FieldErrors().Add("status", "Trạng thái là \"received\", \"forwarded\", \"resolved\" hoặc \"published\"."));
            query = query.Where(f => f.Status == s);
        }
        var found = await query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<FeedbackResponse>([.. found.Items.Select(FeedbackResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> GetAsync(string unitCode, Guid id, DossiersDbContext db, CancellationToken ct) =>
        await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.UnitCode == unitCode && f.Id == id, ct) is { } found
            ? TypedResults.Ok(FeedbackResponse.From(found))
            : NotFound(unitCode, id);

    private static async Task<Results<Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> ForwardAsync(
        string unitCode, Guid id, ForwardInput input, DossiersDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText("agencyCode", input.AgencyCode, 50);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        return await ChangeAsync(db, unitCode, id, f => f.Forward(input.AgencyCode!.Trim(), clock.GetUtcNow()), ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);
    }

    private static async Task<Results<Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        string unitCode, Guid id, AnswerInput input, DossiersDbContext db, WorkingCalendarStore calendars, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText("answer", input.Answer, 4000);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var calendar = await calendars.GetAsync(ct);
        return await ChangeAsync(db, unitCode, id, f => f.Resolve(input.Answer!.Trim(), clock.GetUtcNow(), calendar), ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);
    }

    private static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult>> PublishAsync(
        string unitCode, Guid id, DossiersDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(db, unitCode, id, f => f.Publish(clock.GetUtcNow()), ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);

    private static async Task<Results<Created<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        string unitCode, FeedbackInput input, DossiersDbContext db, IUnitDirectory units, WorkingCalendarStore calendars, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var channel = EnumNames.Parse<FeedbackChannel>(input.Channel);
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
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unitCode}/dossiers/feedback/{feedback.Id}", FeedbackResponse.From(feedback));
    }

    /// <summary>Changes the feedback and saves; null if the unit has none of that id (404).</summary>
    private static async Task<FeedbackResponse?> ChangeAsync(DossiersDbContext db, string unitCode, Guid id, Action<Feedback> change, CancellationToken ct)
    {
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.UnitCode == unitCode && f.Id == id, ct);
        if (feedback is null)
            return null;
        change(feedback);
        await db.SaveChangesAsync(ct);
        return FeedbackResponse.From(feedback);
    }

    private static ProblemHttpResult NotFound(string unitCode, Guid id) => ApiProblems.NotFound($"Đơn vị {unitCode} không có phản ánh, kiến nghị {id}.");
}
