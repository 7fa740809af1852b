using ParPlatform.Contracts.Plans;
using ParPlatform.Plans.Domain;
using ParPlatform.SharedKernel.Indicators;

namespace ParPlatform.Plans.Tests;

/// <summary>Taking a province target over: keeping or tightening it is allowed, loosening it is not (an independent table).</summary>
public sealed class MeasureTests
{
    private const TargetComparator Gt = TargetComparator.GreaterThan, Ge = TargetComparator.AtLeast, Eq = TargetComparator.Equal,
        Le = TargetComparator.AtMost, Lt = TargetComparator.LessThan;

    [Theory]
    // Lạng Sơn's "≥ 98% on time" (seed 002 3.3.1): a unit keeps it, raises it, or makes it 100%.
    [InlineData(Ge, 98, Ge, 98, true)]
    [InlineData(Ge, 98, Ge, 99, true)]
    [InlineData(Ge, 98, Eq, 100, true)]
    [InlineData(Ge, 98, Gt, 98, true)]
    [InlineData(Ge, 98, Gt, 97, false)]
    [InlineData(Ge, 98, Ge, 95, false)]
    [InlineData(Ge, 98, Le, 100, false)]
    // "trên 90%" online payments (seed 002 body): "≥ 90%" is looser, "≥ 95%" tighter.
    [InlineData(Gt, 90, Ge, 90, false)]
    [InlineData(Gt, 90, Ge, 95, true)]
    [InlineData(Gt, 90, Gt, 90, true)]
    [InlineData(Gt, 90, Eq, 90, false)]
    // "= 100%" stays "= 100%".
    [InlineData(Eq, 100, Eq, 100, true)]
    [InlineData(Eq, 100, Ge, 100, false)]
    [InlineData(Eq, 100, Eq, 99, false)]
    // "không vượt quá số biên chế được giao" (≤ 100%), and "không có … bị kỷ luật" (= 0).
    [InlineData(Le, 100, Le, 95, true)]
    [InlineData(Le, 100, Lt, 100, true)]
    [InlineData(Le, 100, Le, 101, false)]
    [InlineData(Le, 100, Ge, 0, false)]
    [InlineData(Lt, 10, Le, 10, false)]
    [InlineData(Lt, 10, Le, 9, true)]
    [InlineData(Lt, 10, Eq, 10, false)]
    [InlineData(Le, 0, Eq, 0, true)]
    public void A_unit_target_keeps_or_tightens_the_province_one(
        TargetComparator province, int provinceThreshold, TargetComparator unit, int unitThreshold, bool allowed)
    {
        var from = new Measure("Dossiers.OnTimeRate", province, provinceThreshold);
        var to = new Measure("Dossiers.OnTimeRate", unit, unitThreshold);

        Assert.Equal(allowed, to.Implies(from));
    }

    [Fact]
    public void Another_indicator_never_stands_for_the_province_one() =>
        Assert.False(new Measure("Dossiers.OnlineRate", Ge, 99).Implies(new Measure("Dossiers.OnTimeRate", Ge, 98)));

    [Fact]
    public void Measures_read_as_the_plans_write_them()
    {
        Assert.Equal("Dossiers.OnTimeRate ≥ 98%", new Measure("Dossiers.OnTimeRate", Ge, 98).ToString());
        Assert.Equal("Procedures.InterLevelCount ≥ 30", new Measure("Procedures.InterLevelCount", Ge, 30).ToString());
    }

    [Fact]
    public void Counts_are_whole_and_rates_are_not_negative_but_may_exceed_100_as_Chi_Lang_writes()
    {
        Assert.NotNull(Measure.ThresholdProblem(IndicatorCatalogue.Find("Procedures.InterLevelCount")!, 30.5m));
        Assert.NotNull(Measure.ThresholdProblem(IndicatorCatalogue.Find("Dossiers.OnTimeRate")!, -1));
        Assert.Null(Measure.ThresholdProblem(IndicatorCatalogue.Find("Staffing.UniversityDegreeRate")!, 100)); // "trên 100%" (003:83)
        Assert.Null(Measure.ThresholdProblem(IndicatorCatalogue.Find("Staffing.BudgetPaidChangeVsBaseline")!, -10)); // "giảm 10%" (003:73)
    }

    [Fact]
    public void The_catalogue_holds_every_indicator_the_seed_plans_need_once()
    {
        string[] seeds =
        [
            "Plans.TaskCompletionRate", "LegalDocs.ProperProcedureRate", "LegalDocs.DetailRegulationOnTimeRate", "LegalDocs.ReviewIssuesHandledRate",
            "Dossiers.ElectronicResultRate", "Dossiers.DataReuseRate", "Feedback.OnTimeRate", "Dossiers.SatisfactionRate",
            "Staffing.JobPositionSchemesReviewedRate", "Finance.DisbursementRate", "EOffice.ElectronicDirectionRate", "EOffice.OnlineWorkRecordRate",
            "Dossiers.DigitisationRate", "Procedures.InterLevelCount", "Plans.ProvinceAssignedTaskCompletionRate", "Dossiers.SyncedToNationalPortalRate",
            "Finance.PsuDirectSpendingChangeVsBaselinePeriod", "Survey.SipasSatisfaction", "Plans.SocioEconomicTargetsMet",
        ];

        Assert.All(seeds, code => Assert.NotNull(IndicatorCatalogue.Find(code)));
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Code).Distinct().Count());
        Assert.Equal(IndicatorSource.Computed, IndicatorCatalogue.Find("Plans.TaskCompletionRate")!.Source);
        Assert.Equal(IndicatorSource.Entered, IndicatorCatalogue.Find("EOffice.ElectronicDocumentRate")!.Source);
    }
}
