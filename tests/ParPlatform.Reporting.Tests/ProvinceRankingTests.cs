using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Tests;

public sealed class ProvinceRankingTests
{
    [Fact]
    public void Equal_rates_share_a_rank_the_next_skips_and_units_without_a_rate_come_last_by_code()
    {
        var units = new[]
        {
            Unit("06181", early: 1, late: 1), // 50 %
            Unit("06118", early: 3, late: 0), // 100 %
            Unit("06112", early: 0, late: 0), // nothing resolved: no rate
            Unit("06100", early: 2, late: 2), // 50 %
            Unit("06190", early: 1, late: 3), // 25 %
            Unit("06099", early: 0, late: 0),
        };

        var ranked = ProvinceRanking.Rank(units, "onTime");

        Assert.Equal(["06118", "06100", "06181", "06190", "06099", "06112"], ranked.Select(r => r.UnitCode));
        Assert.Equal([1, 2, 2, 4, null, null], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Every_rate_of_the_table_can_rank_it()
    {
        var units = new[] { Unit("06118", early: 1, late: 0), Unit("06181", early: 0, late: 1) };

        foreach (var rate in ProvinceRanking.Rates.Keys)
            Assert.Equal(2, ProvinceRanking.Rank(units, rate).Count);
    }

    private static (string, string, StatisticsRow) Unit(string code, int early, int late) =>
        (code, "Đơn vị " + code, StatisticsRow.From(null, new DossierCounts { ResolvedEarly = early, ResolvedLate = late }));
}
