using System.Linq.Expressions;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Domain;

/// <summary>Who did something to a dossier: the user (token subject) and their agency, if they belong to one.</summary>
public sealed record Actor(string UserId, string? AgencyCode);

/// <summary>
/// An administrative-procedure dossier (hồ sơ TTHC) of one unit. It keeps its channel, procedure
/// (with the field and time limit as they were at intake), a short applicant reference (a receipt
/// or lookup code, never a name), and the instants that the statistics count: received, due,
/// finished. Tenant-owned row (row-level security).
/// </summary>
public sealed class Dossier : Aggregate
{
    public const int MaxReferenceLength = 64;

    /// <summary>
    /// Overdue at an instant, the one definition: not finished, and past its due date both at that instant and at the
    /// supplement request that stopped its clock, if one did (a request made after the due date hides nothing).
    /// <see cref="IsOverdueAt"/> runs it in C#, <see cref="OverdueAsOf"/> in a query; the SQL of the overdue scan and
    /// of the statistics (<see cref="DossierStatisticsSql.PastDue"/>) says the same, and a test checks all of them agree
    /// on generated histories (OverdueDefinitionTests).
    /// </summary>
    private static readonly Expression<Func<Dossier, DateTimeOffset, bool>> OverdueDefinition =
        (d, now) => d.FinishedAt == null && d.DueAt < now && (d.PausedAt == null || d.DueAt < d.PausedAt);

    private static readonly Func<Dossier, DateTimeOffset, bool> IsOverdue = OverdueDefinition.Compile();

    private Dossier()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    /// <summary>The dossier's id in the system it came from (unique in the unit): makes imports idempotent.</summary>
    public string? ExternalId { get; private set; }

    public string ProcedureCode { get; private set; } = null!;

    public string Field { get; private set; } = null!;

    public DossierChannel Channel { get; private set; }

    /// <summary>Mã hồ sơ / số biên nhận the applicant looks the dossier up with; no personal data.</summary>
    public string ApplicantReference { get; private set; } = null!;

    public decimal TimeLimitAmount { get; private set; }

    public TimeLimitUnit TimeLimitUnit { get; private set; }

    /// <summary>The procedure charges a fee or charge (phí, lệ phí).</summary>
    public bool HasFee { get; private set; }

    public DossierStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>Due instant: receipt + time limit + the working time of finished supplement pauses.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Start of the supplement pause in progress: the clock is stopped (never overdue meanwhile).</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Working time of the finished supplement pauses.</summary>
    public TimeSpan PausedTime { get; private set; }

    public int SupplementRequests { get; private set; }

    /// <summary>Resolved, returned as not eligible, or stopped.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Set when resolved.</summary>
    public Timeliness? Timeliness { get; private set; }

    /// <summary>Set when returned as not eligible or stopped after withdrawal.</summary>
    public DossierReturnReason? ReturnReason { get; private set; }

    public DateTimeOffset? ResultReturnedAt { get; private set; }

    public bool ElectronicResult { get; private set; }

    public bool Digitised { get; private set; }

    public bool PaidOnline { get; private set; }

    /// <summary>When it was seen past its due date (<see cref="MarkOverdue"/>), which published <see cref="DossierOverdue"/>.</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    public DateTimeOffset? ApologyIssuedAt { get; private set; }

    public string? ApologyReason { get; private set; }

    public DateOnly? ApologyNewDueDate { get; private set; }

    /// <summary>Who issued the apology letter (the officer's user id) and for which agency.</summary>
    public string? ApologyIssuedBy { get; private set; }

    public string? ApologyAgencyCode { get; private set; }

    public DossierRating? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL's row version: two officers changing one dossier at once cannot both win.</summary>
    public uint Version { get; private set; }

    public TimeLimit TimeLimit => new(TimeLimitAmount, TimeLimitUnit);

    public override string EventKey() => Id.ToString();

