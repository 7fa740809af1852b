using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Dossiers.Apis;

/// <summary>The apology letter: when, why, the new date, and who issued it (null for one imported from another system).</summary>
public sealed record ApologyResponse(DateTimeOffset IssuedAt, string Reason, DateOnly NewDueDate, string? IssuedBy, string? AgencyCode);

public sealed record DossierResponse(
    Guid Id, string? ExternalId, string ProcedureCode, string Field, DossierChannel Channel, string ApplicantReference, string Status,
    DateTimeOffset RegisteredAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? PausedAt, int SupplementRequests,
    DateTimeOffset? FinishedAt, DossierTimeliness? Timeliness, DossierReturnReason? ReturnReason, DateTimeOffset? ResultReturnedAt,
    bool ElectronicResult, bool Digitised, bool HasFee, bool PaidOnline, bool Overdue, ApologyResponse? Apology, DossierRating? Rating,
    DateTimeOffset? RatedAt, IReadOnlyList<string> AllowedActions)
{
    public static DossierResponse From(Dossier d, DateTimeOffset now) => new(
        d.Id, d.ExternalId, d.ProcedureCode, d.Field, d.Channel, d.ApplicantReference, EnumNames.Name(d.Status),
        d.RegisteredAt, d.ReceivedAt, d.DueAt, d.PausedAt, d.SupplementRequests, d.FinishedAt,
        d.Timeliness is { } t ? Dossier.ToContract(t) : null, d.ReturnReason, d.ResultReturnedAt, d.ElectronicResult, d.Digitised, d.HasFee,
        d.PaidOnline, d.IsOverdueAt(now), d.ApologyIssuedAt is { } at ? new ApologyResponse(at, d.ApologyReason!, d.ApologyNewDueDate!.Value, d.ApologyIssuedBy, d.ApologyAgencyCode) : null,
        d.Rating, d.RatedAt, [.. DossierLifecycle.AllowedIn(d.Status).Select(EnumNames.Name)]);
}

public sealed record TransitionResponse(string? Action, string? From, string To, DateTimeOffset At, string UserId, string? AgencyCode, string? Note);

/// <summary>
/// The dossiers service's API, every group listed once (<see cref="MapDossiersApi"/>); and a unit's
/// dossiers: intake, the lifecycle's actions (POST …/{id}/actions/{action}), apology letter, rating,
/// history, and the paged list filtered by status, field, channel, overdue and received date.
/// </summary>
public static class DossiersApi
{
    /// <summary>Actions whose note (the reason) is required.</summary>
    private static readonly HashSet<DossierAction> NeedsNote =
        [DossierAction.Refuse, DossierAction.RequestSupplement, DossierAction.ReturnNotEligible, DossierAction.RequestWithdrawal];

