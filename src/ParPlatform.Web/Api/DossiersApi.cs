using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// A dossier as the dossiers service answers it (GET …/dossiers/{id}); status, actions and rating ("very-satisfied", "satisfied",
/// "not-satisfied") by their API names.
/// </summary>
public sealed record Dossier(
    Guid Id, string? ExternalId, string ProcedureCode, string Field, string Channel, string ApplicantReference, string Status,
    DateTimeOffset RegisteredAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt, string? Timeliness,
    bool Overdue, IReadOnlyList<string> AllowedActions, DossierApology? Apology, string? Rating, DateTimeOffset? RatedAt)
{
    /// <summary>
    /// The dossier's state lets the unit send its apology letter (the service's rule, Dossier.IssueApology): open, not yet
    /// overdue, none sent before. That it is still a working day before the due date the service decides (409 with the reason).
    /// </summary>
    public bool MayApologise =>
        Apology is null && !Overdue && DueAt is not null
        && Status is "received" or "processing" or "supplement-requested" or "fees-requested" or "withdrawal-requested";

    /// <summary>The applicant may rate it (Dossier.Rate): resolved or its result returned, and not rated yet.</summary>
    public bool MayBeRated => Rating is null && Status is "resolved" or "result-returned";
}

/// <summary>The apology letter of a dossier that will be late: when, why, the new date promised.</summary>
public sealed record DossierApology(DateTimeOffset IssuedAt, string Reason, DateOnly NewDueDate, string? IssuedBy, string? AgencyCode);

/// <summary>An apology letter to send: the reason and the new date ("yyyy-MM-dd").</summary>
public sealed record ApologyInput(string? Reason, string? NewDueDate);

public sealed record RatingInput(string? Rating);

/// <summary>
/// Feedback (phản ánh, kiến nghị) of a unit as the dossiers service answers it: channel "portal" or "in-person", status "received",
/// "forwarded", "resolved" or "published", and its deadlines (forward within 2 working days, resolve within 15, publish within 2).
/// </summary>
public sealed record Feedback(
    Guid Id, string Channel, string Subject, string SenderReference, string Status, DateTimeOffset ReceivedAt, DateTimeOffset ForwardDueAt,
    DateTimeOffset ResolveDueAt, DateTimeOffset? ForwardedAt, string? ForwardedTo, DateTimeOffset? ResolvedAt, string? Answer,
    bool? ResolvedWithinDeadline, DateTimeOffset? PublishDueAt, DateTimeOffset? PublishedAt);

public sealed record NewFeedback(string? Channel, string? Subject, string? SenderReference);

public sealed record FeedbackForwardInput(string? AgencyCode);

public sealed record FeedbackAnswerInput(string? Answer);

public sealed record Procedure(string Code, string Name, string Field, decimal TimeLimit, string TimeLimitUnit, bool Active);

/// <summary>The desk's filters of the dossier list (every one optional).</summary>
public sealed record DossierFilter
{
    [AliasAs("status")] public string? Status { get; init; }

    [AliasAs("field")] public string? Field { get; init; }

    [AliasAs("channel")] public string? Channel { get; init; }

    [AliasAs("overdue")] public bool? Overdue { get; init; }

    /// <summary>Running and due before this many working days have passed (the desk's due-soon list: 7, 3 or 1).</summary>
    [AliasAs("dueWithin")] public int? DueWithin { get; init; }

    [AliasAs("from")] public string? From { get; init; }

    [AliasAs("to")] public string? To { get; init; }

    [AliasAs("page")] public int? Page { get; init; }

    [AliasAs("pageSize")] public int? PageSize { get; init; }
}

public sealed record NewDossier(string? ProcedureCode, string? Channel, string? ApplicantReference, string? ExternalId, bool Digitised);

public sealed record DossierActionInput(string? Note, bool? ElectronicResult);

