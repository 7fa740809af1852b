using ParPlatform.Contracts.Staffing;

namespace ParPlatform.Staffing.Domain;

/// <summary>
/// A category's quota against its headcount in post: vacancies (quota − in post, when not above it), how many above the
/// quota (a violation, recorded all the same) and <c>Staffing.QuotaUse</c> (in post ÷ quota). A figure not recorded is null.
/// </summary>
public sealed record CategoryLine(StaffCategory Category, int? Quota, int? InPost, int? Vacancies, int OverBy, bool OverQuota, CountRate? QuotaUse)
{
    public static CategoryLine Of(StaffCategory category, int? quota, int? inPost) => quota is { } q && inPost is { } p
        ? new CategoryLine(category, q, p, Math.Max(q - p, 0), Math.Max(p - q, 0), p > q, CountRate.Of(p, q))
        : new CategoryLine(category, quota, inPost, null, 0, false, null);
}

/// <summary><c>Staffing.UniversityDegreeRate</c> of a category: those with a university degree or above ÷ those in post.</summary>
public sealed record DegreeLine(StaffCategory Category, int WithDegree, int InPost, CountRate Rate)
{
    public static DegreeLine Of(StaffCategory category, int withDegree, int inPost) => new(category, withDegree, inPost, CountRate.Of(withDegree, inPost));
}

/// <summary>How a headcount compares with the quota of its scope and year, category by category.</summary>
public static class QuotaComparison
{
    /// <summary>Total, civil servants, public employees, budget-paid and self-paid public employees, in this order.</summary>
    public static IReadOnlyList<CategoryLine> Lines(StaffingQuota? quota, Headcount? inPost) =>
    [
        CategoryLine.Of(StaffCategory.Total, quota?.Total, inPost?.Total),
        CategoryLine.Of(StaffCategory.CivilServants, quota?.CivilServants, inPost?.CivilServants),
        CategoryLine.Of(StaffCategory.PublicEmployees, quota?.PublicEmployees, inPost?.PublicEmployees),
        CategoryLine.Of(StaffCategory.BudgetPaidPublicEmployees, quota?.BudgetPaidPublicEmployees, inPost?.BudgetPaidPublicEmployees),
        CategoryLine.Of(StaffCategory.SelfPaidPublicEmployees, quota?.SelfPaidPublicEmployees, inPost?.SelfPaidPublicEmployees),
    ];

    /// <summary>Each category of <paramref name="inPost"/> above <paramref name="quota"/>.</summary>
    public static IReadOnlyList<OverQuotaCategory> Over(StaffingQuota quota, Headcount inPost) =>
        [.. Lines(quota, inPost).Where(l => l.OverQuota).Select(l => new OverQuotaCategory(l.Category, l.Quota!.Value, l.InPost!.Value))];

    /// <summary>The degree rates of the categories whose degree count is recorded, and of the total when both are.</summary>
    public static IReadOnlyList<DegreeLine> Degrees(Headcount? inPost)
    {
        if (inPost is null)
            return [];
        var lines = new List<DegreeLine>();
        if (inPost is { CivilServantsWithDegree: { } cs, PublicEmployeesWithDegree: { } pe })
            lines.Add(DegreeLine.Of(StaffCategory.Total, cs + pe, inPost.Total));
        if (inPost.CivilServantsWithDegree is { } civil)
            lines.Add(DegreeLine.Of(StaffCategory.CivilServants, civil, inPost.CivilServants));
        if (inPost.PublicEmployeesWithDegree is { } employees)
            lines.Add(DegreeLine.Of(StaffCategory.PublicEmployees, employees, inPost.PublicEmployees));
        return lines;
    }
}
