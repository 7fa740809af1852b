using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;
using ParPlatform.Finance.Domain;
using ParPlatform.TestSupport;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// Tam Thanh's figures of seed 001's section II.5 (Q1/2026 report of 05/03/2026, 001:119–133) entered through the API and
/// read back exactly as printed. The seed prints the rates, not the estimates: the estimates entered are ones inside the
/// rounding bands INVENTORY.md §1 rows 52–59 derive (65.519 and 73.038; 14.533 and 18.474; 200.000 and 214.286).
/// </summary>
public sealed class TamThanhFinanceTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static readonly DateOnly ReportDate = new(2026, 3, 5);

    [Fact]
    public async Task The_2026_budget_prints_as_seed_001_line_123_and_125()
    {
        var officer = finance.Officer(TamThanh);
        var decided = new DateOnly(2025, 12, 10);
        foreach (var (item, province, own) in new[]
        {
            (BudgetItem.TotalRevenue, 65_519m, 73_038m), (BudgetItem.LandUseFees, 14_533m, 18_474m), (BudgetItem.TotalExpenditure, 200_000m, 214_286m),
        })
        {
            await officer.SetEstimateAsync(TamThanh, 2026, item, EstimateBasis.ProvinceAssigned, province, decided);
            await officer.SetEstimateAsync(TamThanh, 2026, item, EstimateBasis.UnitOwn, own, decided);
        }
        await officer.RecordActualAsync(TamThanh, 2026, BudgetItem.TotalRevenue, new DateOnly(2026, 1, 31), 20_000m);
        await officer.RecordActualAsync(TamThanh, 2026, BudgetItem.TotalRevenue, new DateOnly(2026, 2, 28), 44_553m);
        await officer.RecordActualAsync(TamThanh, 2026, BudgetItem.LandUseFees, new DateOnly(2026, 2, 28), 21_799m);
        await officer.RecordActualAsync(TamThanh, 2026, BudgetItem.TotalExpenditure, new DateOnly(2026, 2, 28), 30_000m);

        var budget = await finance.Reviewer(LangSon).GetBudgetAsync(TamThanh, 2026, ReportDate);

        Assert.Equal(
        [
            (BudgetItem.TotalRevenue, "44.553", "68%", "61%"),
            (BudgetItem.LandUseFees, "21.799", "150%", "118%"),
            (BudgetItem.TotalExpenditure, "30.000", "15%", "14%"),
        ], budget.Items.Select(i => (i.ItemCode, i.Actual!.Millions, i.VsProvinceEstimate!.Text, i.VsOwnEstimate!.Text)));
        Assert.Equal([BudgetReport.RevenueVsEstimate, BudgetReport.RevenueVsEstimate, null], budget.Items.Select(i => i.IndicatorCode));
        Assert.Equal(new DateOnly(2026, 2, 28), budget.Items[0].ActualAsOf);
        Assert.Equal(44_553_000_000L, budget.Items[0].Actual!.Dong.Dong);
        // As of the end of January, the actual then.
        Assert.Equal("20.000", (await officer.GetBudgetAsync(TamThanh, 2026, new DateOnly(2026, 1, 31))).Items[0].Actual!.Millions);
    }

    [Fact]
    public async Task A_revised_estimate_keeps_its_history_and_a_date_before_the_revision_reads_the_first()
    {
        var officer = finance.Officer(ChiLang);
        var first = await officer.SetEstimateAsync(ChiLang, 2026, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 60_000m, new DateOnly(2025, 12, 12));
        var revised = await finance.Chairman(ChiLang).SetEstimateAsync(ChiLang, 2026, BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 65_519m, new DateOnly(2026, 2, 10));
        await officer.SetEstimateAsync(ChiLang, 2026, BudgetItem.TotalRevenue, EstimateBasis.UnitOwn, 73_038m, new DateOnly(2025, 12, 12));
        await officer.RecordActualAsync(ChiLang, 2026, BudgetItem.TotalRevenue, new DateOnly(2026, 1, 31), 20_000m);
        await officer.RecordActualAsync(ChiLang, 2026, BudgetItem.TotalRevenue, new DateOnly(2026, 2, 28), 44_553m);

        var history = (await officer.GetFromJsonAsync<List<EstimateResponse>>($"{FinanceClient.Budget(ChiLang, 2026)}/estimates", FinanceClient.Json))!;
        var january = (await officer.GetBudgetAsync(ChiLang, 2026, new DateOnly(2026, 1, 31))).Items.Single();
        var march = (await officer.GetBudgetAsync(ChiLang, 2026, ReportDate)).Items.Single();

        Assert.Equal((1, 2), (first.Revision, revised.Revision));
        Assert.Equal(
            [(EstimateBasis.ProvinceAssigned, 1, "60.000"), (EstimateBasis.ProvinceAssigned, 2, "65.519"), (EstimateBasis.UnitOwn, 1, "73.038")],
            history.Select(e => (e.Basis, e.Revision, e.Amount.Millions)));
        Assert.Equal(("60.000", "20.000", "33%", "33,3%"), (january.ProvinceEstimate!.Millions, january.Actual!.Millions, january.VsProvinceEstimate!.Text, january.VsProvinceEstimate.TextOneDecimal));
        Assert.Equal(("65.519", "68%", "61%"), (march.ProvinceEstimate!.Millions, march.VsProvinceEstimate!.Text, march.VsOwnEstimate!.Text));
        Assert.Equal(3, await finance.CountOutboxAsync(nameof(BudgetEstimateSet), ChiLang));
        Assert.Equal(2, await finance.CountOutboxAsync(nameof(BudgetActualRecorded), ChiLang));
    }

    [Fact]
    public async Task The_2025_capital_plan_disbursed_until_31_01_2026_prints_as_seed_001_line_129_next_to_the_2026_plan()
    {
        var officer = finance.Officer(TamThanh);
        await officer.SetCapitalPlanAsync(TamThanh, 2025,
            new AllocationInput(FundingSource.Central, null, 779m), new AllocationInput(FundingSource.Local, null, 3_870m));
        await officer.DisburseAsync(TamThanh, 2025, new DateOnly(2025, 9, 30), FundingSource.Central, null, 500m);
        await officer.DisburseAsync(TamThanh, 2025, new DateOnly(2025, 11, 14), FundingSource.Local, null, 2_000m);
        await officer.DisburseAsync(TamThanh, 2025, new DateOnly(2026, 1, 20), FundingSource.Central, null, 279m);
        await officer.DisburseAsync(TamThanh, 2025, new DateOnly(2026, 1, 31), FundingSource.Local, null, 1_190.4m);
        var plan2026 = await finance.Chairman(TamThanh).SetCapitalPlanAsync(TamThanh, 2026,
            new AllocationInput(FundingSource.Central, "Dự án A", 14_725m), new AllocationInput(FundingSource.Local, null, 3_400m));

        var reviewer = finance.Reviewer(LangSon);
        var january = await reviewer.GetCapitalPlanAsync(TamThanh, 2025, new DateOnly(2026, 1, 31));
        var yearEnd = await reviewer.GetCapitalPlanAsync(TamThanh, 2025, new DateOnly(2025, 12, 31));

        Assert.Equal(("3.969,4", "4.649", "85%"), (january.Total.Disbursed.Millions, january.Total.Planned.Millions, january.Total.Rate.Text));
        Assert.Equal(
            [(FundingSource.Central, "779", "779", "100%"), (FundingSource.Local, "3.190,4", "3.870", "82,4%")],
            january.Sources.Select(s => (s.SourceCode!, s.Disbursed.Millions, s.Planned.Millions, s.Rate.TextOneDecimal!)));
        Assert.Equal(CapitalPlanReport.DisbursementRate, january.IndicatorCode);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 31)), (january.DisbursableFrom, january.DisbursableUntil));
        // The year's end is not the plan's: January's disbursements count for 2025 only from their dates.
        Assert.Equal(("2.500", "54%"), (yearEnd.Total.Disbursed.Millions, yearEnd.Total.Rate.Text));
        Assert.Equal(2, yearEnd.Disbursements.Count);
        Assert.Equal(("18.125", "0%"), (plan2026.Total.Planned.Millions, plan2026.Total.Rate.Text));
        Assert.Equal([(FundingSource.Central, "14.725"), (FundingSource.Local, "3.400")], plan2026.Sources.Select(s => (s.SourceCode!, s.Planned.Millions)));
        Assert.Equal([("Dự án A", "14.725")], plan2026.Projects.Select(p => (p.Project!, p.Planned.Millions)));
        Assert.Equal(4, await finance.CountOutboxAsync(nameof(DisbursementRecorded), TamThanh));
        Assert.Equal(2, await finance.CountOutboxAsync(nameof(CapitalPlanSet), TamThanh));
    }

    [Fact]
    public async Task The_plan_of_a_year_is_disbursed_from_its_first_day_to_31_01_of_the_next_and_no_more_than_planned()
    {
        var officer = finance.Officer(NamGiaNghia);
        await officer.SetCapitalPlanAsync(NamGiaNghia, 2025, new AllocationInput(FundingSource.Local, null, 100m));
        var path = $"{FinanceClient.CapitalPlan(NamGiaNghia, 2025)}/disbursements";

        async Task<Dictionary<string, string[]>> RefusedAsync(DateOnly date, decimal millions) =>
            await FinanceClient.ErrorsAsync(await officer.PostAsJsonAsync(path, new DisbursementInput(date, FundingSource.Local, null, millions), FinanceClient.Json));

        Assert.Contains("date", (await RefusedAsync(new DateOnly(2026, 2, 1), 10m)).Keys);
        Assert.Contains("date", (await RefusedAsync(new DateOnly(2024, 12, 31), 10m)).Keys);
        await officer.DisburseAsync(NamGiaNghia, 2025, new DateOnly(2025, 1, 1), FundingSource.Local, null, 40m);
        await officer.DisburseAsync(NamGiaNghia, 2025, new DateOnly(2026, 1, 31), FundingSource.Local, null, 60m);
        Assert.Contains("millions", (await RefusedAsync(new DateOnly(2026, 1, 31), 0.1m)).Keys);
        // The next year's plan starts on its own first day, while the previous one is still being disbursed.
        await officer.SetCapitalPlanAsync(NamGiaNghia, 2026, new AllocationInput(FundingSource.Local, null, 50m));
        await officer.DisburseAsync(NamGiaNghia, 2026, new DateOnly(2026, 1, 2), FundingSource.Local, null, 5m);

        var plan = await officer.GetCapitalPlanAsync(NamGiaNghia, 2025, new DateOnly(2026, 2, 15));
        Assert.Equal(("100", "100%", 2), (plan.Total.Disbursed.Millions, plan.Total.Rate.Text, plan.Disbursements.Count));
        Assert.Equal("5", (await officer.GetCapitalPlanAsync(NamGiaNghia, 2026, new DateOnly(2026, 1, 31))).Total.Disbursed.Millions);
    }
}
