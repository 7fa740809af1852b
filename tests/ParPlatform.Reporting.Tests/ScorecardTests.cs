using ParPlatform.Contracts.Plans;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Indicators;
using ParPlatform.SharedKernel.Reporting;
using static ParPlatform.Reporting.Tests.TamThanhFigures;

namespace ParPlatform.Reporting.Tests;

/// <summary>Targets of the unit's plans against the indicators' values, and the province's values as Σ numerators ÷ Σ denominators.</summary>
public sealed class ScorecardTests
{
    private static readonly Guid Plan2026 = Guid.NewGuid(), AgencyPlan = Guid.NewGuid(), OldPlan = Guid.NewGuid();

    private static TargetSet Target(Guid plan, string indicator, TargetComparator comparator, decimal threshold, int from = 2026, int to = 2026,
        string? field = null, string? channel = null) => new()
    {
        UnitCode = Unit, ProvinceCode = Province, PlanId = plan, TargetId = Guid.NewGuid(), IndicatorCode = indicator, Comparator = comparator,
        Threshold = threshold, FromYear = from, ToYear = to, Field = field, Channel = channel, Area = ParArea.Procedures,
    };

    private static PlanIssued Plan(Guid id, string reference, string? agency = null) => new()
    {
        UnitCode = Unit, ProvinceCode = Province, PlanId = id, AgencyCode = agency, Reference = reference, IssueDate = new DateOnly(2026, 2, 3),
        FromYear = 2026, ToYear = 2026, TargetCount = 1, TaskCount = 0,
    };

    private static IReadOnlyList<IndicatorValue> Values(UnitSources sources) => IndicatorValues.ForUnit(Dossiers().Window.Rates,
        new FeedbackStatistics(1, 1, 1, Rate.Of(1, 1)),
        ReportFigures.OfSources(sources, Scheduled, ReportDate).ToDictionary(f => f.Code, StringComparer.Ordinal),
        []);

    [Fact]
    public void Each_target_of_the_unit_s_plans_in_force_is_met_not_met_or_without_data()
    {
        var field = DossierRates.Of(new DossierCounts { ResolvedEarly = 8, ResolvedLate = 2 });
        Expected[] targets =
        [
            new(Target(Plan2026, "Dossiers.OnTimeRate", TargetComparator.GreaterThan, 99), "met"), // 1.733 / 1.743 = 99,43% (001:236)
            new(Target(Plan2026, "Finance.DisbursementRate", TargetComparator.AtLeast, 90), "not-met"), // 2026's plan, nothing disbursed yet
            new(Target(Plan2026, "Staffing.QuotaUse", TargetComparator.AtMost, 100), "met"), // 364 / 379
            new(Target(Plan2026, "EOffice.ElectronicDocumentRate", TargetComparator.Equal, 100), "no-data"), // not entered
            new(Target(Plan2026, "Dossiers.OnTimeRate", TargetComparator.AtLeast, 90, field: "Hộ tịch"), "not-met"), // 8 / 10 on that field
            new(Target(Plan2026, "Dossiers.OnlineRate", TargetComparator.AtLeast, 80, channel: "postal"), "no-data"), // by channel
            new(Target(Plan2026, "Dossiers.OnlineRate", TargetComparator.AtLeast, 80, from: 2027, to: 2030), null), // another year: not on the card
            new(Target(AgencyPlan, "Dossiers.OnlineRate", TargetComparator.AtLeast, 80), null), // an agency's plan: not the unit's card
            new(Target(OldPlan, "Dossiers.OnlineRate", TargetComparator.AtLeast, 80), null), // a superseded plan
        ];
        var sources = Sources() with
        {
            Plans = [Plan(Plan2026, "15/KH-UBND"), Plan(AgencyPlan, "02/KH-VP", agency: "VP"), Plan(OldPlan, "09/KH-UBND")],
            SupersededPlans = [new PlanSuperseded { UnitCode = Unit, ProvinceCode = Province, PlanId = OldPlan, SupersededByPlanId = Plan2026 }],
            Targets = [.. targets.Select(t => t.Set)],
        };

        var card = Scorecard.Of(Unit, "Phường Tam Thanh", sources, 2026, Values(sources), new Dictionary<string, DossierRates> { ["Hộ tịch"] = field });

        Assert.Equal(
            targets.Where(t => t.Result is not null).Select(t => (t.Set.TargetId, t.Result!)).OrderBy(t => t.TargetId),
            card.Lines.Select(l => (l.TargetId, l.Result)).OrderBy(t => t.TargetId));
        Assert.Equal((6, 2, 2, 2), (card.Targets, card.Met, card.NotMet, card.NoData));
        Assert.Equal(50m, card.MetRate.Percent);
        var onTime = card.Lines.Single(l => l.TargetId == targets[0].Set.TargetId);
        Assert.Equal(1733m * 100 / 1743, onTime.Value);
        Assert.Equal(("15/KH-UBND", "procedures", "greater-than"), (onTime.PlanReference, onTime.Area, onTime.Comparator));
    }