    /// <summary>A new dossier of <paramref name="procedure"/>, registered at <paramref name="at"/>: the desk's and the import's one way in.</summary>
    public static Dossier Register(
        Procedure procedure, DossierChannel channel, string applicantReference, string? externalId, bool digitised, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new Dossier
        {
            UnitCode = procedure.UnitCode,
            ProvinceCode = procedure.ProvinceCode,
            ExternalId = externalId,
            ProcedureCode = procedure.Code,
            Field = procedure.Field,
            Channel = channel,
            ApplicantReference = applicantReference,
            TimeLimitAmount = procedure.TimeLimitAmount,
            TimeLimitUnit = procedure.TimeLimitUnit,
            HasFee = procedure.Fee > 0,
            Digitised = digitised,
            Status = DossierStatus.Registered,
            RegisteredAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>
    /// A dossier moved from another system (the import): registered by <see cref="Register"/> at its receipt, then put in
    /// the state it has there — its timeliness worked out as a resolution's, and marked overdue if it is at
    /// <paramref name="now"/>. It raises no event: the import publishes its dossiers whole (<see cref="RecordedEvents"/>).
    /// </summary>
    public static Dossier Import(
        Procedure procedure, DossierChannel channel, string applicantReference, string externalId, bool digitised, ImportedState state,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dossier = Register(procedure, channel, applicantReference, externalId, digitised, state.ReceivedAt);
        var resolved = state.Status is DossierStatus.Resolved or DossierStatus.ResultReturned;
        dossier.Status = state.Status;
        dossier.ReceivedAt = state.ReceivedAt;
        dossier.DueAt = state.DueAt;
        dossier.PausedAt = state.PausedAt;
        // Waiting for supplements: asked at least once (a second request makes it late, DOMAIN.md section 4).
        dossier.SupplementRequests = state.Status == DossierStatus.SupplementRequested ? 1 : 0;
        dossier.FinishedAt = state.FinishedAt;
        dossier.Timeliness = resolved ? dossier.TimelinessAt(state.FinishedAt!.Value) : null;
        dossier.ReturnReason = state.Status switch
        {
            DossierStatus.ReturnedNotEligible => DossierReturnReason.NotEligible,
            DossierStatus.Stopped => DossierReturnReason.Withdrawn,
            _ => null,
        };
        dossier.ResultReturnedAt = state.Status == DossierStatus.ResultReturned ? state.FinishedAt : null;
        dossier.ElectronicResult = resolved && state.ElectronicResult;
        dossier.PaidOnline = state.PaidOnline;
        dossier.Rating = state.Rating;
        dossier.RatedAt = state.RatedAt;
        dossier.OverdueAt = dossier.IsOverdueAt(now) ? now : null;
        dossier.UpdatedAt = now;
        return dossier;
    }

    /// <summary>
    /// Does <paramref name="action"/> at <paramref name="at"/>, raising the event it publishes if any, or throws
    /// <see cref="IllegalTransitionException"/>. <paramref name="electronicResult"/> is read when resolving,
    /// <paramref name="paidOnline"/> when the fees are paid.
    /// </summary>
    public DossierTransition Apply(
        DossierAction action, DateTimeOffset at, WorkingCalendar calendar, Actor actor, string? note = null,
        bool electronicResult = false, bool paidOnline = false)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var from = Status;
        var to = DossierLifecycle.Next(from, action) ?? throw new IllegalTransitionException(from, action);
        Status = to;
        UpdatedAt = at;
        switch (action)
        {
            case DossierAction.Receive:
                ReceivedAt = at;
                DueAt = calendar.DueAt(at, TimeLimit);
                Raise(new DossierReceived
                {
                    UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, ProcedureCode = ProcedureCode,
                    Field = Field, Channel = Channel, ReceivedAt = at, DueAt = DueAt.Value, Digitised = Digitised, HasFee = HasFee,
                });
                break;
            case DossierAction.RequestSupplement:
                PausedAt = at;
                SupplementRequests++;
                Raise(new DossierSupplementRequested
                {
                    UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, RequestedAt = at,
                });
                break;
            case DossierAction.Supplement:
                // The due date moves by the pause; a request made after the due date stops no clock: the dossier is already late.
                var paused = PausedAt < DueAt ? calendar.WorkingTimeBetween(PausedAt!.Value, at) : TimeSpan.Zero;
                PausedTime += paused;
                PausedAt = null;
                DueAt = calendar.Advance(DueAt!.Value, paused);
                Raise(new DossierSupplemented
                {
                    UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, SupplementedAt = at,
                    DueAt = DueAt.Value,
                });
                break;
            case DossierAction.PayFees:
                PaidOnline = paidOnline;
                Raise(new DossierFeesPaid
                {
                    UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, PaidAt = at,
                    PaidOnline = paidOnline,
                });
                break;
            case DossierAction.Stop:
                Return(at, DossierReturnReason.Withdrawn);
                break;
            case DossierAction.ReturnNotEligible:
                Return(at, DossierReturnReason.NotEligible);
                break;
            case DossierAction.Resolve:
                FinishedAt = at;
                ElectronicResult = electronicResult;
                Timeliness = TimelinessAt(at);
                Raise(new DossierResolved
                {
                    UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, ResolvedAt = at,
                    DueAt = DueAt!.Value, Timeliness = ToContract(Timeliness.Value), ElectronicResult = electronicResult,
                });
                break;
            case DossierAction.ReturnResult:
                ResultReturnedAt = at;
                break;
        }
        return new DossierTransition
        {
            DossierId = Id, UnitCode = UnitCode, ProvinceCode = ProvinceCode, Action = action, FromStatus = from, ToStatus = to,
            At = at, UserId = actor.UserId, AgencyCode = actor.AgencyCode, Note = note,
        };
    }

    /// <summary>
    /// The apology letter of a dossier that will be late: while it is open, at least one working day
    /// before its due date, once, with a new date after the due date and within a year of it; issued by <paramref name="actor"/>.
    /// </summary>
    public void IssueApology(DateTimeOffset at, string reason, DateOnly newDueDate, WorkingCalendar calendar, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        if (ApologyIssuedAt is not null)
            throw new DomainRuleException($"Hồ sơ đã có phiếu xin lỗi ngày {WorkingCalendar.VietnamDate(ApologyIssuedAt.Value):dd/MM/yyyy}; ngày hẹn chỉ được đổi một lần.");
        if (!DossierLifecycle.Open.Contains(Status))
            throw new DomainRuleException($"Hồ sơ đang ở trạng thái \"{DossierLifecycle.Describe(Status)}\": chỉ hồ sơ đang giải quyết mới gửi phiếu xin lỗi.");
        if (calendar.WorkingTimeBetween(at, DueAt!.Value) < WorkingCalendar.WorkingDayLength)
            throw new DomainRuleException(
                $"Phiếu xin lỗi phải gửi trước hạn ít nhất 1 ngày làm việc; hạn của hồ sơ là {WorkingCalendar.ToVietnamTime(DueAt.Value):HH:mm dd/MM/yyyy}.");
        var due = WorkingCalendar.VietnamDate(DueAt.Value);
        if (newDueDate <= due || newDueDate > due.AddYears(1))
            throw new DomainInputException("newDueDate", $"Ngày hẹn mới phải sau hạn hiện tại ({due:dd/MM/yyyy}) và trong vòng một năm.");
        ApologyIssuedAt = at;
        ApologyReason = reason;
        ApologyNewDueDate = newDueDate;
        ApologyIssuedBy = actor.UserId;
        ApologyAgencyCode = actor.AgencyCode;
        UpdatedAt = at;
        Raise(new DossierApologyIssued
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, IssuedAt = at, NewDueDate = newDueDate,
        });
    }