/// <summary>
/// An import of historical dossiers as the dossiers service answers it (…/dossiers/imports/{id}): queued, writing, completed or failed,
/// the rows written of the file's total (those whose external id the unit already had skipped), failed with its error.
/// </summary>
public sealed record DossierImportJob(
    Guid Id, string Status, int TotalRows, int WrittenRows, int SkippedRows, decimal Percent, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string? Error)
{
    public bool Finished => Status is "completed" or "failed";
}

/// <summary>One problem of a refused import file: its row (a CSV file's line, the header being line 1; an Excel row), column and reason.</summary>
public sealed record ImportRowProblem(int Row, string? Column, string Reason);

/// <summary>A unit's one-stop desk, through the gateway (/api/v1/units/{unitCode}/dossiers).</summary>
public interface IDossiersApi
{
    [Get("/api/v1/units/{unitCode}/dossiers")]
    Task<Page<Dossier>> ListAsync(string unitCode, [Query] DossierFilter filter, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/dossiers/{id}")]
    Task<Dossier> GetAsync(string unitCode, Guid id, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers")]
    Task<Dossier> RegisterAsync(string unitCode, [Body] NewDossier dossier, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/{id}/actions/{action}")]
    Task<Dossier> ActAsync(string unitCode, Guid id, string action, [Body] DossierActionInput input, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/dossiers/imports/{id}")]
    Task<DossierImportJob> ImportJobAsync(string unitCode, Guid id, CancellationToken cancellationToken);

    /// <summary>A page of the unit's imports, newest first, of one status (queued, writing, completed, failed) or all.</summary>
    [Get("/api/v1/units/{unitCode}/dossiers/imports")]
    Task<Page<DossierImportJob>> ImportsAsync(string unitCode, string? status, int? page, int? pageSize, CancellationToken cancellationToken);

    /// <summary>Sends the apology letter of a dossier that will be late (409 with the reason when its state or the date does not allow it).</summary>
    [Post("/api/v1/units/{unitCode}/dossiers/{id}/apology")]
    Task<Dossier> ApologiseAsync(string unitCode, Guid id, [Body] ApologyInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/{id}/rating")]
    Task<Dossier> RateAsync(string unitCode, Guid id, [Body] RatingInput input, CancellationToken cancellationToken);

    /// <summary>A page of the unit's feedback, newest first, of one status or all.</summary>
    [Get("/api/v1/units/{unitCode}/dossiers/feedback")]
    Task<Page<Feedback>> FeedbackAsync(string unitCode, string? status, int? page, int? pageSize, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/feedback")]
    Task<Feedback> ReceiveFeedbackAsync(string unitCode, [Body] NewFeedback feedback, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/feedback/{id}/forward")]
    Task<Feedback> ForwardFeedbackAsync(string unitCode, Guid id, [Body] FeedbackForwardInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/feedback/{id}/resolve")]
    Task<Feedback> ResolveFeedbackAsync(string unitCode, Guid id, [Body] FeedbackAnswerInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/dossiers/feedback/{id}/publish")]
    Task<Feedback> PublishFeedbackAsync(string unitCode, Guid id, CancellationToken cancellationToken);

    /// <summary>The unit's active procedures whose name contains, or code starts with, <paramref name="q"/> (a unit has hundreds).</summary>
    [Get("/api/v1/units/{unitCode}/dossiers/procedures?active=true&pageSize=20")]
    Task<Page<Procedure>> ProceduresAsync(string unitCode, string? q, CancellationToken cancellationToken);
}

/// <summary>
/// Sending a file of a unit's historical dossiers, on a client of its own (<see cref="GatewayClients"/>): a file of hundreds of
/// megabytes is streamed once, with no retry of a body already sent and no time limit but the gateway's.
/// </summary>
public interface IDossierUploadsApi
{
    /// <summary>
    /// Sends the file (CSV, or an Excel workbook, by its content type); accepted as a whole (202, the import then written in the
    /// background) or refused with every bad row listed (400, <see cref="ImportRefusal"/>) and nothing written.
    /// </summary>
    [Post("/api/v1/units/{unitCode}/dossiers/imports")]
    Task<DossierImportJob> ImportAsync(string unitCode, [Body] HttpContent file, CancellationToken cancellationToken);
}
