namespace ParPlatform.Contracts.Dossiers;

/// <summary>A dossier the one-stop desk received (tiếp nhận): it counts as received from now on.</summary>
public sealed record DossierReceived : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    /// <summary>The procedure's code, e.g. "1.001612".</summary>
    public required string ProcedureCode { get; init; }

    /// <summary>The procedure's field (lĩnh vực), e.g. "Hộ tịch".</summary>
    public required string Field { get; init; }

    public required DossierChannel Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The due instant: the procedure's time limit in working time from receipt.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The papers were digitised at receipt (số hóa).</summary>
    public required bool Digitised { get; init; }

    /// <summary>The procedure charges a fee or charge (phí, lệ phí): the dossier counts in the online-payment rate.</summary>
    public required bool HasFee { get; init; }
}

/// <summary>The desk asked the applicant for more papers (yêu cầu bổ sung): the dossier's clock stops, unless it is already past its due date.</summary>
public sealed record DossierSupplementRequested : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>The applicant completed the papers: the clock runs again, from the due date moved by the pause.</summary>
public sealed record DossierSupplemented : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset SupplementedAt { get; init; }

    /// <summary>The due instant after this pause.</summary>
    public required DateTimeOffset DueAt { get; init; }
}

/// <summary>The applicant paid the dossier's fees; <see cref="PaidOnline"/> when through the online payment service.</summary>
public sealed record DossierFeesPaid : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset PaidAt { get; init; }

    public required bool PaidOnline { get; init; }
}

/// <summary>A dossier resolved (đã xử lý xong), with how it compares with its due date.</summary>
public sealed record DossierResolved : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    /// <summary>The due instant after supplement pauses.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public required DossierTimeliness Timeliness { get; init; }

    /// <summary>The result was issued electronically (kết quả điện tử).</summary>
    public required bool ElectronicResult { get; init; }
}

/// <summary>A dossier that ended without a result: returned as not eligible, or stopped after the applicant withdrew it.</summary>
public sealed record DossierReturned : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset ReturnedAt { get; init; }

    public required DossierReturnReason Reason { get; init; }
}

/// <summary>An open dossier passed its due date; published once per dossier.</summary>
public sealed record DossierOverdue : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset DueAt { get; init; }
}

/// <summary>An apology letter with a new date (phiếu xin lỗi và hẹn lại ngày trả kết quả); at most one per dossier.</summary>
public sealed record DossierApologyIssued : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The new date promised to the applicant (a date in Vietnam).</summary>
    public required DateOnly NewDueDate { get; init; }
}

/// <summary>The applicant rated the handling of a dossier; one rating per dossier.</summary>
public sealed record DossierRated : IntegrationEvent
{
    public required Guid DossierId { get; init; }

    public required string Field { get; init; }

    public required DossierRating Rating { get; init; }

    public required DateTimeOffset RatedAt { get; init; }
}

/// <summary>
/// Dossiers whose whole state is published at once, because they did not come through the desk's
/// steps: written by a bulk import from the unit's old system (<see cref="ImportId"/>), or published
/// again when the reporting read model is rebuilt (<see cref="ReplayId"/>). All of one unit, at most
/// <see cref="MaxDossiers"/> per event (an import of a million dossiers is 2,000 events, not a million).
/// A consumer merges each with the step events of the same dossier, which may arrive before or after it.
/// </summary>
public sealed record DossiersRecorded : IntegrationEvent
{
    /// <summary>The most dossiers one event carries.</summary>
    public const int MaxDossiers = 500;

    /// <summary>The bulk import that wrote them, or null for a replay.</summary>
    public Guid? ImportId { get; init; }

    /// <summary>The replay they belong to (<see cref="Reporting.ReadModelReplayRequested"/>), or null for an import.</summary>
    public Guid? ReplayId { get; init; }

    public required IReadOnlyList<RecordedDossier> Dossiers { get; init; }
}

/// <summary>One dossier of a <see cref="DossiersRecorded"/>: its whole state as the statistics count it.</summary>
public sealed record RecordedDossier
{
    public required Guid DossierId { get; init; }

    public required string ProcedureCode { get; init; }

    public required string Field { get; init; }

    public required DossierChannel Channel { get; init; }

