using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParPlatform.Finance.Apis;
using ParPlatform.TestSupport;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>A budget entered from a file: Tam Thanh's 2026 estimates and actuals read back as seed 001 prints them; all or nothing.</summary>
public sealed class BudgetImportTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private const string Header = "itemCode,basis,date,millions\n";

    private Task<HttpResponseMessage> ImportAsync(string unit, string csv) =>
        finance.Officer(unit).PostAsync($"{FinanceClient.Budget(unit, 2026)}/import", new StringContent(Header + csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task Tam_Thanh_s_budget_from_a_file_reads_back_as_printed()
    {
        using var response = await ImportAsync(TamThanh, """
            total-revenue,province-assigned,2025-12-10,60000
            total-revenue,province-assigned,2026-02-10,65519
            total-revenue,unit-own,2025-12-10,73038
            land-use-fees,province-assigned,2025-12-10,14533
            land-use-fees,unit-own,2025-12-10,18474
            total-expenditure,province-assigned,2025-12-10,200000
            total-expenditure,unit-own,2025-12-10,214286
            total-revenue,actual,2026-02-28,44553
            land-use-fees,actual,2026-02-28,21799
            total-expenditure,actual,2026-02-28,30000
            """);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var budget = await finance.Reviewer(LangSon).GetBudgetAsync(TamThanh, 2026, new DateOnly(2026, 3, 5));

        Assert.Equal(
            [("44.553", "68%", "61%"), ("21.799", "150%", "118%"), ("30.000", "15%", "14%")],
            budget.Items.Select(i => (i.Actual!.Millions, i.VsProvinceEstimate!.Text, i.VsOwnEstimate!.Text)));
        var history = (await finance.Officer(TamThanh).GetFromJsonAsync<List<EstimateResponse>>($"{FinanceClient.Budget(TamThanh, 2026)}/estimates", FinanceClient.Json))!;
        Assert.Equal(7, history.Count);
    }

    [Fact]
    public async Task Tam_Thanh_s_2025_disbursements_from_a_file_read_back_as_printed_and_a_bad_row_writes_nothing()
    {
        await finance.Officer(TamThanh).SetCapitalPlanAsync(TamThanh, 2025,
            new AllocationInput("nstw", null, 779m), new AllocationInput("nsdp", null, 3_870m));
        var path = $"{FinanceClient.CapitalPlan(TamThanh, 2025)}/disbursements/import";

        using var bad = await finance.Officer(TamThanh).PostAsync(path, new StringContent(
            "sourceCode,project,date,millions\nnstw,,2025-09-30,779\nnsdp,,2026-02-01,1\nnsdp,Dự án không có,2025-10-01,1\n", Encoding.UTF8, "text/csv"));
        using var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal([(3, "date"), (4, "project")], body.RootElement.GetProperty("rows").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())));
        Assert.Equal(0, await finance.CountAsync("disbursements"));

        using var good = await finance.Officer(TamThanh).PostAsync(path, new StringContent(
            "sourceCode,project,date,millions\nnstw,,2025-09-30,779\nnsdp,,2025-11-14,2000\nnsdp,,2026-01-31,1190.4\n", Encoding.UTF8, "text/csv"));
        Assert.True(good.StatusCode == HttpStatusCode.OK, $"{good.StatusCode}: {await good.Content.ReadAsStringAsync()}");
        var plan = await finance.Reviewer(LangSon).GetCapitalPlanAsync(TamThanh, 2025, new DateOnly(2026, 1, 31));
        Assert.Equal(("3.969,4", "85%", "82,4%"), (plan.Total.Disbursed.Millions, plan.Total.Rate.Text, plan.Sources[1].Rate.TextOneDecimal));
    }

    [Fact]
    public async Task One_bad_row_writes_nothing_and_every_bad_row_is_named()
    {
        var before = await finance.CountAsync("budget_estimates");
        using var response = await ImportAsync(ChiLang, """
            total-revenue,province-assigned,2025-12-10,60000
            thu-khac,province-assigned,2025-12-10,1
            total-revenue,du-toan,2025-12-10,1
            total-revenue,unit-own,2024-12-10,1
            total-revenue,actual,2026-02-28,-1
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = body.RootElement.GetProperty("rows").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "itemCode"), (4, "basis"), (5, "date"), (6, "millions")], problems);
        Assert.Equal(before, await finance.CountAsync("budget_estimates"));
        Assert.Empty((await finance.Officer(ChiLang).GetBudgetAsync(ChiLang, 2026, new DateOnly(2026, 3, 5))).Items);
    }

    [Fact]
    public async Task Tam_Thanh_s_2026_capital_plan_from_a_workbook_reads_back_as_printed()
    {
        var workbook = Workbooks.Build(["sourceCode", "project", "millions"], ["nstw", null, 14_725], ["nsdp", null, 3_400]);
        using var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Workbooks.ContentType);

        using var response = await finance.Officer(TamThanh).PostAsync($"{FinanceClient.CapitalPlan(TamThanh, 2026)}/import", content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var plan = await finance.Reviewer(LangSon).GetCapitalPlanAsync(TamThanh, 2026, new DateOnly(2026, 3, 5));
        Assert.Equal(("18.125", "nstw 14.725; nsdp 3.400"),
            (plan.Total.Planned.Millions, string.Join("; ", plan.Sources.Select(s => $"{s.SourceCode} {s.Planned.Millions}"))));
    }

    [Fact]
    public async Task A_capital_plan_file_with_a_bad_row_or_a_repeated_line_leaves_the_plan_as_it_was()
    {
        await finance.Officer(ChiLang).SetCapitalPlanAsync(ChiLang, 2026, new AllocationInput("nsdp", "Trường mầm non", 1_000m));
        var path = $"{FinanceClient.CapitalPlan(ChiLang, 2026)}/import";

        using var bad = await finance.Officer(ChiLang).PostAsync(path, new StringContent(
            "sourceCode,project,millions\nnstw,Đường thôn Bản Cầu,100\noda,,5\nnsdp,,-1\n", Encoding.UTF8, "text/csv"));
        using var repeated = await finance.Officer(ChiLang).PostAsync(path, new StringContent(
            "sourceCode,project,millions\nnstw,Đường thôn Bản Cầu,100\nnstw,Đường thôn Bản Cầu,50\n", Encoding.UTF8, "text/csv"));

        Assert.Equal([(3, "sourceCode"), (4, "millions")], await RowsAsync(bad));
        Assert.Equal([(3, "sourceCode")], await RowsAsync(repeated));
        var plan = await finance.Officer(ChiLang).GetCapitalPlanAsync(ChiLang, 2026, new DateOnly(2026, 3, 5));
        Assert.Equal(("1.000", "Trường mầm non"), (plan.Total.Planned.Millions, Assert.Single(plan.Projects).Project));
    }

    private static async Task<List<(int, string?)>> RowsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("rows").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()))];
    }
}