    public static void MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/dossiers").WithTenantAccess();
        unit.MapServiceStatus<DossiersDbContext>("dossiers").WithTags("Status")
            .WithName("GetDossiersStatus").WithSummary("The dossiers service's version and database migration level");
        unit.MapGroup("/procedures").WithTags("Procedures").MapProcedures();
        unit.MapGroup("/statistics").WithTags("Statistics").MapStatistics();
        unit.MapGroup("/feedback").WithTags("Feedback").AddEndpointFilter<DomainProblems>().AddEndpointFilter<DossierProblems>().MapFeedback();
        unit.MapGroup("/imports").WithTags("Imports").AddEndpointFilter<DomainProblems>().AddEndpointFilter<DossierProblems>().MapDossierImports();
        unit.MapGroup("").WithTags("Dossiers").AddEndpointFilter<DomainProblems>().AddEndpointFilter<DossierProblems>().MapDossiers();
        app.MapGroup("/api/v1/admin/calendar/years").WithTenantAccess(tenantCodeInRoute: false).WithTags("Calendar").MapCalendarYears();
    }

    private static void MapDossiers(this RouteGroupBuilder dossiers)
    {
        dossiers.MapGet("", ListAsync).WithName("ListDossiers")
            .WithSummary("A page of the unit's dossiers, newest first, filtered by status, field, channel, overdue, due within so many working days, received date or external id");
        dossiers.MapPost("", CreateAsync).WithName("RegisterDossier")
            .WithSummary("Registers a dossier (received at once at the desk or by post)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapGet("/{id:guid}", GetAsync).WithName("GetDossier").WithSummary("A dossier, with the actions its status allows");
        dossiers.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetDossierHistory").WithSummary("A dossier's transitions, oldest first");
        dossiers.MapPost("/{id:guid}/actions/{action}", ActAsync).WithName("ActOnDossier")
            .WithSummary("Applies a lifecycle action (receive, request-supplement, resolve, …) to a dossier")
            .ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapPost("/{id:guid}/apology", ApologizeAsync).WithName("IssueDossierApology")
            .WithSummary("Issues the apology letter of a late dossier, with its new due date")
            .ProducesProblem(StatusCodes.Status409Conflict);
        dossiers.MapPost("/{id:guid}/rating", RateAsync).WithName("RateDossier")
            .WithSummary("Records the applicant's rating of a finished dossier")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The user and agency of the request's token.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var caller = Caller.Of(user);
        return new Actor(caller.UserId, caller.Agency);
    }

    private static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> GetAsync(
        string unitCode, Guid id, DossiersDbContext db, TimeProvider clock, CancellationToken ct) =>
        await Find(db, unitCode, id).AsNoTracking().SingleOrDefaultAsync(ct) is { } dossier
            ? TypedResults.Ok(DossierResponse.From(dossier, clock.GetUtcNow()))
            : NotFound(unitCode, id);

    private static IQueryable<Dossier> Find(DossiersDbContext db, string unitCode, Guid id) =>
        db.Dossiers.Where(d => d.UnitCode == unitCode && d.Id == id);

    private static ProblemHttpResult NotFound(string unitCode, Guid id) => ApiProblems.NotFound($"Đơn vị {unitCode} không có hồ sơ {id}.");

    /// <summary>The longest look ahead of the due-soon list (?dueWithin=, working days); the desks use 7, 3 and 1.</summary>
    public const int MaxDueWithin = 30;

    private static async Task<Results<Ok<Page<DossierResponse>>, ValidationProblem>> ListAsync(
        string unitCode, DossiersDbContext db, TimeProvider clock, WorkingCalendarStore calendars, string? status, string? field, string? channel,
        bool? overdue, int? dueWithin, string? from, string? to, string? externalId, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = db.Dossiers.AsNoTracking().Where(d => d.UnitCode == unitCode);
        if (status is not null)
        {
            if (EnumNames.Parse<DossierStatus>(status) is { } s)
                query = query.Where(d => d.Status == s);
            else
                errors.Add("status", $"Trạng thái là một trong: {string.Join(", ", EnumNames.All<DossierStatus>())}.");
        }
        if (channel is not null)
        {
            if (EnumNames.Parse<DossierChannel>(channel) is { } c)
                query = query.Where(d => d.Channel == c);
            else
                errors.Add("channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\".");
        }
        if (!string.IsNullOrWhiteSpace(field))
            query = query.Where(d => d.Field == field);
        if (!string.IsNullOrWhiteSpace(externalId))
            query = query.Where(d => d.ExternalId == externalId);
        var now = clock.GetUtcNow();
        if (overdue is not null)
        {
            var isOverdue = Dossier.OverdueAsOf(now);
            query = query.Where(overdue.Value ? isOverdue : Expression.Lambda<Func<Dossier, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters));
        }
        if (dueWithin is not null)
        {
            // Due soon: still running (not finished, no clock stopped for a supplement), not yet past the due date, and due
            // before that many working days from now have passed.
            if (dueWithin is < 1 or > MaxDueWithin)
            {
                errors.Add("dueWithin", $"Số ngày làm việc từ 1 đến {MaxDueWithin}.");
            }
            else
            {
                var by = (await calendars.GetAsync(ct)).Advance(now, WorkingCalendar.WorkingDayLength * dueWithin.Value);
                query = query.Where(d => d.FinishedAt == null && d.PausedAt == null && d.DueAt >= now && d.DueAt <= by);
            }
        }
        if (from is not null && DateQuery.ParseDate("from", from, errors) is { } fromDate)
        {
            var start = new DateWindow(fromDate, fromDate).Start;
            query = query.Where(d => d.ReceivedAt >= start);
        }
        if (to is not null && DateQuery.ParseDate("to", to, errors) is { } toDate)
        {
            var end = new DateWindow(toDate, toDate).End;
            query = query.Where(d => d.ReceivedAt < end);
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var found = await query.OrderByDescending(d => d.RegisteredAt).ThenByDescending(d => d.Id).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<DossierResponse>([.. found.Items.Select(d => DossierResponse.From(d, now))], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Created<DossierResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string unitCode, DossierInput input, ClaimsPrincipal user, TenantScope scope, DossierIntake intake, WorkingCalendarStore calendars,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var channel = EnumNames.Parse<DossierChannel>(input.Channel)!.Value;
        // At the desk or by post, registering and receiving are one act, which needs the calendar. It is read first: a
        // request holding the intake's connection while it waits for another from the same pool (the calendar's, when
        // its minute in the cache is over) would, with the pool full of such requests, wait until the pool gives up (500).
        var calendar = channel == DossierChannel.Online ? null : await calendars.GetAsync(ct);
        // A hot path, in Npgsql directly: one connection, the lookups in one round trip and the save in another.
        await using var connection = await intake.OpenAsync(scope, unitCode, input.ProcedureCode!, ct);
        var procedure = connection.Procedure;
        if (procedure is null)
            return ApiProblems.Invalid(errors.Add("procedureCode", $"Đơn vị {unitCode} không có thủ tục mã {input.ProcedureCode}."));
        if (!procedure.Active)
            return ApiProblems.Invalid(errors.Add("procedureCode", $"Thủ tục {procedure.Code} đã ngừng tiếp nhận."));

        var now = clock.GetUtcNow();
        var actor = ActorOf(user);
        var dossier = Dossier.Register(procedure, channel, input.ApplicantReference!.Trim(), input.ExternalId, input.Digitised ?? false, now);
        List<DossierTransition> transitions =
        [
            new()
            {
                DossierId = dossier.Id, UnitCode = dossier.UnitCode, ProvinceCode = dossier.ProvinceCode, ToStatus = DossierStatus.Registered,
                At = now, UserId = actor.UserId, AgencyCode = actor.AgencyCode,
            },
        ];
        if (calendar is not null)
            transitions.Add(dossier.Apply(DossierAction.Receive, now, calendar, actor));
        return await connection.SaveAsync(dossier, transitions, ct)
            ? TypedResults.Created($"/api/v1/units/{unitCode}/dossiers/{dossier.Id}", DossierResponse.From(dossier, now))
            : ApiProblems.Conflict($"Đơn vị {unitCode} đã có hồ sơ mã {input.ExternalId}.");
    }

    private static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
        string unitCode, Guid id, string action, ActionInput? input, ClaimsPrincipal user, DossiersDbContext db, WorkingCalendarStore calendars,
        TimeProvider clock, CancellationToken ct)
    {
        if (EnumNames.Parse<DossierAction>(action) is not { } act)
        {
            return ApiProblems.NotFound(
                $"Không có thao tác \"{action}\"; các thao tác là: {string.Join(", ", EnumNames.All<DossierAction>())}.");
        }
        var note = input?.Note?.Trim();
        var errors = new FieldErrors();
        if (NeedsNote.Contains(act))
            errors.RequireText("note", note, 1000);
        else if (note?.Length > 1000)
            errors.Add("note", "Tối đa 1000 ký tự.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        return await OnTheDossierAsNowAsync(db, unitCode, id, async dossier =>
        {
            var now = clock.GetUtcNow();
            var transition = dossier.Apply(act, now, await calendars.GetAsync(ct), ActorOf(user), string.IsNullOrEmpty(note) ? null : note,
                input?.ElectronicResult ?? false, input?.PaidOnline ?? false);
            db.DossierTransitions.Add(transition);
            await db.SaveChangesAsync(ct);
            return DossierResponse.From(dossier, now);
        }, ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);
    }

    private static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> ApologizeAsync(
        string unitCode, Guid id, ApologyInput input, ClaimsPrincipal user, DossiersDbContext db, WorkingCalendarStore calendars, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.RequireText("reason", input.Reason, 1000);
        var newDate = DateQuery.ParseDate("newDueDate", input.NewDueDate, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        return await OnTheDossierAsNowAsync(db, unitCode, id, async dossier =>
        {
            var now = clock.GetUtcNow();
            dossier.IssueApology(now, input.Reason!.Trim(), newDate!.Value, await calendars.GetAsync(ct), ActorOf(user));
            await db.SaveChangesAsync(ct);
            return DossierResponse.From(dossier, now);
        }, ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);
    }

    private static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> RateAsync(
        string unitCode, Guid id, RatingInput input, DossiersDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (EnumNames.Parse<DossierRating>(input.Rating) is not { } rating)
        {
            return ApiProblems.Invalid(new FieldErrors().Add("rating",
                "Mức đánh giá là \"very-satisfied\" (rất hài lòng), \"satisfied\" (hài lòng) hoặc \"not-satisfied\" (không hài lòng)."));
        }
        return await OnTheDossierAsNowAsync(db, unitCode, id, async dossier =>
        {
            var now = clock.GetUtcNow();
            dossier.Rate(rating, now);
            await db.SaveChangesAsync(ct);
            return DossierResponse.From(dossier, now);
        }, ct) is { } changed
            ? TypedResults.Ok(changed)
            : NotFound(unitCode, id);
    }

    /// <summary>
    /// Loads the dossier (null if the unit has none of that id: 404) and runs <paramref name="command"/> on it, which saves. When
    /// someone else saved the dossier between the load and the save (most often the overdue scan marking it), the command
    /// runs once more on the dossier as it is now: the state machine and the dossier's rules decide again, so a second
    /// officer's same action still answers 409 naming the state. A second conflict answers 409 (reload and retry).
    /// </summary>
    private static async Task<DossierResponse?> OnTheDossierAsNowAsync(
        DossiersDbContext db, string unitCode, Guid id, Func<Dossier, Task<DossierResponse>> command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dossier = await Find(db, unitCode, id).SingleOrDefaultAsync(ct);
            if (dossier is null)
                return null;
            try
            {
                return await command(dossier);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                db.ChangeTracker.Clear(); // the transition and the event of the first try go with it (the reload raises them again)
            }
        }
    }

    private static async Task<Results<Ok<IEnumerable<TransitionResponse>>, ProblemHttpResult>> HistoryAsync(string unitCode, Guid id, DossiersDbContext db, CancellationToken ct)
    {
        if (!await Find(db, unitCode, id).AnyAsync(ct))
            return NotFound(unitCode, id);
        var steps = await db.DossierTransitions.AsNoTracking().Where(t => t.UnitCode == unitCode && t.DossierId == id)
            // An intake registers and receives at one instant, and ids of one millisecond are in random order: the registration (no action) first.
            .OrderBy(t => t.At).ThenBy(t => t.Action != null).ThenBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(steps.Select(t => new TransitionResponse(
            t.Action is { } a ? EnumNames.Name(a) : null, t.FromStatus is { } f ? EnumNames.Name(f) : null,
            EnumNames.Name(t.ToStatus), t.At, t.UserId, t.AgencyCode, t.Note)));
    }
}
