using ParPlatform.Contracts.Staffing;

namespace ParPlatform.Staffing.Domain;

/// <summary>
/// One value of an indicator of the catalogue (SharedKernel's IndicatorCatalogue) as the staffing service computes it: a rate
/// or change in percent with its numerator and denominator, or a count (<see cref="Numerator"/> null).
/// </summary>
/// <param name="Category">The staff category it is about; null when it is about no one category.</param>
/// <param name="Basis">For <c>Staffing.BudgetPaidChangeVsBaseline</c>: "quota" (what the target is evaluated on) or "headcount".</param>
public sealed record IndicatorValue(string Code, StaffCategory? Category, string? Basis, decimal? Value, int? Numerator, int? Denominator, string? Text);

/// <summary>The staffing service's computed indicators, as codes of the catalogue and as the flat list a report reads.</summary>
public static class StaffingIndicators
{
    public const string QuotaUse = "Staffing.QuotaUse";
    public const string Vacancies = "Staffing.Vacancies";
    public const string UniversityDegreeRate = "Staffing.UniversityDegreeRate";
    public const string BudgetPaidChangeVsBaseline = "Staffing.BudgetPaidChangeVsBaseline";
    public const string DisciplinedLeaders = "Staffing.DisciplinedLeaders";
    public const string TrainingPlanCompletion = "Staffing.TrainingPlanCompletion";
    public const string JobPositionSchemesReviewedRate = "Staffing.JobPositionSchemesReviewedRate";

    public static readonly IReadOnlyList<string> All =
        [QuotaUse, Vacancies, UniversityDegreeRate, BudgetPaidChangeVsBaseline, DisciplinedLeaders, TrainingPlanCompletion, JobPositionSchemesReviewedRate];

    /// <summary>
    /// The quota use and the vacancies of every category with both a quota and a headcount, the degree rates, and the
    /// budget-paid change on each basis that can be computed.
    /// </summary>
    public static IReadOnlyList<IndicatorValue> Of(IReadOnlyList<CategoryLine> lines, IReadOnlyList<DegreeLine> degrees, CountChange? onQuota, CountChange? onHeadcount)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(degrees);
        var values = new List<IndicatorValue>();
        foreach (var line in lines.Where(l => l.QuotaUse is not null))
            values.Add(new IndicatorValue(QuotaUse, line.Category, null, line.QuotaUse!.Percent, line.InPost, line.Quota, line.QuotaUse.Text));
        foreach (var line in lines.Where(l => l.Vacancies is not null))
            values.Add(new IndicatorValue(Vacancies, line.Category, null, line.Vacancies, null, null, null));
        foreach (var degree in degrees)
            values.Add(new IndicatorValue(UniversityDegreeRate, degree.Category, null, degree.Rate.Percent, degree.WithDegree, degree.InPost, degree.Rate.Text));
        foreach (var (basis, change) in new[] { (BudgetPaidChange.OnQuota, onQuota), (BudgetPaidChange.OnHeadcount, onHeadcount) })
        {
            if (change is not null)
                values.Add(new IndicatorValue(BudgetPaidChangeVsBaseline, StaffCategory.BudgetPaidPublicEmployees, basis, change.Percent, change.Current, change.Baseline, change.Text));
        }
        return values;
    }
}
