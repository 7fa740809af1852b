using System.Text.Json;

namespace ParPlatform.SharedKernel.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(44_553_000_000L, "44.553")] // revenue year to date, seed 001:123
    [InlineData(21_799_000_000L, "21.799")] // land-use fees, 001:123
    [InlineData(3_969_400_000L, "3.969,4")] // 2025 capital disbursed by 31/01/2026, 001:129
    [InlineData(3_190_400_000L, "3.190,4")] // of it from the local budget, 001:129
    [InlineData(779_000_000L, "779")] // from the central budget, 001:129
    [InlineData(18_125_000_000L, "18.125")] // the 2026 capital plan, 001:131
    [InlineData(0L, "0")]
    [InlineData(500L, "0,0005")]
    [InlineData(1_234_567_891_234L, "1.234.567,891234")]
    [InlineData(-1_200_000_000L, "-1.200")]
    public void Prints_in_millions_with_a_decimal_comma_only_when_the_decimal_is_not_zero(long dong, string printed)
    {
        Assert.Equal(printed, new Money(dong).ToMillionsText());
    }

    [Fact]
    public void The_2025_disbursement_is_the_sum_of_its_sources()
    {
        // 001:129: NSTW 779 + NSDP 3.190,4 = 3.969,4 million.
        var sources = new[] { Money.FromMillions(779m), Money.FromMillions(3190.4m) };

        Assert.Equal(Money.FromMillions(3969.4m), sources.Sum());
        Assert.Equal(3_969_400_000L, sources.Sum().Dong);
    }

    [Fact]
    public void An_amount_in_millions_smaller_than_one_dong_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMillions(0.0000005m));
    }

    [Fact]
    public void Sums_that_do_not_fit_overflow_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }

    [Fact]
    public void In_JSON_an_amount_is_its_whole_number_of_dong()
    {
        var json = JsonSerializer.Serialize(new { Plan = Money.FromMillions(18125m) }, JsonSerializerOptions.Web);

        Assert.Equal("""{"plan":18125000000}""", json);
        Assert.Equal(new Money(18_125_000_000L), JsonSerializer.Deserialize<Money>("18125000000"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>("3969.4"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>("\"3.969,4\""));
    }

    [Fact]
    public void Amounts_order_by_their_value()
    {
        Assert.True(Money.FromMillions(3190.4m) < Money.FromMillions(3870m));
        Assert.Equal([Money.Zero, new Money(1), new Money(2)], new[] { new Money(2), Money.Zero, new Money(1) }.Order());
    }
}
