using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;
using ParPlatform.Finance.Domain;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// The province's overview: every unit of the province with its figures, and totals whose rates are Σ numerators ÷ Σ
/// denominators, never an average of the units' percentages; its reviewers read it, nobody else.
/// </summary>
public sealed class ProvinceOverviewTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static string Overview(string province, string query) => $"/api/v1/provinces/{province}/finance/overview?{query}";

    [Fact]
    public async Task The_province_sums_its_units_and_divides_the_sums()
    {
        var decided = new DateOnly(2025, 12, 10);
        var tamThanh = finance.Officer(TamThanh);
        await tamThanh.SetEstimateAsync(TamThanh, 2025, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 65_519m, new DateOnly(2025, 1, 2));
        await tamThanh.RecordActualAsync(TamThanh, 2025, BudgetItem.TotalRevenue, new DateOnly(2025, 12, 31), 44_553m);
        await tamThanh.SetCapitalPlanAsync(TamThanh, 2025, new AllocationInput(FundingSource.Central, null, 779m), new AllocationInput(FundingSource.Local, null, 3_870m));
        await tamThanh.DisburseAsync(TamThanh, 2025, new DateOnly(2025, 12, 1), FundingSource.Central, null, 779m);
        await tamThanh.DisburseAsync(TamThanh, 2025, new DateOnly(2026, 1, 31), FundingSource.Local, null, 3_190.4m);
        var chiLang = finance.Officer(ChiLang);
        await chiLang.SetEstimateAsync(ChiLang, 2025, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 20_000m, decided);
        await chiLang.RecordActualAsync(ChiLang, 2025, BudgetItem.TotalRevenue, new DateOnly(2025, 9, 30), 5_000m);
        await chiLang.RecordActualAsync(ChiLang, 2025, BudgetItem.TotalRevenue, new DateOnly(2025, 12, 31), 10_000m);
        await chiLang.SetEstimateAsync(ChiLang, 2025, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 25_000m, new DateOnly(2025, 12, 20));
        await chiLang.SetCapitalPlanAsync(ChiLang, 2025, new AllocationInput(FundingSource.Local, null, 1_000m));
        await chiLang.DisburseAsync(ChiLang, 2025, new DateOnly(2025, 6, 1), FundingSource.Local, null, 100m);
        var namGiaNghia = finance.Officer(NamGiaNghia);
        await namGiaNghia.SetCapitalPlanAsync(NamGiaNghia, 2025, new AllocationInput(FundingSource.Local, null, 500m));

        var overview = (await finance.Reviewer(LangSon).GetFromJsonAsync<ProvinceFinanceOverview>(Overview(LangSon, "year=2025&asOf=2026-01-31"), FinanceClient.Json))!;

        Assert.Equal([TamThanh, ChiLang], overview.Units.Select(u => u.UnitCode));
        Assert.Equal(("85%", "10%"), (overview.Units.Single(u => u.UnitCode == TamThanh).Capital!.Rate.Text, overview.Units.Single(u => u.UnitCode == ChiLang).Capital!.Rate.Text));
        // 4.069,4 of 5.649 = 72%; the average of 85% and 10% would be 47,7%.
        Assert.Equal(("4.069,4", "5.649", "72%"), (overview.Capital.Disbursed.Millions, overview.Capital.Planned.Millions, overview.Capital.Rate.Text));
        Assert.Equal([(FundingSource.Central, "779", "779", "100%"), (FundingSource.Local, "3.290,4", "4.870", "67,6%")],
            overview.CapitalSources.Select(s => (s.SourceCode!, s.Disbursed.Millions, s.Planned.Millions, s.Rate.TextOneDecimal!)));
        // 54.553 of 90.519 = 60% (the units' 68% and 40% average 54%); Chi Lăng's estimate is its revision of 20/12.
        var revenue = overview.Items.Single();
        Assert.Equal((BudgetItem.TotalRevenue, "54.553", "90.519", "60%"), (revenue.ItemCode, revenue.Actual.Millions, revenue.ProvinceEstimate.Millions, revenue.VsProvinceEstimate.Text));
        Assert.Null(revenue.VsOwnEstimate.Percent);
    }

    [Fact]
    public async Task Each_unit_s_row_is_its_own_budget_and_capital_plan_as_of_the_same_date()
    {
        var officer = finance.Officer(ChiLang);
        await officer.SetEstimateAsync(ChiLang, 2024, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 20_000m, new DateOnly(2023, 12, 10));
        await officer.SetEstimateAsync(ChiLang, 2024, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 25_000m, new DateOnly(2024, 7, 1));
        await officer.SetEstimateAsync(ChiLang, 2024, BudgetItem.TotalRevenue, EstimateBasis.UnitOwn, 30_000m, new DateOnly(2024, 1, 5));
        await officer.SetEstimateAsync(ChiLang, 2024, BudgetItem.LandUseFees, EstimateBasis.UnitOwn, 3_000m, new DateOnly(2024, 9, 1));
        await officer.RecordActualAsync(ChiLang, 2024, BudgetItem.TotalRevenue, new DateOnly(2024, 3, 31), 4_000m);
        await officer.RecordActualAsync(ChiLang, 2024, BudgetItem.TotalRevenue, new DateOnly(2024, 6, 30), 11_000m);
        await officer.RecordActualAsync(ChiLang, 2024, BudgetItem.TotalExpenditure, new DateOnly(2024, 8, 31), 9_000m);
        await officer.SetCapitalPlanAsync(ChiLang, 2024, new AllocationInput(FundingSource.Central, "Cầu A", 800m),
            new AllocationInput(FundingSource.Central, "Cầu B", 200m), new AllocationInput(FundingSource.Local, null, 500m));
        await officer.DisburseAsync(ChiLang, 2024, new DateOnly(2024, 3, 1), FundingSource.Central, "Cầu A", 300m);
        await officer.DisburseAsync(ChiLang, 2024, new DateOnly(2024, 6, 1), FundingSource.Central, "Cầu B", 50m);
        await officer.DisburseAsync(ChiLang, 2024, new DateOnly(2024, 6, 20), FundingSource.Local, null, 100m);
        await officer.DisburseAsync(ChiLang, 2024, new DateOnly(2025, 1, 20), FundingSource.Local, null, 400m);

        foreach (var date in new[] { new DateOnly(2024, 5, 1), new DateOnly(2024, 6, 30), new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 31) })
        {
            var overview = (await finance.Reviewer(LangSon).GetFromJsonAsync<ProvinceFinanceOverview>(
                Overview(LangSon, $"year=2024&asOf={date:yyyy-MM-dd}"), FinanceClient.Json))!;
            var row = overview.Units.Single(u => u.UnitCode == ChiLang);
            var budget = await finance.Reviewer(LangSon).GetBudgetAsync(ChiLang, 2024, date);
            var plan = await finance.Reviewer(LangSon).GetCapitalPlanAsync(ChiLang, 2024, date);

            Assert.Equal(budget.Items, row.Items);
            Assert.Equal(plan.Total, row.Capital);
            Assert.Equal(plan.Sources, row.CapitalSources);
        }
    }

    [Fact]
    public async Task Reviewers_of_the_province_read_it_others_do_not()
    {
        var path = Overview(LangSon, "year=2026");
        Assert.Equal(HttpStatusCode.OK, (await finance.Reviewer(LangSon).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.Bearer(("role", "integrator"), ("province", LangSon)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Officer(TamThanh).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Chairman(TamThanh).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Reviewer(LamDong).GetAsync(path)).StatusCode);
        Assert.Equal("year", Assert.Single((await FinanceClient.ErrorsAsync(await finance.Reviewer(LangSon).GetAsync(Overview(LangSon, "year=1999")))).Keys));
    }
}
