using ParPlatform.Contracts.Dossiers;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>Who did something to a dossier: the user (token subject) and their agency, if they belong to one.</summary>
public sealed record Actor(string UserId, string? AgencyCode);

/// <summary>
/// An administrative-procedure dossier (hồ sơ TTHC) of one unit. It keeps its channel, procedure
/// (with the field and time limit as they were at intake), a short applicant reference (a receipt
/// or lookup code, never a name), and the instants that the statistics count: received, due,
/// finished. Tenant-owned row (row-level security).
/// </summary>
public sealed class Dossier
{
    public const int MaxReferenceLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    /// <summary>The dossier's id in the system it came from (unique in the unit): makes imports idempotent.</summary>
    public string? ExternalId { get; init; }

    public required string ProcedureCode { get; init; }

    public required string Field { get; init; }

    public DossierChannel Channel { get; init; }

    /// <summary>Mã hồ sơ / số biên nhận the applicant looks the dossier up with; no personal data.</summary>
    public required string ApplicantReference { get; init; }

    public decimal TimeLimitAmount { get; init; }

    public TimeLimitUnit TimeLimitUnit { get; init; }

    /// <summary>The procedure charges a fee or charge (phí, lệ phí).</summary>
    public bool HasFee { get; init; }

    public DossierStatus Status { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Due instant: receipt + time limit + the working time of finished supplement pauses.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Start of the supplement pause in progress: the clock is stopped (never overdue meanwhile).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Working time of the finished supplement pauses.</summary>
    public TimeSpan PausedTime { get; set; }

    public int SupplementRequests { get; set; }

    /// <summary>Resolved, returned as not eligible, or stopped.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Set when resolved.</summary>
    public Timeliness? Timeliness { get; set; }

    /// <summary>Set when returned as not eligible or stopped after withdrawal.</summary>
    public DossierReturnReason? ReturnReason { get; set; }

    public DateTimeOffset? ResultReturnedAt { get; set; }

    public bool ElectronicResult { get; set; }

    public bool Digitised { get; init; }

    public bool PaidOnline { get; set; }

    /// <summary>When the overdue job saw it pass its due date (and published <see cref="DossierOverdue"/>).</summary>
    public DateTimeOffset? OverdueAt { get; set; }

    public DateTimeOffset? ApologyIssuedAt { get; set; }

    public string? ApologyReason { get; set; }

    public DateOnly? ApologyNewDueDate { get; set; }

    /// <summary>Who issued the apology letter (the officer's user id) and for which agency.</summary>
    public string? ApologyIssuedBy { get; set; }

    public string? ApologyAgencyCode { get; set; }

    public DossierRating? Rating { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's row version: two officers changing one dossier at once cannot both win.</summary>
    public uint Version { get; set; }

    public TimeLimit TimeLimit => new(TimeLimitAmount, TimeLimitUnit);

    /// <summary>A new dossier of <paramref name="procedure"/>, registered at <paramref name="at"/>.</summary>
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
    /// Does <paramref name="action"/> at <paramref name="at"/>, or throws <see cref="IllegalTransitionException"/>.
    /// <paramref name="electronicResult"/> is read when resolving, <paramref name="paidOnline"/> when the fees are paid.
    /// </summary>
    public DossierTransition Apply(
        DossierAction action, DateTimeOffset at, WorkingCalendar calendar, Actor actor, string? note = null,
        bool electronicResult = false, bool paidOnline = false)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var from = Status;
        var to = DossierLifecycle.Next(from, action) ?? throw new IllegalTransitionException(from, action);
        switch (action)
        {
            case DossierAction.Receive:
                ReceivedAt = at;
                DueAt = calendar.DueAt(at, TimeLimit);
                break;
            case DossierAction.RequestSupplement:
                PausedAt = at;
                SupplementRequests++;
                break;
            case DossierAction.Supplement:
                // The due date moves by the pause; a request made after the due date stops no clock: the dossier is already late.
                var paused = PausedAt < DueAt ? calendar.WorkingTimeBetween(PausedAt!.Value, at) : TimeSpan.Zero;
                PausedTime += paused;
                PausedAt = null;
                DueAt = calendar.Advance(DueAt!.Value, paused);
                break;
            case DossierAction.PayFees:
                PaidOnline = paidOnline;
                break;
            case DossierAction.Stop:
                Finish(at, DossierReturnReason.Withdrawn);
                break;
            case DossierAction.ReturnNotEligible:
                Finish(at, DossierReturnReason.NotEligible);
                break;
            case DossierAction.Resolve:
                FinishedAt = at;
                ElectronicResult = electronicResult;
                // More than one request for supplements makes a dossier late whatever the date (DOMAIN.md section 4).
                Timeliness = SupplementRequests > 1 ? SharedKernel.Calendar.Timeliness.Late : WorkingCalendar.Classify(at, DueAt!.Value);
                break;
            case DossierAction.ReturnResult:
                ResultReturnedAt = at;
                break;
        }
        Status = to;
        UpdatedAt = at;
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
            throw new DossierRuleException($"Hồ sơ đã có phiếu xin lỗi ngày {WorkingCalendar.VietnamDate(ApologyIssuedAt.Value):dd/MM/yyyy}; ngày hẹn chỉ được đổi một lần.");
        if (!DossierLifecycle.Open.Contains(Status))
            throw new DossierRuleException($"Hồ sơ đang ở trạng thái \"{DossierLifecycle.Describe(Status)}\": chỉ hồ sơ đang giải quyết mới gửi phiếu xin lỗi.");
        if (calendar.WorkingTimeBetween(at, DueAt!.Value) < WorkingCalendar.WorkingDayLength)
            throw new DossierRuleException(
                $"Phiếu xin lỗi phải gửi trước hạn ít nhất 1 ngày làm việc; hạn của hồ sơ là {WorkingCalendar.ToVietnamTime(DueAt.Value):HH:mm dd/MM/yyyy}.");
        var due = WorkingCalendar.VietnamDate(DueAt.Value);
        if (newDueDate <= due || newDueDate > due.AddYears(1))
            throw new DossierInputException("newDueDate", $"Ngày hẹn mới phải sau hạn hiện tại ({due:dd/MM/yyyy}) và trong vòng một năm.");
        ApologyIssuedAt = at;
        ApologyReason = reason;
        ApologyNewDueDate = newDueDate;
        ApologyIssuedBy = actor.UserId;
        ApologyAgencyCode = actor.AgencyCode;
        UpdatedAt = at;
    }

    /// <summary>The applicant's rating of a resolved dossier; one per dossier.</summary>
    public void Rate(DossierRating rating, DateTimeOffset at)
    {
        if (Rating is not null)
            throw new DossierRuleException("Hồ sơ đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.");
        if (Status is not (DossierStatus.Resolved or DossierStatus.ResultReturned))
            throw new DossierRuleException($"Hồ sơ đang ở trạng thái \"{DossierLifecycle.Describe(Status)}\": chỉ đánh giá hồ sơ đã xử lý xong.");
        Rating = rating;
        RatedAt = at;
        UpdatedAt = at;
    }

    /// <summary>
    /// Open and past its due date at <paramref name="now"/>, the clock stopped by a supplement
    /// request counting as the request's instant (a request made after the due date hides nothing).
    /// </summary>
    public bool IsOverdueAt(DateTimeOffset now) =>
        DossierLifecycle.Open.Contains(Status) && DueAt < (PausedAt is { } paused && paused < now ? paused : now);

    public DossierReceived ReceivedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = ReceivedAt!.Value, DossierId = Id, ProcedureCode = ProcedureCode,
        Field = Field, Channel = Channel, ReceivedAt = ReceivedAt.Value, DueAt = DueAt!.Value, Digitised = Digitised, HasFee = HasFee,
    };

