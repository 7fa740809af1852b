namespace ParPlatform.Contracts.Staffing;

/// <summary>
/// The staffing quota (biên chế được giao) of a year was set by the province's decision, for the whole unit or one of its
/// agencies, or set again (the new one replaces it).
/// </summary>
public sealed record QuotaSet : IntegrationEvent
{
    public required int Year { get; init; }

    /// <summary>The agency's code in the unit's registry; null for the whole unit.</summary>
    public string? AgencyCode { get; init; }

    public required int CivilServants { get; init; }

    public required int BudgetPaidPublicEmployees { get; init; }

    public required int SelfPaidPublicEmployees { get; init; }

    /// <summary>Civil servants and public employees of both kinds.</summary>
    public required int Total { get; init; }

    /// <summary>Assigned provisionally ("tạm giao").</summary>
    public required bool Provisional { get; init; }

    /// <summary>The province's decision as printed, e.g. "1234/QĐ-UBND"; null when not given.</summary>
    public string? Decision { get; init; }

    public required DateOnly DecidedOn { get; init; }
}

/// <summary>The headcount in post (biên chế hiện có) on a date was recorded, for the whole unit or one of its agencies.</summary>
public sealed record HeadcountRecorded : IntegrationEvent
{
    public required DateOnly AsOf { get; init; }

    /// <summary>The agency's code in the unit's registry; null for the whole unit.</summary>
    public string? AgencyCode { get; init; }

    public required int CivilServants { get; init; }

    public required int PublicEmployees { get; init; }

    /// <summary>Of the public employees, those paid from the state budget; null when the split is not recorded.</summary>
    public int? BudgetPaidPublicEmployees { get; init; }

    /// <summary>Of the public employees, those paid from the unit's own revenue; null when the split is not recorded.</summary>
    public int? SelfPaidPublicEmployees { get; init; }

    public required int Total { get; init; }

    /// <summary>Civil servants with a university degree or above; null when not recorded.</summary>
    public int? CivilServantsWithDegree { get; init; }

    /// <summary>Public employees with a university degree or above; null when not recorded.</summary>
    public int? PublicEmployeesWithDegree { get; init; }
}

/// <summary>One category over its quota: the quota and the headcount in post.</summary>
public sealed record OverQuotaCategory(StaffCategory Category, int Quota, int InPost);

/// <summary>
/// A headcount above the quota of its year (it happens after mergers): recorded, and flagged by this event, when a
/// headcount over the quota is recorded or a quota below the headcount in post is set.
/// </summary>
public sealed record OverQuotaFlagged : IntegrationEvent
{
    public required int Year { get; init; }

    /// <summary>The date of the headcount in post.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The agency's code; null for the whole unit.</summary>
    public string? AgencyCode { get; init; }

    /// <summary>Each category over its quota.</summary>
    public required IReadOnlyList<OverQuotaCategory> Categories { get; init; }
}

/// <summary>How many were disciplined at one level in a period, and how many of them hold a leading post.</summary>
public sealed record DisciplineCount(DisciplineLevel Level, int Staff, int Leaders);

/// <summary>
/// A unit's staff movements and people management of a reporting period were recorded (or recorded again, replacing them):
/// counts, not personal records; a count not reported is null.
/// </summary>
public sealed record MovementsRecorded : IntegrationEvent
{
    /// <summary>The reporting period's code: "2026-Q1", "2026-6M", "2026-Q3" or "2026-Y".</summary>
    public required string Period { get; init; }

    public int? RecruitedCivilServants { get; init; }

    public int? RecruitedPublicEmployees { get; init; }

    /// <summary>Public employees who became civil servants (viên chức xét chuyển sang công chức).</summary>
    public int? TransferredToCivilService { get; init; }

    /// <summary>Staff transferred out of the unit.</summary>
    public int? TransferredOut { get; init; }

    public int? Retired { get; init; }

    public int? Resigned { get; init; }

    /// <summary>Those disciplined, per level; null when not reported, empty when nobody was.</summary>
    public IReadOnlyList<DisciplineCount>? Discipline { get; init; }

    /// <summary>Leaders disciplined at reprimand or above (Staffing.DisciplinedLeaders, target 0); null when not reported.</summary>
    public int? DisciplinedLeaders { get; init; }

    /// <summary>Places registered for promotion by review (đăng ký xét thăng hạng): not exams, not completed promotions.</summary>
    public int? PromotionRegistrations { get; init; }

    /// <summary>Training places in the period's plan (đào tạo, bồi dưỡng).</summary>
    public int? TrainingPlanned { get; init; }

    public int? TrainingCompleted { get; init; }
}

/// <summary>An agency's job-position scheme (đề án vị trí việc làm) was recorded as reviewed, and possibly approved.</summary>
public sealed record JobPositionSchemeRecorded : IntegrationEvent
{
    /// <summary>The agency's code in the unit's registry.</summary>
    public required string AgencyCode { get; init; }

    public required bool Reviewed { get; init; }

    public required bool Approved { get; init; }

    public DateOnly? ApprovedOn { get; init; }

    /// <summary>The approving decision as printed; null when not given.</summary>
    public string? Decision { get; init; }
}
