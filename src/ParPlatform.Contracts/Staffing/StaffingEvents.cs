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
