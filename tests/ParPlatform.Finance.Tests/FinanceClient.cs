using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;

namespace ParPlatform.Finance.Tests;

/// <summary>The finance API as a client calls it.</summary>
public static class FinanceClient
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static string Budget(string unit, int year) => $"/api/v1/units/{unit}/finance/budgets/{year}";

    public static string CapitalPlan(string unit, int year) => $"/api/v1/units/{unit}/finance/capital-plans/{year}";

    public static async Task<EstimateResponse> SetEstimateAsync(this HttpClient client, string unit, int year, string item, EstimateBasis basis,
        decimal millions, DateOnly decidedOn) =>
        await ReadAsync<EstimateResponse>(await client.PostAsJsonAsync($"{Budget(unit, year)}/estimates",
            new EstimateInput(item, basis, millions, decidedOn), Json), HttpStatusCode.Created);

    public static async Task<ActualResponse> RecordActualAsync(this HttpClient client, string unit, int year, string item, DateOnly asOf, decimal millions) =>
        await ReadAsync<ActualResponse>(await client.PostAsJsonAsync($"{Budget(unit, year)}/actuals", new ActualInput(item, asOf, millions), Json), HttpStatusCode.OK);

    public static async Task<BudgetReport> GetBudgetAsync(this HttpClient client, string unit, int year, DateOnly asOf) =>
        (await client.GetFromJsonAsync<BudgetReport>($"{Budget(unit, year)}?asOf={asOf:yyyy-MM-dd}", Json))!;

    public static async Task<CapitalPlanReport> SetCapitalPlanAsync(this HttpClient client, string unit, int year, params AllocationInput[] allocations) =>
        await ReadAsync<CapitalPlanReport>(await client.PutAsJsonAsync(CapitalPlan(unit, year), new CapitalPlanInput(allocations), Json), HttpStatusCode.OK);

    public static async Task<DisbursementResponse> DisburseAsync(this HttpClient client, string unit, int year, DateOnly date, string source, string? project,
        decimal millions) =>
        await ReadAsync<DisbursementResponse>(await client.PostAsJsonAsync($"{CapitalPlan(unit, year)}/disbursements",
            new DisbursementInput(date, source, project, millions), Json), HttpStatusCode.Created);

    public static async Task<CapitalPlanReport> GetCapitalPlanAsync(this HttpClient client, string unit, int year, DateOnly asOf) =>
        (await client.GetFromJsonAsync<CapitalPlanReport>($"{CapitalPlan(unit, year)}?asOf={asOf:yyyy-MM-dd}", Json))!;

    /// <summary>The field errors of a 400 answer.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(Json))!;
        }
    }
}
