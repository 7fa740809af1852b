using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Staffing.Apis;
using ParPlatform.Staffing.Domain;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// The province's overview: every unit of the province with its figures, and totals whose rates are Σ numerators ÷ Σ
/// denominators, never an average of the units' percentages; its reviewers read it, nobody else.
/// </summary>
public sealed class ProvinceOverviewTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private static string Overview(string province, string query) => $"/api/v1/provinces/{province}/staffing/overview?{query}";

    [Fact]
    public async Task The_province_sums_its_units_and_divides_the_sums()
    {
        var tamThanh = staffing.Officer(TamThanh);
        await tamThanh.SetQuotaAsync(TamThanh, 2025, new QuotaInput(null, 52, 330, 4, false, null, new DateOnly(2025, 1, 10)));
        await tamThanh.SetQuotaAsync(TamThanh, 2026, new QuotaInput(null, 52, 323, 4, true, null, new DateOnly(2025, 12, 30)));
        await tamThanh.RecordHeadcountAsync(TamThanh, new HeadcountInput(new DateOnly(2026, 2, 28), null, 45, 319, null, null, 40, null, null));
        var chiLang = staffing.Officer(ChiLang);
        await chiLang.SetQuotaAsync(ChiLang, 2025, new QuotaInput(null, 20, 40, 0, false, null, new DateOnly(2025, 1, 10)));
        await chiLang.SetQuotaAsync(ChiLang, 2026, new QuotaInput(null, 20, 30, 0, false, null, new DateOnly(2026, 1, 10)));
        await chiLang.RecordHeadcountAsync(ChiLang, new HeadcountInput(new DateOnly(2025, 12, 31), null, 20, 35, 35, 0, 20, null, null));
        await chiLang.RecordHeadcountAsync(ChiLang, new HeadcountInput(new DateOnly(2026, 3, 1), null, 22, 30, 30, 0, 22, null, null));
        await staffing.Officer(NamGiaNghia).SetQuotaAsync(NamGiaNghia, 2026, new QuotaInput(null, 40, 180, 10, true, null, new DateOnly(2025, 12, 20)));

        var overview = (await staffing.Reviewer(LangSon).GetFromJsonAsync<ProvinceStaffingOverview>(Overview(LangSon, "year=2026&asOf=2026-03-05"), StaffingClient.Json))!;

        Assert.Equal([(TamThanh, false), (ChiLang, true)], overview.Units.Select(u => (u.UnitCode, u.OverQuota)));
        Assert.Equal((2025, 1), (overview.BaselineYear, overview.UnitsOverQuota));
        // Civil servants: 67 in post of 72 = 93,1%; the units' 86,5% and 110% average 98,3%. Tam Thanh's 7 vacancies are
        // not offset by Chi Lăng's 2 above its quota.
        var civil = overview.Lines.Single(l => l.Category == StaffCategory.CivilServants);
        Assert.Equal((72, 67, 7, 2, true, "93,1%"), (civil.Quota, civil.InPost, civil.Vacancies, civil.OverBy, civil.OverQuota, civil.QuotaUse!.TextOneDecimal));
        var total = overview.Lines.Single(l => l.Category == StaffCategory.Total);
        Assert.Equal((429, 416, 15, 2, 96.97m), (total.Quota, total.InPost, total.Vacancies, total.OverBy, total.QuotaUse!.Percent));
        // Only Chi Lăng records the budget-paid split.
        var budgetPaid = overview.Lines.Single(l => l.Category == StaffCategory.BudgetPaidPublicEmployees);
        Assert.Equal((30, 30, "100%"), (budgetPaid.Quota, budgetPaid.InPost, budgetPaid.QuotaUse!.Text));
        Assert.Equal([(StaffCategory.CivilServants, 62, 67, "92,5%")], overview.Degrees.Select(d => (d.Category, d.WithDegree, d.InPost, d.Rate.TextOneDecimal!)));
        // The quota: 370 → 353 budget-paid = −4,59% (the units' −2,12% and −25% average −13,6%); the headcount: Chi Lăng only, 35 → 30.
        Assert.Equal((370, 353, -4.59m), (overview.BudgetPaidChangeOnQuota!.Baseline, overview.BudgetPaidChangeOnQuota.Current, overview.BudgetPaidChangeOnQuota.Percent));
        Assert.Equal((35, 30, "-14,3%"), (overview.BudgetPaidChangeOnHeadcount!.Baseline, overview.BudgetPaidChangeOnHeadcount.Current, overview.BudgetPaidChangeOnHeadcount.TextOneDecimal));
        Assert.Contains(new IndicatorValue(StaffingIndicators.BudgetPaidChangeVsBaseline, StaffCategory.BudgetPaidPublicEmployees, BudgetPaidChange.OnQuota, -4.59m, 353, 370, "-5%"),
            overview.Indicators);
        Assert.Contains(new IndicatorValue(StaffingIndicators.Vacancies, StaffCategory.Total, null, 15, null, null, null), overview.Indicators);
    }

    [Fact]
    public async Task Reviewers_of_the_province_read_it_others_do_not()
    {
        var path = Overview(LangSon, "year=2026");
        Assert.Equal(HttpStatusCode.OK, (await staffing.Reviewer(LangSon).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Bearer(("role", "integrator"), ("province", LangSon)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffing.Officer(TamThanh).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffing.Chairman(TamThanh).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffing.Reviewer(LamDong).GetAsync(path)).StatusCode);
        Assert.Equal("year", Assert.Single((await StaffingClient.ErrorsAsync(await staffing.Reviewer(LangSon).GetAsync(Overview(LangSon, "year=1999")))).Keys));
        Assert.Equal("baselineYear", Assert.Single((await StaffingClient.ErrorsAsync(
            await staffing.Reviewer(LangSon).GetAsync(Overview(LangSon, "year=2026&baselineYear=2027")))).Keys));
    }
}