    public DossierSupplementRequested SupplementRequestedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = PausedAt!.Value, DossierId = Id, Field = Field, RequestedAt = PausedAt.Value,
    };

    public DossierSupplemented SupplementedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = UpdatedAt, DossierId = Id, Field = Field, SupplementedAt = UpdatedAt,
        DueAt = DueAt!.Value,
    };

    public DossierFeesPaid FeesPaidEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = UpdatedAt, DossierId = Id, Field = Field, PaidAt = UpdatedAt,
        PaidOnline = PaidOnline,
    };

    public DossierResolved ResolvedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = FinishedAt!.Value, DossierId = Id, Field = Field,
        ResolvedAt = FinishedAt.Value, DueAt = DueAt!.Value, Timeliness = ToContract(Timeliness!.Value), ElectronicResult = ElectronicResult,
    };

    public DossierReturned ReturnedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = FinishedAt!.Value, DossierId = Id, Field = Field,
        ReturnedAt = FinishedAt.Value, Reason = ReturnReason!.Value,
    };

    public DossierOverdue OverdueEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = OverdueAt!.Value, DossierId = Id, Field = Field, DueAt = DueAt!.Value,
    };

    public DossierApologyIssued ApologyEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = ApologyIssuedAt!.Value, DossierId = Id, Field = Field,
        IssuedAt = ApologyIssuedAt.Value, NewDueDate = ApologyNewDueDate!.Value,
    };

    public DossierRated RatedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = RatedAt!.Value, DossierId = Id, Field = Field,
        Rating = Rating!.Value, RatedAt = RatedAt.Value,
    };

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
    public static IEnumerable<DossiersRecorded> RecordedEvents(IEnumerable<Dossier> dossiers, DateTimeOffset at, Guid? importId, Guid? replayId) =>
        dossiers.Chunk(DossiersRecorded.MaxDossiers).Select(chunk => new DossiersRecorded
        {
            UnitCode = chunk[0].UnitCode, ProvinceCode = chunk[0].ProvinceCode, OccurredAt = at, ImportId = importId, ReplayId = replayId,
            Dossiers = [.. chunk.Select(d => d.Recorded())],
        });

    public static DossierTimeliness ToContract(Timeliness timeliness) => timeliness switch
    {
        SharedKernel.Calendar.Timeliness.Early => DossierTimeliness.Early,
        SharedKernel.Calendar.Timeliness.OnTime => DossierTimeliness.OnTime,
        _ => DossierTimeliness.Late,
    };

    private void Finish(DateTimeOffset at, DossierReturnReason reason)
    {
        FinishedAt = at;
        ReturnReason = reason;
    }
}

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
