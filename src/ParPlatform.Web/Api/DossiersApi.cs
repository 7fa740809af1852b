using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>A dossier as the dossiers service answers it (GET …/dossiers/{id}); status and actions by their API names.</summary>
public sealed record Dossier(
    Guid Id, string? ExternalId, string ProcedureCode, string Field, string Channel, string ApplicantReference, string Status,
    DateTimeOffset RegisteredAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt, string? Timeliness,
    bool Overdue, IReadOnlyList<string> AllowedActions);

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

    /// <summary>A page of the unit's imports, newest first.</summary>
    [Get("/api/v1/units/{unitCode}/dossiers/imports")]
    Task<Page<DossierImportJob>> ImportsAsync(string unitCode, int? page, int? pageSize, CancellationToken cancellationToken);

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
