using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>A plan in the unit's list: its issuer, years, reference (number/symbol once issued) and status ("draft", "issued", "superseded").</summary>
public sealed record PlanSummary(
    Guid Id, string IssuerLevel, string? AgencyCode, string IssuerName, string Title, int FromYear, int ToYear, string Reference, DateOnly? IssueDate,
    string Status, Guid? SupersedesPlanId, Guid? SupersededByPlanId);

/// <summary>A lead or cooperating body of a task: a registered body (code and name) or a group ("all-agencies"…), with its role.</summary>
public sealed record PlanBody(string? AgencyCode, string? Group, string? Role, string? Name);

/// <summary>A target (chỉ tiêu): area, text and, where measurable, its indicator, comparator ("at-least"…) and threshold.</summary>
public sealed record PlanTarget(
    Guid Id, string? Code, string? Area, string Text, string? IndicatorCode, string? Comparator, decimal? Threshold, string? Phase, string? Field,
    string? Channel);

/// <summary>
/// A task (nhiệm vụ) and where it stands: status "not-started", "in-progress", "done" or "cancelled"; its timeframe as the plan
/// writes it and its kind ("province-guidance", "province-documents" and "after-province-decision" get their due date later).
/// </summary>
public sealed record PlanTask(
    Guid Id, string? Code, string? Area, string? Group, string Content, string? Output, string? Criterion, IReadOnlyList<PlanBody> Leads,
    IReadOnlyList<PlanBody> Cooperating, string Timeframe, string TimeframeKind, DateOnly? DueDate, bool ProvinceAssigned, string? Note,
    string Status, DateOnly? StatusOn, DateOnly? CompletedOn, string? CancelReason, bool Overdue)
{
    /// <summary>Done and cancelled are final (PlanTask.RecordProgress).</summary>
    public bool Finished => Status is "done" or "cancelled";

    /// <summary>Its due date is set once the province's guidance, documents or decision give it (PlanTask.SetDueDate), while it is not finished.</summary>
    public bool DueDateSettable => !Finished && TimeframeKind is "province-guidance" or "province-documents" or "after-province-decision";
}

/// <summary>A plan with its targets and tasks (GET …/plans/{id}).</summary>
public sealed record Plan(
    Guid Id, string IssuerLevel, string? AgencyCode, string IssuerName, string Title, int FromYear, int ToYear, string? Number, string Symbol,
    string Reference, DateOnly? IssueDate, string? Purposes, string Status, Guid? SupersededByPlanId, string? IssuedBy,
    IReadOnlyList<PlanTarget> Targets, IReadOnlyList<PlanTask> Tasks);

/// <summary>A progress update of a task: status, date, note, evidence, the reason of a cancellation, who recorded it and when.</summary>
public sealed record TaskProgress(
    Guid Id, string Status, DateOnly Date, string? Note, string? Evidence, string? Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ProgressInput(string? Status, DateOnly? Date, string? Note, string? Evidence, string? Reason);

public sealed record DueDateInput(DateOnly? DueDate);

/// <summary>The chairman's issue of a draft: its number (the symbol is the plan's) and date.</summary>
public sealed record IssueInput(string? Number, DateOnly? IssueDate);

/// <summary>A body registered in the unit (an agency, a public service unit…) by its code, e.g. "van-phong", and name.</summary>
public sealed record UnitBody(string AgencyCode, string Name);

/// <summary>A unit's plans and their tasks, through the gateway (/api/v1/units/{unitCode}/plans).</summary>
public interface IPlansApi
{
    /// <summary>A page of the unit's and its agencies' plans, newest first; of one year (in force that year) or all.</summary>
    [Get("/api/v1/units/{unitCode}/plans")]
    Task<Page<PlanSummary>> ListAsync(string unitCode, int? year, int? page, int? pageSize, CancellationToken cancellationToken);

    [Get("/api/v1/units/{unitCode}/plans/{id}")]
    Task<Plan> GetAsync(string unitCode, Guid id, CancellationToken cancellationToken);

    /// <summary>Issues a draft (the unit's chairman; 403 for others).</summary>
    [Post("/api/v1/units/{unitCode}/plans/{id}/issue")]
    Task<Plan> IssueAsync(string unitCode, Guid id, [Body] IssueInput input, CancellationToken cancellationToken);

    /// <summary>A task's progress updates, oldest first.</summary>
    [Get("/api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/progress")]
    Task<IReadOnlyList<TaskProgress>> ProgressAsync(string unitCode, Guid id, Guid taskId, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/progress")]
    Task<PlanTask> RecordProgressAsync(string unitCode, Guid id, Guid taskId, [Body] ProgressInput input, CancellationToken cancellationToken);

    /// <summary>The unit's registered bodies, which tasks name as leads and feedback is forwarded to.</summary>
    [Get("/api/v1/units/{unitCode}/plans/bodies")]
    Task<IReadOnlyList<UnitBody>> BodiesAsync(string unitCode, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/due-date")]
    Task<PlanTask> SetDueDateAsync(string unitCode, Guid id, Guid taskId, [Body] DueDateInput input, CancellationToken cancellationToken);
}
