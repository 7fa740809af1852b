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
/// Who may do what with a unit's finance, for every role (each refusal comes after a request the rule lets through, so it is
/// the rule's and not a broken request); row-level security on every table with a unit code; each scope sees its rows only.
/// </summary>
public sealed class AccessTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static EstimateInput Estimate(decimal millions) =>
        new(BudgetItem.TotalRevenue, EstimateBasis.ProvinceAssigned, millions, new DateOnly(2026, 1, 5));

    [Fact]
    public async Task Officers_and_the_chairman_enter_reviewers_and_integrators_of_the_province_read_others_find_nothing()
    {
        var budget = FinanceClient.Budget(TamThanh, 2027);
        var plan = FinanceClient.CapitalPlan(TamThanh, 2027);
        var capital = new CapitalPlanInput([new AllocationInput(FundingSource.Local, null, 10m)]);
        Assert.Equal(HttpStatusCode.Created, (await finance.Officer(TamThanh).PostAsJsonAsync($"{budget}/estimates", Estimate(1m), FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.Chairman(TamThanh).PostAsJsonAsync($"{budget}/estimates", Estimate(2m), FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.Chairman(TamThanh).PutAsJsonAsync(plan, capital, FinanceClient.Json)).StatusCode);
        HttpClient[] readers =
        [
            finance.Officer(TamThanh), finance.Chairman(TamThanh), finance.Reviewer(LangSon),
            finance.Bearer(("role", "integrator"), ("unit", TamThanh)), finance.Bearer(("role", "integrator"), ("province", LangSon)),
        ];
        HttpClient[] strangers =
        [
            finance.Officer(ChiLang), finance.Chairman(ChiLang), finance.Reviewer(LamDong), finance.Bearer(("role", "integrator"), ("unit", ChiLang)),
            finance.Bearer(("role", "platform-admin")), finance.Bearer(("role", "operator")),
        ];

        foreach (var reader in readers)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{budget}?asOf=2027-01-31")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(plan)).StatusCode);
        }
        foreach (var stranger in strangers)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{budget}?asOf=2027-01-31")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(plan)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{budget}/estimates", Estimate(3m), FinanceClient.Json)).StatusCode);
        }
        foreach (var reader in readers[2..])
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"{budget}/estimates", Estimate(4m), FinanceClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(plan, capital, FinanceClient.Json)).StatusCode);
        }
        var history = (await finance.Officer(TamThanh).GetFromJsonAsync<List<EstimateResponse>>($"{budget}/estimates", FinanceClient.Json))!;
        Assert.Equal(["1", "2"], history.Select(e => e.Amount.Millions));
    }

    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(finance.Database, "finance");

        Assert.Equal(
            [
                "asset_disposals", "asset_inventories", "asset_inventory_subjects", "asset_inventory_types", "audit_recommendations",
                "audit_remittances", "budget_actuals", "budget_estimates", "budgets", "capital_allocations", "capital_plans", "disbursements",
                "known_units", "service_unit_autonomy",
            ],
            tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }

    [Fact]
    public async Task A_unit_scope_sees_its_own_rows_of_every_table_and_a_province_scope_its_units()
    {
        foreach (var unit in new[] { ChiLang, NamGiaNghia })
        {
            var officer = finance.Officer(unit);
            await officer.SetEstimateAsync(unit, 2028, BudgetItem.TotalRevenue, EstimateBasis.UnitOwn, 100m, new DateOnly(2028, 1, 2));
            await officer.RecordActualAsync(unit, 2028, BudgetItem.TotalRevenue, new DateOnly(2028, 1, 31), 10m);
            await officer.SetCapitalPlanAsync(unit, 2028, new AllocationInput(FundingSource.Central, "Dự án B", 50m));
            await officer.DisburseAsync(unit, 2028, new DateOnly(2028, 2, 1), FundingSource.Central, "Dự án B", 5m);
            var inventory = $"/api/v1/units/{unit}/finance/assets/inventories/kiem-ke-2028";
            Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync(inventory,
                new InventoryInput("Kiểm kê", null, 1, [new AssetTypeInput("01a", "Tài sản công")], null, new DateOnly(2028, 3, 31)), FinanceClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"{inventory}/subjects/dv-1",
                new InventorySubjectInput("Đơn vị 1", null, new DateOnly(2028, 1, 5), ["01a"], null), FinanceClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/units/{unit}/finance/assets/disposals",
                new AssetDisposalInput(new DateOnly(2028, 1, 5), "Nhà kho", null, "Thanh lý"), FinanceClient.Json)).StatusCode);
        }

        async Task<List<string>> UnitsAsync(string setting, string value, string table)
        {
            await using var connection = await TenantConnections.OpenAsync(finance.Database, setting, value);
            await using var query = new NpgsqlCommand($"SELECT DISTINCT unit_code FROM finance.{table} WHERE unit_code <> '06112' ORDER BY 1", connection);
            await using var reader = await query.ExecuteReaderAsync();
            var found = new List<string>();
            while (await reader.ReadAsync())
                found.Add(reader.GetString(0));
            return found;
        }

        foreach (var table in new[]
        {
            "budgets", "budget_estimates", "budget_actuals", "capital_plans", "capital_allocations", "disbursements", "asset_inventories",
            "asset_inventory_types", "asset_inventory_subjects", "asset_disposals",
        })
        {
            Assert.Equal([ChiLang], await UnitsAsync("unit_code", ChiLang, table));
            Assert.Equal([ChiLang], await UnitsAsync("province_code", LangSon, table));
            Assert.Equal([NamGiaNghia], await UnitsAsync("province_code", LamDong, table));
            Assert.Equal([ChiLang, NamGiaNghia], await UnitsAsync("all_tenants", "on", table));
        }
    }
}
