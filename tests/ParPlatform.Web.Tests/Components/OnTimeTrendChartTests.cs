using Bunit;
using MudBlazor;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Province;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The province's on-time rate by month on its dashboard: one point per month, the API's total of that month.</summary>
public sealed class OnTimeTrendChartTests : ComponentTest
{
    [Fact]
    public void Each_month_is_a_point_with_the_province_total_of_that_month()
    {
        // January: Tam Thanh's first quarter's resolved dossiers (1,733 early, 10 late); February: nothing resolved; March: 2 on time, 9 late.
        IReadOnlyList<ProvinceStatistics> months =
        [
            Month(1, 31, new DossierCounts { ReceivedOnline = 1877, ResolvedEarly = 1733, ResolvedLate = 10 }),
            Month(2, 28, new DossierCounts { ReceivedOnline = 5 }),
            Month(3, 15, new DossierCounts { ReceivedInPersonOrPostal = 11, ResolvedOnTime = 2, ResolvedLate = 9 }),
        ];

        var trend = Render<OnTimeTrendChart>(p => p.Add(c => c.Months, months));

        var chart = trend.FindComponent<MudChart<double>>().Instance;
        Assert.Equal(["Tháng 1", "Tháng 2", "Tháng 3"], chart.ChartLabels);
        var points = Assert.Single(chart.ChartSeries).Data.Points;
        Assert.Equal([99.43, null, 18.18], points.Select(p => p.HasValue ? p.Y : (double?)null));
        Assert.Equal(["Hồ sơ đã giải quyết", "1.743", "0", "11"], Cells(trend, "trend-resolved"));
        Assert.Equal(["Tỷ lệ đúng hạn", "99,43%", "–", "18,18%"], Cells(trend, "trend-on-time"));
        Assert.Contains("năm 2026", trend.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_months_run_from_January_to_today()
    {
        Assert.Equal(
            [(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15))],
            ProvinceStatistics.MonthsSoFar(new DateOnly(2026, 3, 15)));
        Assert.Equal([(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1))], ProvinceStatistics.MonthsSoFar(new DateOnly(2026, 1, 1)));
        Assert.Equal(12, ProvinceStatistics.MonthsSoFar(new DateOnly(2026, 12, 31)).Count);
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), ProvinceStatistics.MonthsSoFar(new DateOnly(2028, 3, 1))[1]);
    }

    private static ProvinceStatistics Month(int month, int lastDay, DossierCounts counts) =>
        new("20", null, new DateOnly(2026, month, 1), new DateOnly(2026, month, lastDay), "onTime", StatisticsRow.From(null, counts), []);

    private static string[] Cells(IRenderedComponent<OnTimeTrendChart> trend, string row) =>
        [.. trend.FindAll($"tr[data-testid={row}] td").Select(td => td.TextContent.Trim())];
}
