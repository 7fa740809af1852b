using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Identity.Tokens;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// Every route of the identity service, walked with malformed bodies, query strings and route values
/// (TestSupport/MalformedRequests), plus malformed token requests and sign-in forms, as each role the
/// route lets through: never a 5xx, a body or query value of the wrong type is a 400 naming its field,
/// and nothing is written. Its own service and database (a class fixture, not the shared one), so no
/// other test's writes move the counts.
/// </summary>
public sealed class MalformedRequestTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private static readonly string[] Tables =
    [
        "identity.provinces", "identity.units", "identity.agencies", "identity.users", "identity.integrator_clients", "identity.outbox_messages",
    ];

    private const string Form = "application/x-www-form-urlencoded";

    private static readonly string Long = new('x', 5000);

    /// <summary>Token requests OpenIddict or the token endpoint must refuse, each a form post to /connect/token.</summary>
    private static readonly string[] TokenForms =
    [
        "",
        "grant_type=password",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=api",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=api&username=%00&password=%00",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=api&username={Long}&password={Long}",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=api&username=T%C3%A2m%F0%9F%98%80&password=%FF%FE",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=api&username=nobody&username=other&password=x",
        $"grant_type=password&client_id={Clients.ScriptsClientId}&scope=%00%20api%20{Long}&username=nobody&password=x",
        "grant_type=client_credentials&client_id=%00&client_secret=%00",
        $"grant_type=client_credentials&client_id={Long}&client_secret=x",
        $"grant_type=client_credentials&client_id={Clients.ScriptsClientId}",
        $"grant_type=authorization_code&client_id={Clients.WebClientId}&code=junk&redirect_uri=%00&code_verifier=x",
        $"grant_type=refresh_token&client_id={Clients.WebClientId}&refresh_token=%00",
        "grant_type=%00",
        $"grant_type={Long}",
        "grant_type=password&grant_type=client_credentials",
        "%%%=%%%&grant_type",
    ];

    [Fact]
    public async Task No_route_answers_a_malformed_request_with_a_5xx_and_none_writes()
    {
        var requests = MalformedRequests.For(identity.Service.Services, new Dictionary<string, string>
        {
            ["unitCode"] = "06112",
            ["provinceCode"] = "20",
            ["code"] = "99999", // no such unit
            ["userName"] = "nobody",
            ["queue"] = "nothing_error",
        });
        requests.AddRange(TokenForms.Select(form => new MalformedRequest("POST", "/connect/token", "/connect/token", Form, form, null)));
        requests.AddRange(TokenForms.Select(form => new MalformedRequest("POST", "/connect/token", "/connect/token", "application/json", form, null)));
        requests.AddRange(TokenForms.Select(form => new MalformedRequest("GET", $"/connect/authorize?{form}", "/connect/authorize", null, null, null)));
        requests.Add(new MalformedRequest("POST", "/account/login", "/account/login", Form, $"userName=%00&password=%00&returnUrl=%00&__RequestVerificationToken={Long}", null));
        HttpClient[] callers =
        [
            await identity.SignedInAsync("tamthanh.canbo"), await identity.SignedInAsync("tamthanh.chutich"),
            await identity.SignedInAsync("langson.sonoivu"), await identity.SignedInAsync("admin"),
        ];
        var before = await MalformedRequests.CountRowsAsync(identity.Database, Tables);

        var failures = await MalformedRequests.FailuresAsync(requests, callers, unitProvince: "20");

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} malformed requests:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await MalformedRequests.CountRowsAsync(identity.Database, Tables));
        // The walk reached the routes: provinces, units, users, integrators, agencies, lists.
        Assert.True(requests.Count(r => r.Field is not null) > 100, $"only {requests.Count(r => r.Field is not null)} requests with a field to name");
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_the_same_400_naming_the_field_in_Production()
    {
        await using var production = identity.Create("Production", "identityproductiondb");
        using var admin = await identity.SignedInAsync("admin");
        using var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/admin/units", UriKind.Relative),
            new { code = 12345, name = "Phường Tam Thanh", kind = "ward", provinceCode = "20" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MalformedRequests.InvalidTitle, problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _), problem.ToString());
    }
}
