using Bunit;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Province;

namespace ParPlatform.Web.Tests.Components;

/// <summary>Form II.06a on the province's dashboard: every unit and the province's total, as Vietnamese write numbers.</summary>
public sealed class ProvinceStatisticsTableTests : ComponentTest
{
    [Fact]
    public void Tam_Thanh_first_quarter_reads_as_the_report_prints_it()
    {
        // Seed 001: 180 carried over + 1,877 received online = 1,743 resolved (1,733 early, 10 late) + 249 pending (1 overdue) + 65.
        var tamThanh = StatisticsRow.From(null, new DossierCounts
        {
            CarriedOver = 180, ReceivedOnline = 1877, ResolvedEarly = 1733, ResolvedLate = 10, PendingWithinDeadline = 248, PendingOverdue = 1,
            ReturnedWithdrawnNotEligible = 65,
        });
        var chiLang = StatisticsRow.From(null, new DossierCounts { ReceivedInPersonOrPostal = 11, ResolvedOnTime = 2, ResolvedLate = 9 });
        var total = StatisticsRow.From(null, new DossierCounts
        {
            CarriedOver = 180, ReceivedOnline = 1877, ReceivedInPersonOrPostal = 11, ResolvedEarly = 1733, ResolvedOnTime = 2, ResolvedLate = 19,
            PendingWithinDeadline = 248, PendingOverdue = 1, ReturnedWithdrawnNotEligible = 65,
        });
        var statistics = new ProvinceStatistics("20", "2026-Q1", new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28), "onTime", total,
            [new UnitStatisticsRow(1, "06112", "Phường Tam Thanh", tamThanh), new UnitStatisticsRow(2, "06181", "Xã Chi Lăng", chiLang)]);

        var table = Render<ProvinceStatisticsTable>(p => p.Add(c => c.Statistics, statistics));

        Assert.Equal(["Phường Tam Thanh", "1", "180", "1.877", "1.877", "0", "1.743", "1.733", "0", "10", "249", "248", "1", "65", "99,43%"], Cells(table, "unit-06112"));
        Assert.Equal(["Xã Chi Lăng", "2", "0", "11", "0", "11", "11", "0", "2", "9", "0", "0", "0", "0", "18,18%"], Cells(table, "unit-06181"));
        Assert.Equal(["Toàn tỉnh", "", "180", "1.888", "1.877", "11", "1.754", "1.733", "2", "19", "249", "248", "1", "65", "98,92%"], Cells(table, "total"));
        Assert.Contains("01/12/2025 – 28/02/2026", table.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_units_are_shown_twenty_a_page_and_found_by_name_or_code_under_the_province_s_total()
    {
        var row = StatisticsRow.From(null, new DossierCounts { ReceivedOnline = 10, ResolvedOnTime = 10 });
        var units = Enumerable.Range(1, 45).Select(i => new UnitStatisticsRow(i, $"{90000 + i}", $"Xã Số {i}", row)).ToList();
        var statistics = new ProvinceStatistics("20", "2026-Q1", new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28), "onTime", row, units);
        var table = Render<ProvinceStatisticsTable>(p => p.Add(c => c.Statistics, statistics));
        string[] Units() => [.. table.FindAll("tbody tr").Select(tr => tr.GetAttribute("data-testid")!)];

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"unit-{90000 + i}"), Units());
        Assert.Single(table.FindAll("tfoot tr[data-testid=total]"));
        table.FindComponent<MudBlazor.MudPagination>().InvokeAsync(() => table.FindComponent<MudBlazor.MudPagination>().Instance.SelectedChanged.InvokeAsync(3));
        Assert.Equal(Enumerable.Range(41, 5).Select(i => $"unit-{90000 + i}"), Units());

        table.Find("input[data-testid=statistics-search]").Input("số 4");
        Assert.Equal(["unit-90004", .. Enumerable.Range(40, 6).Select(i => $"unit-{90000 + i}")], Units());
        table.Find("input[data-testid=statistics-search]").Input("90012");
        Assert.Equal(["unit-90012"], Units());
        table.Find("input[data-testid=statistics-search]").Input("Phường");
        Assert.Empty(Units());
        Assert.Contains("Không có đơn vị nào khớp.", table.Markup, StringComparison.Ordinal);
        Assert.Single(table.FindAll("tfoot tr[data-testid=total]"));
    }

    private static string[] Cells(IRenderedComponent<ProvinceStatisticsTable> table, string row) =>
        [.. table.FindAll($"tr[data-testid={row}] td").Select(td => td.TextContent.Trim())];
}