    /// <summary>Null for a dossier registered online and not received (yet, or ever).</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Start of the supplement pause in progress, if the clock is stopped.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Resolved, returned as not eligible, or stopped; null while open.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Set when resolved.</summary>
    public DossierTimeliness? Timeliness { get; init; }

    /// <summary>Set when returned as not eligible or stopped after withdrawal.</summary>
    public DossierReturnReason? ReturnReason { get; init; }

    public required bool ElectronicResult { get; init; }

    public required bool Digitised { get; init; }

    public required bool HasFee { get; init; }

    public required bool PaidOnline { get; init; }

    public DateTimeOffset? ApologyIssuedAt { get; init; }

    public DossierRating? Rating { get; init; }

    public DateTimeOffset? RatedAt { get; init; }
}

/// <summary>Feedback (phản ánh, kiến nghị) received, with its deadline to resolve (15 working days).</summary>
public sealed record FeedbackReceived : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }

    public required FeedbackChannel Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset ResolveDueAt { get; init; }
}

/// <summary>Feedback answered; <see cref="WithinDeadline"/> when resolved by its deadline.</summary>
public sealed record FeedbackResolved : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    public required bool WithinDeadline { get; init; }
}

/// <summary>A piece of feedback's whole state, published again for a read-model rebuild (<see cref="Reporting.ReadModelReplayRequested"/>).</summary>
public sealed record FeedbackRecorded : IntegrationEvent
{
    public required Guid FeedbackId { get; init; }

    public required Guid ReplayId { get; init; }

    public required FeedbackChannel Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Set when resolved: by its deadline of 15 working days.</summary>
    public bool? ResolvedWithinDeadline { get; init; }
}

/// <summary>
/// A replay of a unit's data is under way: for <see cref="ReplayId"/>, the dossiers service has published the unit's
/// dossiers in id order up to <see cref="AfterDossier"/> (all of them once <see cref="DossiersDone"/>), then its
/// feedback up to <see cref="AfterFeedback"/>: <see cref="Dossiers"/> and <see cref="Feedback"/> so far. It publishes
/// a replay a page at a time, each page in a transaction of its own with this event, and consumes the event itself to
/// publish the next page: a replay interrupted by a restart goes on from its last page. <see cref="DossierReplayCompleted"/>
/// ends it. For anyone else, it is the replay's progress.
/// </summary>
public sealed record DossierReplayProgressed : IntegrationEvent
{
    public required Guid ReplayId { get; init; }

    /// <summary>The last dossier published; null before the first page.</summary>
    public Guid? AfterDossier { get; init; }

    public required bool DossiersDone { get; init; }

    /// <summary>The last piece of feedback published; null before the first.</summary>
    public Guid? AfterFeedback { get; init; }

    public required int Dossiers { get; init; }

    public required int Feedback { get; init; }
}

/// <summary>
/// The dossiers service has published everything of a unit for a replay: <see cref="Dossiers"/>
/// dossiers in <see cref="DossiersRecorded"/> events and <see cref="Feedback"/> <see cref="FeedbackRecorded"/> events
/// with its id (they travel on other exchanges, so they may arrive after this one).
/// </summary>
public sealed record DossierReplayCompleted : IntegrationEvent
{
    public required Guid ReplayId { get; init; }

    public required int Dossiers { get; init; }

    public required int Feedback { get; init; }
}

/// <summary>
/// The unit's procedure catalogue changed (procedures imported, added, changed or deactivated): the procedures it now
/// handles (active), in all and by how far they can be done online, and how many are inter-level (liên thông). The latest
/// event of a unit describes its catalogue as it is.
/// </summary>
public sealed record ProcedureCatalogueChanged : IntegrationEvent
{
    /// <summary>Active procedures: "Có 399 TTHC thuộc thẩm quyền quản lý và giải quyết của UBND phường".</summary>
    public required int ActiveProcedures { get; init; }

    /// <summary>Active procedures done entirely online (toàn trình).</summary>
    public required int FullyOnline { get; init; }

    /// <summary>Active procedures done partly online (một phần).</summary>
    public required int PartlyOnline { get; init; }

    /// <summary>Active procedures handled with another level of government (liên thông).</summary>
    public required int InterLevel { get; init; }
}
