using System.Globalization;
using ParPlatform.Finance.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Tests;

/// <summary>Rates of amounts as seed 001 prints them: whole ("85%") or to one decimal ("82,4%"), a decimal comma only when needed.</summary>
public sealed class MoneyRateTests
{
    private static decimal D(string number) => decimal.Parse(number, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("3969.4", "4649", "85.38", "85%", "85,4%")] // 2025 disbursement, in total (001:129)
    [InlineData("3190.4", "3870", "82.44", "82%", "82,4%")] // NSDP
    [InlineData("779", "779", "100", "100%", "100%")] // NSTW
    [InlineData("21799", "14533", "150.00", "150%", "150%")] // land-use fees vs the province's estimate: 149,996…
    [InlineData("30000", "214286", "14.00", "14%", "14%")] // spending vs the unit's own: 13,99998…
    [InlineData("1", "3", "33.33", "33%", "33,3%")]
    [InlineData("2", "3", "66.67", "67%", "66,7%")]
    [InlineData("12345", "1000", "1234.5", "1.235%", "1.234,5%")]
    [InlineData("0", "18125", "0", "0%", "0%")]
    public void A_rate_is_printed_as_the_report_prints_it(string part, string whole, string percent, string text, string oneDecimal)
    {
        var rate = MoneyRate.Of(Money.FromMillions(D(part)), Money.FromMillions(D(whole)));

        Assert.Equal((D(percent), text, oneDecimal), (rate.Percent!.Value, rate.Text, rate.TextOneDecimal));
    }

    [Fact]
    public void Nothing_planned_has_no_rate_not_zero()
    {
        var rate = MoneyRate.Of(Money.Zero, Money.Zero);

        Assert.Equal((null, null, null), (rate.Percent, rate.Text, rate.TextOneDecimal));
    }

    [Theory]
    [InlineData("3190.4", 3_190_400_000L)]
    [InlineData("0.000001", 1L)]
    public void Millions_are_entered_to_the_dong(string millions, long dong) =>
        Assert.Equal(new Money(dong), Millions.Parse("millions", D(millions), positive: true));

    [Theory]
    [InlineData("0.0000001", "chỉ đến đồng")]
    [InlineData("0", "lớn hơn 0")]
    [InlineData("-1", "lớn hơn 0")]
    [InlineData("100000000.5", "quá lớn")]
    public void Millions_that_are_no_amount_are_refused_naming_the_field(string millions, string reason)
    {
        var refused = Assert.Throws<DomainInputException>(() => Millions.Parse("allocations[2].millions", D(millions), positive: true));

        Assert.Equal("allocations[2].millions", refused.Field);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
