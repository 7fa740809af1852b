using ParPlatform.Contracts.Plans;
using ParPlatform.Plans.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Plans.Apis;

/// <summary>A lead or cooperating body, with the registry's name of a body named by code.</summary>
public sealed record BodyResponse(string? AgencyCode, string? Group, string? Role, string? Name)
{
    public static BodyResponse From(BodyRef body, IReadOnlyDictionary<string, string> names) => new(
        body.AgencyCode, body.Group is { } g ? EnumNames.Name(g) : null, body.Role,
        body.AgencyCode is { } code ? names.GetValueOrDefault(code) : null);
}

public sealed record TargetResponse(
    Guid Id, string? Code, ParArea? Area, string Text, string? IndicatorCode, TargetComparator? Comparator, decimal? Threshold, string? Phase,
    string? Field, string? Channel, Guid? SourceTargetId)
{
    public static TargetResponse From(PlanTarget t) =>
        new(t.Id, t.Code, t.Area, t.Text, t.IndicatorCode, t.Comparator, t.Threshold, t.Phase, t.Field, t.Channel, t.SourceTargetId);
}

public sealed record TaskResponse(
    Guid Id, string? Code, ParArea? Area, string? Group, string Content, string? Output, string? Criterion, string? IndicatorCode,
    TargetComparator? Comparator, decimal? Threshold, IReadOnlyList<BodyResponse> Leads, IReadOnlyList<BodyResponse> Cooperating,
    string Timeframe, string TimeframeKind, DateOnly? DueDate, bool ProvinceAssigned, string? Note, PlanTaskStatus Status, DateOnly? StatusOn,
    DateOnly? CompletedOn, string? CancelReason, bool Overdue)
{
    public static TaskResponse From(PlanTask t, IReadOnlyDictionary<string, string> names) => new(
        t.Id, t.Code, t.Area, t.Group, t.Content, t.Output, t.Criterion, t.IndicatorCode, t.Comparator, t.Threshold,
        [.. t.Leads.Select(b => BodyResponse.From(b, names))], [.. t.Cooperating.Select(b => BodyResponse.From(b, names))],
        t.TimeframeText, EnumNames.Name(t.TimeframeKind), t.DueDate, t.ProvinceAssigned, t.Note, t.Status, t.StatusOn, t.CompletedOn,
        t.CancelReason, t.OverdueOn is not null);
}

/// <summary>A plan in a list: who, what, which years, its status and where it stands in its history of revisions.</summary>
public sealed record PlanSummary(
    Guid Id, string IssuerLevel, string? AgencyCode, string IssuerName, string Title, int FromYear, int ToYear, string Reference,
    DateOnly? IssueDate, string Status, Guid? SupersedesPlanId, Guid? SupersededByPlanId)
{
    public static PlanSummary From(Plan p) => new(
        p.Id, EnumNames.Name(p.IssuerLevel), p.AgencyCode, p.IssuerName, p.Title, p.FromYear, p.ToYear, p.Reference, p.IssueDate,
        EnumNames.Name(p.Status), p.SupersedesPlanId, p.SupersededByPlanId);
}

public sealed record PlanResponse(
    Guid Id, string IssuerLevel, string? UnitCode, string ProvinceCode, string? AgencyCode, string IssuerName, string Title, int FromYear, int ToYear,
    IReadOnlyList<PlanPhase> Phases, string? Number, string Symbol, bool DecisionAttachment, string Reference, DateOnly? IssueDate,
    IReadOnlyList<LegalBasis> LegalBases, string? Purposes, string? Requirements, DateOnly? AgencyPlansDueDate, Guid? ParentPlanId, string Status,
    Guid? SupersedesPlanId, Guid? SupersededByPlanId, string? IssuedBy, DateTimeOffset? IssuedAt, IReadOnlyList<TargetResponse> Targets,
    IReadOnlyList<TaskResponse> Tasks)
{
    public static PlanResponse From(Plan p, IReadOnlyDictionary<string, string> names) => new(
        p.Id, EnumNames.Name(p.IssuerLevel), p.UnitCode, p.ProvinceCode, p.AgencyCode, p.IssuerName, p.Title, p.FromYear, p.ToYear, p.Phases,
        p.Number, p.Symbol, p.DecisionAttachment, p.Reference, p.IssueDate, p.LegalBases, p.Purposes, p.Requirements, p.AgencyPlansDueDate,
        p.ParentPlanId, EnumNames.Name(p.Status), p.SupersedesPlanId, p.SupersededByPlanId, p.IssuedBy, p.IssuedAt,
        [.. p.Targets.OrderBy(t => t.Ordinal).Select(TargetResponse.From)], [.. p.Tasks.OrderBy(t => t.Ordinal).Select(t => TaskResponse.From(t, names))]);
}

public sealed record ProgressResponse(
    Guid Id, PlanTaskStatus Status, DateOnly Date, string? Note, string? Evidence, string? Reason, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ProgressResponse From(TaskProgress p) => new(p.Id, p.Status, p.ReportedOn, p.Note, p.Evidence, p.Reason, p.RecordedBy, p.RecordedAt);
}

public sealed record UnitBodyResponse(string AgencyCode, string Name, Contracts.Identity.AgencyKind Kind);

/// <summary>An indicator's value for a unit and a period: numerator ÷ denominator, and the rate in percent (null with nothing due).</summary>
public sealed record IndicatorValue(string Code, int Numerator, int Denominator, decimal? Rate);

public sealed record IssueInput(string? Number, DateOnly? IssueDate);

public sealed record ProgressInput(string? Status, DateOnly? Date, string? Note, string? Evidence, string? Reason);

public sealed record DueDateInput(DateOnly? DueDate);
