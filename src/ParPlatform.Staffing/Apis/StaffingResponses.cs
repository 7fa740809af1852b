using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Apis;

/// <summary>A quota as set: its categories and total, provisional or not, the decision.</summary>
public sealed record QuotaResponse(
    int Year, string? AgencyCode, int CivilServants, int PublicEmployees, int BudgetPaidPublicEmployees, int SelfPaidPublicEmployees, int Total,
    bool Provisional, string? Decision, DateOnly DecidedOn, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static QuotaResponse From(StaffingQuota q) => new(q.Year, q.AgencyCode, q.CivilServants, q.PublicEmployees, q.BudgetPaidPublicEmployees,
        q.SelfPaidPublicEmployees, q.Total, q.Provisional, q.Decision, q.DecidedOn, q.RecordedBy, q.RecordedAt);

    public static QuotaResponse? Maybe(StaffingQuota? q) => q is null ? null : From(q);
}

/// <summary>A headcount as recorded: its categories and total, those with a degree, the one-stop centre's roles.</summary>
public sealed record HeadcountResponse(
    DateOnly AsOf, string? AgencyCode, int CivilServants, int PublicEmployees, int? BudgetPaidPublicEmployees, int? SelfPaidPublicEmployees, int Total,
    int? CivilServantsWithDegree, int? PublicEmployeesWithDegree, OneStopRoles? OneStop, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static HeadcountResponse From(Headcount h) => new(h.AsOf, h.AgencyCode, h.CivilServants, h.PublicEmployees, h.BudgetPaidPublicEmployees,
        h.SelfPaidPublicEmployees, h.Total, h.CivilServantsWithDegree, h.PublicEmployeesWithDegree, h.Roles, h.RecordedBy, h.RecordedAt);

    public static HeadcountResponse? Maybe(Headcount? h) => h is null ? null : From(h);
}

/// <summary>
/// A headcount as recorded and how it stands against the quota of its scope and year: <see cref="OverQuota"/> when any
/// category is above it (recorded all the same; the violation is flagged).
/// </summary>
public sealed record HeadcountRecordedResponse(HeadcountResponse Headcount, QuotaResponse? Quota, IReadOnlyList<CategoryLine> Lines, bool OverQuota);

/// <summary>The quota and headcount of a scope (the whole unit, or an agency) compared category by category, with the degree rates.</summary>
public sealed record ScopeStaffing(
    string? AgencyCode, QuotaResponse? Quota, HeadcountResponse? Headcount, IReadOnlyList<CategoryLine> Lines, bool OverQuota, IReadOnlyList<DegreeLine> Degrees)
{
    public static ScopeStaffing Of(string? agencyCode, StaffingQuota? quota, Headcount? inPost)
    {
        var lines = QuotaComparison.Lines(quota, inPost);
        return new ScopeStaffing(agencyCode, QuotaResponse.Maybe(quota), HeadcountResponse.Maybe(inPost), lines, lines.Any(l => l.OverQuota),
            QuotaComparison.Degrees(inPost));
    }
}

/// <summary>
/// A unit's staffing of a year as of a date: the unit's quota of the year against its latest headcount on or before the
/// date — per category the vacancies, the over-quota flag and <c>Staffing.QuotaUse</c> (<see cref="Unit"/>.Lines); the
/// degree rates (<c>Staffing.UniversityDegreeRate</c>); <c>Staffing.BudgetPaidChangeVsBaseline</c>; the same per agency.
/// </summary>
/// <param name="Indicators">The unit's computed indicators as one flat list of catalogue codes (<see cref="StaffingIndicators.Of"/>).</param>
public sealed record StaffingReport(
    int Year, DateOnly AsOf, ScopeStaffing Unit, BudgetPaidChange BudgetPaidChange, IReadOnlyList<ScopeStaffing> Agencies, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// A unit's movements and people management of a period as recorded (a count not reported is null), with
/// <c>Staffing.DisciplinedLeaders</c> (target 0) and <c>Staffing.TrainingPlanCompletion</c> (completed ÷ planned).
/// </summary>
public sealed record MovementsReport(
    string Period, string PeriodName, int? RecruitedCivilServants, int? RecruitedPublicEmployees, int? TransferredToCivilService, int? TransferredOut,
    int? Retired, int? Resigned, IReadOnlyList<ParPlatform.Contracts.Staffing.DisciplineCount>? Discipline, int? Disciplined, int? DisciplinedLeaders,
    int? PromotionRegistrations, int? TrainingPlanned, int? TrainingCompleted, CountRate? TrainingPlanCompletion, IReadOnlyList<IndicatorValue> Indicators,
    string RecordedBy, DateTimeOffset RecordedAt)
{
    public static MovementsReport From(PeriodMovements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var training = m is { TrainingPlanned: > 0, TrainingCompleted: { } done } ? CountRate.Of(done, m.TrainingPlanned.Value) : null;
        var indicators = new List<IndicatorValue>();
        if (m.DisciplinedLeaders is { } leaders)
            indicators.Add(new IndicatorValue(StaffingIndicators.DisciplinedLeaders, null, null, leaders, null, null, null));
        if (training is not null)
            indicators.Add(new IndicatorValue(StaffingIndicators.TrainingPlanCompletion, null, null, training.Percent, training.Numerator, training.Denominator, training.Text));
        return new MovementsReport(m.Period.Code, m.Period.Name, m.RecruitedCivilServants, m.RecruitedPublicEmployees,
            m.TransferredToCivilService, m.TransferredOut, m.Retired, m.Resigned, m.DisciplineReported ? [.. m.Levels()] : null,
            m.DisciplineReported ? m.Discipline.Sum(d => d.Staff) : null, m.DisciplinedLeaders, m.PromotionRegistrations, m.TrainingPlanned,
            m.TrainingCompleted, training, indicators, m.RecordedBy, m.RecordedAt);
    }
}

public sealed record JobPositionSchemeResponse(string AgencyCode, bool Reviewed, bool Approved, DateOnly? ApprovedOn, string? Decision)
{
    public static JobPositionSchemeResponse From(JobPositionScheme s) => new(s.AgencyCode, s.Reviewed, s.Approved, s.ApprovedOn, s.Decision);
}

/// <summary>
/// The unit's agencies' job-position schemes, and over the agencies recorded: <c>Staffing.JobPositionSchemesReviewedRate</c>
/// (reviewed ÷ agencies) and the approved ÷ agencies.
/// </summary>
public sealed record JobPositionSchemesReport(string IndicatorCode, CountRate Reviewed, CountRate Approved, IReadOnlyList<JobPositionSchemeResponse> Agencies)
{
    public static JobPositionSchemesReport From(IReadOnlyList<JobPositionScheme> schemes) => new(StaffingIndicators.JobPositionSchemesReviewedRate,
        CountRate.Of(schemes.Count(s => s.Reviewed), schemes.Count), CountRate.Of(schemes.Count(s => s.Approved), schemes.Count),
        [.. schemes.OrderBy(s => s.AgencyCode, StringComparer.Ordinal).Select(JobPositionSchemeResponse.From)]);
}
