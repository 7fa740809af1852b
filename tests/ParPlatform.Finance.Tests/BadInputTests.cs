using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;
using ParPlatform.Finance.Domain;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>Bad input gets a 400 naming the field, and nothing is written (each table counted before and after).</summary>
public sealed class BadInputTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static readonly string[] Tables = ["budgets", "budget_estimates", "budget_actuals", "capital_plans", "capital_allocations", "disbursements"];

    private async Task<long[]> CountsAsync() => await Task.WhenAll(Tables.Select(finance.CountAsync));

    private async Task AssertRefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, string field)
    {
        var before = await CountsAsync();
        using var response = await send(finance.Officer(TamThanh));
        var errors = await FinanceClient.ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"{field} not in [{string.Join(", ", errors.Keys)}]");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_bad_estimate_names_its_field()
    {
        var path = $"{FinanceClient.Budget(TamThanh, 2026)}/estimates";
        var good = new EstimateInput(BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, 65_519m, new DateOnly(2025, 12, 10));
        Assert.Equal(HttpStatusCode.Created, (await finance.Officer(TamThanh).PostAsJsonAsync(path, good, FinanceClient.Json)).StatusCode);

        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { ItemCode = null }, FinanceClient.Json), "itemCode");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { ItemCode = "thu-khac" }, FinanceClient.Json), "itemCode");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { Basis = null }, FinanceClient.Json), "basis");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { Millions = -5m }, FinanceClient.Json), "millions");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { Millions = 0.0000001m }, FinanceClient.Json), "millions");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { DecidedOn = null }, FinanceClient.Json), "decidedOn");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { DecidedOn = new DateOnly(2024, 12, 31) }, FinanceClient.Json), "decidedOn");
        // A revision decided before the estimate in force.
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { DecidedOn = new DateOnly(2025, 12, 9) }, FinanceClient.Json), "decidedOn");
        await AssertRefusedAsync(c => c.PostAsJsonAsync($"{FinanceClient.Budget(TamThanh, 1999)}/estimates", good, FinanceClient.Json), "year");
        await AssertRefusedAsync(c => c.GetAsync($"{FinanceClient.Budget(TamThanh, 2026)}?asOf=05/03/2026"), "asOf");
    }

    [Fact]
    public async Task A_bad_actual_names_its_field()
    {
        var path = $"{FinanceClient.Budget(TamThanh, 2026)}/actuals";
        var good = new ActualInput(BudgetItem.LandUseFees, new DateOnly(2026, 2, 28), 21_799m);

        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { AsOf = new DateOnly(2025, 12, 31) }, FinanceClient.Json), "asOf");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { AsOf = null }, FinanceClient.Json), "asOf");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { Millions = null }, FinanceClient.Json), "millions");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { ItemCode = "" }, FinanceClient.Json), "itemCode");
        Assert.Equal(HttpStatusCode.OK, (await finance.Officer(TamThanh).PostAsJsonAsync(path, good, FinanceClient.Json)).StatusCode);
    }

    [Fact]
    public async Task A_bad_capital_plan_or_disbursement_names_its_field()
    {
        var path = FinanceClient.CapitalPlan(TamThanh, 2025);
        AllocationInput central = new(FundingSource.Central, null, 779m), local = new(FundingSource.Local, null, 3_870m);

        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([]), FinanceClient.Json), "allocations");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([central, central]), FinanceClient.Json), "allocations[1]");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([central, local with { SourceCode = "oda" }]), FinanceClient.Json), "allocations[1].sourceCode");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([central with { Millions = 0m }]), FinanceClient.Json), "allocations[0].millions");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([central with { Project = " " }]), FinanceClient.Json), "allocations[0].project");
        await finance.Officer(TamThanh).SetCapitalPlanAsync(TamThanh, 2025, central, local);
        await finance.Officer(TamThanh).DisburseAsync(TamThanh, 2025, new DateOnly(2025, 6, 30), FundingSource.Central, null, 779m);

        var disburse = $"{path}/disbursements";
        var good = new DisbursementInput(new DateOnly(2025, 7, 1), FundingSource.Local, null, 100m);
        await AssertRefusedAsync(c => c.PostAsJsonAsync(disburse, good with { Project = "Dự án không có" }, FinanceClient.Json), "project");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(disburse, good with { SourceCode = FundingSource.NationalTargetProgrammes }, FinanceClient.Json), "sourceCode");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(disburse, good with { SourceCode = null }, FinanceClient.Json), "sourceCode");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(disburse, good with { Date = null }, FinanceClient.Json), "date");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(disburse, good with { Millions = 3_870.000001m }, FinanceClient.Json), "millions");
        // What was disbursed keeps its allocation: neither dropped nor cut below it.
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([local]), FinanceClient.Json), "allocations");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, new CapitalPlanInput([central with { Millions = 700m }, local]), FinanceClient.Json), "allocations[0].millions");
        Assert.Equal(HttpStatusCode.Created, (await finance.Officer(TamThanh).PostAsJsonAsync(disburse, good, FinanceClient.Json)).StatusCode);
        // No plan for the year.
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Officer(TamThanh).PostAsJsonAsync($"{FinanceClient.CapitalPlan(TamThanh, 2030)}/disbursements", good, FinanceClient.Json)).StatusCode);
    }
}
