using ParPlatform.SharedKernel.Indicators;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Tests;

/// <summary>Every indicator the staffing service computes is in the shared catalogue, as computed by staffing.</summary>
public sealed class IndicatorTests
{
    [Fact]
    public void The_staffing_indicators_are_the_catalogue_s_computed_staffing_indicators()
    {
        Assert.All(StaffingIndicators.All, code => Assert.Equal(("staffing", IndicatorSource.Computed), (IndicatorCatalogue.Find(code)!.Service, IndicatorCatalogue.Find(code)!.Source)));
        Assert.Equal(
            StaffingIndicators.All.Order(StringComparer.Ordinal),
            IndicatorCatalogue.All.Where(i => i.Service == "staffing" && i.Source == IndicatorSource.Computed).Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.Equal([IndicatorMeasure.Count, IndicatorMeasure.Count, IndicatorMeasure.Change],
            new[] { StaffingIndicators.Vacancies, StaffingIndicators.DisciplinedLeaders, StaffingIndicators.BudgetPaidChangeVsBaseline }.Select(c => IndicatorCatalogue.Find(c)!.Measure));
    }

    [Theory]
    [InlineData(364, 379, "96%", "96%", 96.04)]
    [InlineData(45, 52, "87%", "86,5%", 86.54)]
    [InlineData(6, 6, "100%", "100%", 100)]
    [InlineData(22, 20, "110%", "110%", 110)]
    public void A_rate_prints_as_the_reports_print_it(int numerator, int denominator, string whole, string oneDecimal, decimal percent)
    {
        var rate = CountRate.Of(numerator, denominator);

        Assert.Equal((whole, oneDecimal, percent), (rate.Text, rate.TextOneDecimal, rate.Percent));
    }

    [Fact]
    public void A_change_is_negative_for_a_decrease_and_unknown_without_a_baseline()
    {
        Assert.Equal((-10m, "-10%"), (CountChange.Of(2025, 200, 180).Percent, CountChange.Of(2025, 200, 180).Text));
        Assert.Equal(("5%", "5,3%"), (CountChange.Of(2025, 190, 200).Text, CountChange.Of(2025, 190, 200).TextOneDecimal));
        Assert.Null(CountChange.Of(2025, 0, 5).Percent);
        Assert.Null(CountRate.Of(0, 0).Text);
    }
}