    private sealed record Expected(TargetSet Set, string? Result);


    [Fact]
    public void The_province_s_rate_is_the_sum_of_numerators_over_the_sum_of_denominators_not_an_average_of_rates()
    {
        var onTime = IndicatorCatalogue.Find("Dossiers.OnTimeRate")!;
        var vacancies = IndicatorCatalogue.Find("Staffing.Vacancies")!;
        IReadOnlyList<IndicatorValue> Unit(decimal numerator, decimal denominator, decimal? vacant) =>
            [IndicatorValue.Of(onTime, numerator, denominator), IndicatorValue.Of(vacancies, vacant, null)];

        var province = IndicatorValues.ForProvince([Unit(99, 100, 15), Unit(1, 10, null), Unit(0, 0, 3)]).ToDictionary(v => v.Code);

        Assert.Equal((100m, 110m), (province["Dossiers.OnTimeRate"].Numerator, province["Dossiers.OnTimeRate"].Denominator));
        Assert.Equal(100m * 100 / 110, province["Dossiers.OnTimeRate"].Value); // 90,9%, not (99% + 10%) / 2
        Assert.Equal(18m, province["Staffing.Vacancies"].Value);
        Assert.Null(province["Finance.DisbursementRate"].Value);
    }

    [Fact]
    public void Units_rank_by_the_share_of_targets_met_equal_shares_sharing_a_rank_and_units_without_data_last()
    {
        UnitScorecard Card(string unit, int met, int notMet, int noData) =>
            new(unit, unit, met + notMet + noData, met, notMet, noData, Rate.Of(met, met + notMet), []);

        var ranked = Scorecard.Rank([Card("06112", 1, 1, 0), Card("06118", 3, 0, 1), Card("06181", 0, 0, 2), Card("06190", 1, 1, 0)]);

        Assert.Equal([(1, "06118"), (2, "06112"), (2, "06190"), ((int?)null, "06181")], ranked.Select(r => (r.Rank, r.UnitCode)));
    }

    [Theory]
    [InlineData("Dossiers.OnTimeRate", 1.0, 10.0, "code")] // computed, not entered
    [InlineData("EOffice.ElectronicDocumentRate", 11.0, 10.0, "numerator")]
    [InlineData("EOffice.ElectronicDocumentRate", 1.0, 0.0, "denominator")]
    [InlineData("Procedures.InterLevelCount", 30.0, 31.0, "denominator")]
    [InlineData("Procedures.InterLevelCount", 30.5, null, "numerator")]
    public void An_entered_indicator_refuses_what_it_cannot_be(string code, double numerator, double? denominator, string field)
    {
        var report = Report.Open(Unit, Province, "2026-Q1");

        var refused = Assert.Throws<SharedKernel.DomainInputException>(() =>
            report.EnterIndicator(code, (decimal)numerator, (decimal?)denominator, null, "officer", DateTimeOffset.UnixEpoch));

        Assert.Equal(field, refused.Field);
    }
}
