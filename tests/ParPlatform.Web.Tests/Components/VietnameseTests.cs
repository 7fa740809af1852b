using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Web;

namespace ParPlatform.Web.Tests.Components;

/// <summary>Numbers, rates and dates as a Vietnamese report prints them (seed 001, Tam Thanh's first quarter of 2026).</summary>
public sealed class VietnameseTests
{
    [Theory]
    [InlineData(1877, "1.877")]
    [InlineData(2057, "2.057")]
    [InlineData(180, "180")]
    [InlineData(0, "0")]
    [InlineData(1234567, "1.234.567")]
    public void Counts_group_thousands_with_a_dot(long value, string printed) => Assert.Equal(printed, Vietnamese.Number(value));

    [Theory]
    [InlineData("99.43", "99,43%")]
    [InlineData("98.75", "98,75%")]
    [InlineData("100", "100%")]
    [InlineData("18.18", "18,18%")]
    [InlineData("82.4", "82,4%")]
    public void Rates_have_a_decimal_comma(string percent, string printed) =>
        Assert.Equal(printed, Vietnamese.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_rate_with_nothing_to_compare_with_is_a_dash() => Assert.Equal("–", Vietnamese.Percent(Rate.Of(0, 0)));

    [Fact]
    public void A_rate_reads_its_percent() => Assert.Equal("99,43%", Vietnamese.Percent(Rate.Of(1733, 1743)));

    [Fact]
    public void Dates_are_day_month_year() => Assert.Equal("05/03/2026", Vietnamese.Date(new DateOnly(2026, 3, 5)));

    [Fact]
    public void Instants_are_in_Vietnam_time()
    {
        // 16:59 in Hanoi is 09:59 UTC; a dossier received at 23:30 UTC on 28/02 was received on 01/03 in Vietnam.
        Assert.Equal("05/03/2026 16:59", Vietnamese.DateTime(new DateTimeOffset(2026, 3, 5, 9, 59, 0, TimeSpan.Zero)));
        Assert.Equal("01/03/2026 06:30", Vietnamese.DateTime(new DateTimeOffset(2026, 2, 28, 23, 30, 0, TimeSpan.Zero)));
    }
}
