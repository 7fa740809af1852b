using Refit;

namespace ParPlatform.Web.Api;

/// <summary>A count of a count (the quota in use, those with a degree): no percent when the denominator is nought.</summary>
public sealed record CountRate(int Numerator, int Denominator, decimal? Percent, string? Text);

/// <summary>A quota the province assigned for a year (the whole unit's when no agency), provisional ("tạm giao") or not.</summary>
public sealed record Quota(
    int Year, string? AgencyCode, int CivilServants, int PublicEmployees, int BudgetPaidPublicEmployees, int SelfPaidPublicEmployees, int Total,
    bool Provisional, string? Decision, DateOnly DecidedOn);

public sealed record Headcount(DateOnly AsOf, string? AgencyCode, int CivilServants, int PublicEmployees, int Total);

/// <summary>A category of staff against its quota: the vacancies, how far above it, the quota in use.</summary>
public sealed record CategoryLine(string Category, int? Quota, int? InPost, int? Vacancies, int OverBy, bool OverQuota, CountRate? QuotaUse);

public sealed record ScopeStaffing(string? AgencyCode, Quota? Quota, Headcount? Headcount, IReadOnlyList<CategoryLine> Lines, bool OverQuota);

/// <summary>A unit's staffing of a year as of a date: the whole unit, and each agency with a quota or a headcount.</summary>
public sealed record StaffingYear(int Year, DateOnly AsOf, ScopeStaffing Unit, IReadOnlyList<ScopeStaffing> Agencies);

public sealed record QuotaInput(
    string? AgencyCode, int? CivilServants, int? BudgetPaidPublicEmployees, int? SelfPaidPublicEmployees, bool? Provisional, string? Decision,
    DateOnly? DecidedOn);

public sealed record HeadcountInput(DateOnly? AsOf, string? AgencyCode, int? CivilServants, int? PublicEmployees);

public sealed record HeadcountRecorded(Headcount Headcount, bool OverQuota);

/// <summary>A reporting period's movements; a count not reported is null.</summary>
public sealed record Movements(
    string Period, string PeriodName, int? RecruitedCivilServants, int? RecruitedPublicEmployees, int? TransferredToCivilService, int? TransferredOut,
    int? Retired, int? Resigned, int? Disciplined, int? PromotionRegistrations, int? TrainingPlanned, int? TrainingCompleted);

public sealed record MovementsInput(
    int? RecruitedCivilServants, int? RecruitedPublicEmployees, int? TransferredToCivilService, int? TransferredOut, int? Retired, int? Resigned,
    int? PromotionRegistrations, int? TrainingPlanned, int? TrainingCompleted);

/// <summary>The quotas a file set and the headcounts it recorded.</summary>
public sealed record StaffingImported(IReadOnlyList<Quota> Quotas, IReadOnlyList<Headcount> Headcounts);

/// <summary>A unit's staffing (biên chế), through the gateway (/api/v1/units/{unitCode}/staffing).</summary>
public interface IStaffingApi
{
    [Get("/api/v1/units/{unitCode}/staffing/{year}")]
    Task<StaffingYear> YearAsync(string unitCode, int year, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/staffing/quotas/{year}")]
    Task<Quota> SetQuotaAsync(string unitCode, int year, [Body] QuotaInput input, CancellationToken cancellationToken);

    [Post("/api/v1/units/{unitCode}/staffing/headcounts")]
    Task<HeadcountRecorded> RecordHeadcountAsync(string unitCode, [Body] HeadcountInput input, CancellationToken cancellationToken);

    /// <summary>A period's movements ("2026-Q1"), or 404 when none were recorded.</summary>
    [Get("/api/v1/units/{unitCode}/staffing/movements/{period}")]
    Task<Movements> MovementsAsync(string unitCode, string period, CancellationToken cancellationToken);

    [Put("/api/v1/units/{unitCode}/staffing/movements/{period}")]
    Task<Movements> RecordMovementsAsync(string unitCode, string period, [Body] MovementsInput input, CancellationToken cancellationToken);
}

/// <summary>Sending a file of quotas and headcounts, on a client of its own like <see cref="IFinanceUploadsApi"/>.</summary>
public interface IStaffingUploadsApi
{
    /// <summary>Sets the file's quotas and records its headcounts (CSV or an Excel workbook), all or none: a bad row answers 400 with every bad row.</summary>
    [Post("/api/v1/units/{unitCode}/staffing/import")]
    Task<StaffingImported> ImportAsync(string unitCode, [Body] HttpContent file, CancellationToken cancellationToken);
}
