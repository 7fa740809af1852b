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
    public void Every_rate_ranks_the_unit_that_does_better_by_it_first()
    {
        // 06181 beats 06118 on every rate of the table: on time 2/3 against 1/3, every other rate 100 % against 0 %.
        var better = new DossierCounts
        {
            ResolvedEarly = 2, ResolvedLate = 1, LateWithApology = 1, ReceivedOnline = 1, ElectronicResults = 3, Digitised = 1, WithFees = 1,
            PaidOnline = 1, VerySatisfied = 1,
        };
        var worse = new DossierCounts { ResolvedEarly = 1, ResolvedLate = 2, ReceivedInPersonOrPostal = 1, WithFees = 1, NotSatisfied = 1 };
        (string, string, StatisticsRow)[] units =
            [("06118", "Đơn vị 06118", StatisticsRow.From(null, worse)), ("06181", "Đơn vị 06181", StatisticsRow.From(null, better))];

        foreach (var rate in ProvinceRanking.Rates.Keys)
        {
            var ranked = ProvinceRanking.Rank(units, rate);
            Assert.Equal([("06181", (int?)1), ("06118", 2)], ranked.Select(r => (r.UnitCode, r.Rank)));
        }
    }

    private static (string, string, StatisticsRow) Unit(string code, int early, int late) =>
        (code, "Đơn vị " + code, StatisticsRow.From(null, new DossierCounts { ResolvedEarly = early, ResolvedLate = late }));
}
