namespace ParPlatform.Staffing.Domain;

/// <summary>
/// <c>Staffing.BudgetPaidChangeVsBaseline</c>: the budget-paid public employees of a year against a baseline year (the
/// 2026–2030 plans' "giảm 10% biên chế sự nghiệp hưởng lương từ NSNN so với năm 2025", seed 003:73), computed on both bases.
/// The target is evaluated on the quota (<see cref="AppliesTo"/>; docs/decisions/0003-budget-paid-target-on-the-quota.md):
/// "biên chế" is what the province assigns. The headcount is computed next to it, where both headcounts record the split.
/// </summary>
/// <param name="Quota">The year's budget-paid quota against the baseline year's; null without both.</param>
/// <param name="Headcount">
/// The budget-paid public employees in post as of the report's date against the last headcount of the baseline year; null
/// unless both record the split budget-paid / self-paid (seed 001's 319 does not).
/// </param>
public sealed record BudgetPaidChange(int BaselineYear, string AppliesTo, CountChange? Quota, CountChange? Headcount)
{
    /// <summary>The baseline of the 2026–2030 target (seed 003:73).</summary>
    public const int TargetBaselineYear = 2025;

    public const string OnQuota = "quota", OnHeadcount = "headcount";

    /// <summary>2025 for a year after it; otherwise the year before.</summary>
    public static int DefaultBaselineYear(int year) => year > TargetBaselineYear ? TargetBaselineYear : year - 1;

    public static BudgetPaidChange Of(int baselineYear, StaffingQuota? baselineQuota, StaffingQuota? quota, Headcount? baselineInPost, Headcount? inPost) =>
        new(baselineYear, OnQuota,
            baselineQuota is not null && quota is not null ? CountChange.Of(baselineYear, baselineQuota.BudgetPaidPublicEmployees, quota.BudgetPaidPublicEmployees) : null,
            baselineInPost?.BudgetPaidPublicEmployees is { } before && inPost?.BudgetPaidPublicEmployees is { } now ? CountChange.Of(baselineYear, before, now) : null);
}