    /// <summary>The applicant's rating of a resolved dossier; one per dossier.</summary>
    public void Rate(DossierRating rating, DateTimeOffset at)
    {
        if (Rating is not null)
            throw new DomainRuleException("Hồ sơ đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.");
        if (Status is not (DossierStatus.Resolved or DossierStatus.ResultReturned))
            throw new DomainRuleException($"Hồ sơ đang ở trạng thái \"{DossierLifecycle.Describe(Status)}\": chỉ đánh giá hồ sơ đã xử lý xong.");
        Rating = rating;
        RatedAt = at;
        UpdatedAt = at;
        Raise(new DossierRated { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, Rating = rating, RatedAt = at });
    }

    /// <summary>
    /// The overdue scan saw it past its due date at <paramref name="now"/>: marks it and raises <see cref="DossierOverdue"/>, once.
    /// False, changing nothing, when it is not overdue then or was marked before.
    /// </summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (OverdueAt is not null || !IsOverdueAt(now))
            return false;
        OverdueAt = now;
        Raise(new DossierOverdue { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = now, DossierId = Id, Field = Field, DueAt = DueAt!.Value });
        return true;
    }

    /// <summary>Overdue at <paramref name="now"/> (<see cref="OverdueDefinition"/>).</summary>
    public bool IsOverdueAt(DateTimeOffset now) => IsOverdue(this, now);

    /// <summary>The dossiers overdue at <paramref name="now"/>, as a query's condition (<see cref="OverdueDefinition"/>; EF sends <paramref name="now"/> as a parameter).</summary>
    public static Expression<Func<Dossier, bool>> OverdueAsOf(DateTimeOffset now)
    {
        Expression<Func<DateTimeOffset>> asOf = () => now;
        var body = new Substitution(OverdueDefinition.Parameters[1], asOf.Body).Visit(OverdueDefinition.Body);
        return Expression.Lambda<Func<Dossier, bool>>(body, OverdueDefinition.Parameters[0]);
    }

    /// <summary>The whole state the statistics count, as a <see cref="DossiersRecorded"/> carries it.</summary>
    public RecordedDossier Recorded() => new()
    {
        DossierId = Id, ProcedureCode = ProcedureCode, Field = Field, Channel = Channel, ReceivedAt = ReceivedAt, DueAt = DueAt, PausedAt = PausedAt,
        FinishedAt = FinishedAt, Timeliness = Timeliness is { } t ? ToContract(t) : null, ReturnReason = ReturnReason,
        ElectronicResult = ElectronicResult, Digitised = Digitised, HasFee = HasFee, PaidOnline = PaidOnline, ApologyIssuedAt = ApologyIssuedAt,
        Rating = Rating, RatedAt = RatedAt,
    };

    /// <summary>
    /// Dossiers of one unit published at <paramref name="at"/> as <see cref="DossiersRecorded"/> events of at most
    /// <see cref="DossiersRecorded.MaxDossiers"/> each: those of the import <paramref name="importId"/> or of the replay <paramref name="replayId"/>.
    /// </summary>
    public static IEnumerable<DossiersRecorded> RecordedEvents(IReadOnlyList<Dossier> dossiers, DateTimeOffset at, Guid? importId, Guid? replayId) =>
        dossiers.Count == 0 ? [] : RecordedEvents(dossiers[0].UnitCode, dossiers[0].ProvinceCode, dossiers.Select(d => d.Recorded()), at, importId, replayId);

    /// <summary>The <see cref="DossiersRecorded"/> events of the unit <paramref name="unitCode"/> that carry <paramref name="recorded"/>, as above.</summary>
    public static IEnumerable<DossiersRecorded> RecordedEvents(
        string unitCode, string provinceCode, IEnumerable<RecordedDossier> recorded, DateTimeOffset at, Guid? importId, Guid? replayId) =>
        recorded.Chunk(DossiersRecorded.MaxDossiers).Select(chunk => new DossiersRecorded
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, OccurredAt = at, ImportId = importId, ReplayId = replayId, Dossiers = [.. chunk],
        });

    public static DossierTimeliness ToContract(Timeliness timeliness) => timeliness switch
    {
        SharedKernel.Calendar.Timeliness.Early => DossierTimeliness.Early,
        SharedKernel.Calendar.Timeliness.OnTime => DossierTimeliness.OnTime,
        _ => DossierTimeliness.Late,
    };

    /// <summary>Resolved at <paramref name="at"/>: more than one request for supplements makes it late whatever the date (DOMAIN.md section 4).</summary>
    private Timeliness TimelinessAt(DateTimeOffset at) =>
        SupplementRequests > 1 ? SharedKernel.Calendar.Timeliness.Late : WorkingCalendar.Classify(at, DueAt!.Value);

    /// <summary>An expression with one of its parameters replaced by <paramref name="value"/>.</summary>
    private sealed class Substitution(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
    }

    /// <summary>Ended without a result (returned as not eligible, or stopped after withdrawal).</summary>
    private void Return(DateTimeOffset at, DossierReturnReason reason)
    {
        FinishedAt = at;
        ReturnReason = reason;
        Raise(new DossierReturned
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, DossierId = Id, Field = Field, ReturnedAt = at, Reason = reason,
        });
    }
}

/// <summary>
/// The state of a dossier in the system it is imported from (<see cref="Dossier.Import"/>): received, due, waiting for supplements
/// since <see cref="PausedAt"/>, or finished at <see cref="FinishedAt"/>; the import checks the combination.
/// </summary>
public sealed record ImportedState(
    DossierStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DateTimeOffset? PausedAt, DateTimeOffset? FinishedAt,
    bool ElectronicResult, bool PaidOnline, DossierRating? Rating, DateTimeOffset? RatedAt);

/// <summary>One step of a dossier's history: what was done, from which state to which, when, by whom.</summary>
public sealed class DossierTransition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DossierId { get; init; }

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    /// <summary>Null for the registration itself.</summary>
    public DossierAction? Action { get; init; }

    public DossierStatus? FromStatus { get; init; }

    public DossierStatus ToStatus { get; init; }

    public DateTimeOffset At { get; init; }

    public required string UserId { get; init; }

    public string? AgencyCode { get; init; }

    public string? Note { get; init; }
}
