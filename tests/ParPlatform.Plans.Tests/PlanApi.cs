using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Plans.Tests;

/// <summary>The plans API as a client calls it, and the comparison of a plan read back with what was entered.</summary>
public static class PlanApi
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static string UnitPlans(string unit) => $"/api/v1/units/{unit}/plans";

    public static string ProvincePlans(string province) => $"/api/v1/provinces/{province}/plans";

    public static async Task<PlanResponse> DraftAsync(this HttpClient client, string path, PlanInput input)
    {
        using var response = await client.PostAsJsonAsync(path, input, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PlanResponse>(Json))!;
    }

    public static async Task<PlanResponse> IssueAsync(this HttpClient client, string path, Guid id, string number, DateOnly date)
    {
        using var response = await client.PostAsJsonAsync($"{path}/{id}/issue", new IssueInput(number, date), Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PlanResponse>(Json))!;
    }

    public static async Task<PlanResponse> GetPlanAsync(this HttpClient client, string path, Guid id) =>
        (await client.GetFromJsonAsync<PlanResponse>($"{path}/{id}", Json))!;

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, string path, Guid id, string csv) =>
        await client.PostAsync($"{path}/{id}/tasks/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>The field errors of a 400 answer.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(Json)!;
    }

    /// <summary>The plan read back holds exactly what was entered.</summary>
    public static void AssertHolds(PlanInput input, PlanResponse plan)
    {
        Assert.Equal(input.IssuerName, plan.IssuerName);
        Assert.Equal(input.Title, plan.Title);
        Assert.Equal((input.FromYear, input.ToYear), (plan.FromYear, plan.ToYear));
        Assert.Equal(input.Phases!.Select(p => new PlanPhase(p.Name!, p.FromYear!.Value, p.ToYear!.Value)), plan.Phases);
        Assert.Equal((input.Symbol, input.DecisionAttachment), (plan.Symbol, plan.DecisionAttachment));
        Assert.Equal(input.LegalBases!.Select(b => new LegalBasis(b.Number!, b.Date!.Value, b.Issuer!, b.Title!)), plan.LegalBases);
        Assert.Equal((input.Purposes, input.Requirements, input.AgencyPlansDueDate), (plan.Purposes, plan.Requirements, plan.AgencyPlansDueDate));
        Assert.Equal(input.Targets!.Select(t => (t.Code, t.Area, t.Text, t.IndicatorCode, t.Comparator, t.Threshold, t.Phase, t.Field, t.Channel, t.SourceTargetId)),
            plan.Targets.Select(t => (t.Code, t.Area is { } a ? EnumNames.Name(a) : null, (string?)t.Text, t.IndicatorCode,
                t.Comparator is { } c ? EnumNames.Name(c) : null, t.Threshold, t.Phase, t.Field, t.Channel, t.SourceTargetId)));
        Assert.Equal(input.Tasks!.Count, plan.Tasks.Count);
        foreach (var (entered, held) in input.Tasks.Zip(plan.Tasks))
        {
            Assert.Equal((entered.Code, entered.Area, entered.Group, entered.Content, entered.Output, entered.Criterion),
                (held.Code, held.Area is { } a ? EnumNames.Name(a) : null, held.Group, held.Content, held.Output, held.Criterion));
            Assert.Equal((entered.IndicatorCode, entered.Comparator, entered.Threshold),
                (held.IndicatorCode, held.Comparator is { } c ? EnumNames.Name(c) : null, held.Threshold));
            Assert.Equal(entered.Leads!.Select(b => (b.AgencyCode, b.Group, b.Role)), held.Leads.Select(b => (b.AgencyCode, b.Group, b.Role)));
            Assert.Equal(entered.Cooperating!.Select(b => (b.AgencyCode, b.Group, b.Role)), held.Cooperating.Select(b => (b.AgencyCode, b.Group, b.Role)));
            Assert.Equal((entered.Timeframe, entered.ProvinceAssigned ?? false, entered.Note), (held.Timeframe, held.ProvinceAssigned, held.Note));
        }
    }
}
