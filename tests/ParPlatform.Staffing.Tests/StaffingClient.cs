using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Staffing.Apis;

namespace ParPlatform.Staffing.Tests;

/// <summary>The staffing API as a client calls it.</summary>
public static class StaffingClient
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static string Staffing(string unit) => $"/api/v1/units/{unit}/staffing";

    public static async Task<QuotaResponse> SetQuotaAsync(this HttpClient client, string unit, int year, QuotaInput input) =>
        await ReadAsync<QuotaResponse>(await client.PutAsJsonAsync($"{Staffing(unit)}/quotas/{year}", input, Json), HttpStatusCode.OK);

    public static async Task<HeadcountRecordedResponse> RecordHeadcountAsync(this HttpClient client, string unit, HeadcountInput input) =>
        await ReadAsync<HeadcountRecordedResponse>(await client.PostAsJsonAsync($"{Staffing(unit)}/headcounts", input, Json), HttpStatusCode.OK);

    public static async Task<StaffingReport> GetReportAsync(this HttpClient client, string unit, int year, DateOnly asOf, int? baselineYear = null) =>
        (await client.GetFromJsonAsync<StaffingReport>(
            $"{Staffing(unit)}/{year}?asOf={asOf:yyyy-MM-dd}{(baselineYear is { } b ? $"&baselineYear={b}" : "")}", Json))!;

    public static async Task<MovementsReport> RecordMovementsAsync(this HttpClient client, string unit, string period, MovementsInput input) =>
        await ReadAsync<MovementsReport>(await client.PutAsJsonAsync($"{Staffing(unit)}/movements/{period}", input, Json), HttpStatusCode.OK);

    public static async Task<JobPositionSchemeResponse> RecordJobPositionSchemeAsync(this HttpClient client, string unit, string agency, JobPositionSchemeInput input) =>
        await ReadAsync<JobPositionSchemeResponse>(await client.PutAsJsonAsync($"{Staffing(unit)}/job-position-schemes/{agency}", input, Json), HttpStatusCode.OK);

    /// <summary>The field errors of a 400 answer.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(Json))!;
        }
    }
}
