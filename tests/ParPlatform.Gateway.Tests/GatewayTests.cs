using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParPlatform.Gateway.Tests;

/// <summary>Who a request is sent as.</summary>
public enum Bearer
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>A unit officer of 06112 (province 20).</summary>
    UnitOfficer,

    /// <summary>A province reviewer of 20.</summary>
    ProvinceReviewer,

    PlatformAdmin,
}

[Collection(SharedFakeServices.Name)]
public sealed class GatewayTests(FakeServices services)
{
    [Theory]
    [InlineData("/api/v1/units/06112/plans/status", "plans", Bearer.UnitOfficer)]
    [InlineData("/api/v1/units/06112/dossiers/status?page=2", "dossiers", Bearer.UnitOfficer)]
    [InlineData("/api/v1/units/06112/finance/budgets/2026", "finance", Bearer.UnitOfficer)]
    [InlineData("/api/v1/units/06112/staffing/quotas", "staffing", Bearer.UnitOfficer)]
    [InlineData("/api/v1/units/06112/reports/status", "reporting", Bearer.UnitOfficer)]
    [InlineData("/api/v1/units/06112/agencies", "identity", Bearer.UnitOfficer)]
    [InlineData("/api/v1/provinces/20/reports/statistics", "reporting", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/provinces/20/units", "identity", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/provinces/20/plans/overview?year=2026", "plans", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/provinces/20/plans", "plans", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/provinces/20/finance/overview?year=2026", "finance", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/provinces/20/staffing/overview?year=2026", "staffing", Bearer.ProvinceReviewer)]
    [InlineData("/api/v1/admin/units", "identity", Bearer.PlatformAdmin)]
    [InlineData("/api/v1/account/password", "identity", Bearer.UnitOfficer)]
    [InlineData("/api/v1/admin/calendar/years/2027", "dossiers", Bearer.PlatformAdmin)]
    [InlineData("/api/v1/admin/reports/rebuilds", "reporting", Bearer.PlatformAdmin)]
    [InlineData("/connect/token", "identity", Bearer.None)]
    [InlineData("/.well-known/openid-configuration", "identity", Bearer.None)]
    [InlineData("/account/login", "identity", Bearer.None)]
    public async Task Each_path_reaches_the_service_that_owns_it(string path, string service, Bearer bearer)
    {
        await using var gateway = StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, path, Token(bearer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{service} {path}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gateway_serves_the_identity_service_s_signing_keys()
    {
        await using var gateway = StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        var keys = await client.GetFromJsonAsync<KeySet>("/.well-known/jwks");

        var key = Assert.Single(keys!.Keys);
        Assert.Equal(TestTokens.KeyId, key.Kid);
        Assert.Equal("RSA", key.Kty);
        Assert.Null(key.D); // the public half only
    }

    [Theory]
    [InlineData("/api/v1/nothing", Bearer.UnitOfficer)]
    [InlineData("/api/v1/nothing", Bearer.PlatformAdmin)]
    [InlineData("/api/v1/units/06112/unknown/status", Bearer.UnitOfficer)]
    [InlineData("/", Bearer.None)]
    [InlineData("/", Bearer.UnitOfficer)]
    public async Task An_unknown_route_is_a_404_problem(string path, Bearer bearer)
    {
        await using var gateway = StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, path, Token(bearer));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(404, problem!.Status);
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_503_problem_within_five_seconds()
    {
        var urls = new Dictionary<string, string>(services.Urls) { ["plans"] = $"http://127.0.0.1:{FakeServices.FreePort()}" };

        await AssertServiceUnavailableAsync(urls, "plans");
    }

    [Fact]
    public async Task A_service_without_a_known_address_is_a_503_problem_within_five_seconds()
    {
        var urls = services.Urls.Where(u => u.Key != "finance").ToDictionary();

        await AssertServiceUnavailableAsync(urls, "finance");
    }

    [Fact]
    public async Task Health_reports_each_service()
    {
        var urls = new Dictionary<string, string>(services.Urls) { ["staffing"] = $"http://127.0.0.1:{FakeServices.FreePort()}" };
        await using var gateway = StartGateway(urls);
        using var client = gateway.CreateClient();

        var health = await client.GetFromJsonAsync<HealthBody>("/health");

        Assert.Equal("Degraded", health!.Status);
        var byName = health.Checks.ToDictionary(c => c.Name, c => c.Status);
        Assert.Equal("Degraded", byName["staffing"]);
        Assert.All(FakeServices.Names.Where(n => n != "staffing"), name => Assert.Equal("Healthy", byName[name]));
    }

    [Fact]
    public async Task A_dossier_import_may_keep_the_service_silent_longer_than_any_other_request()
    {
        // Every request may be silent 1 s, an import 5 s (in production 30 s and 5 min: an import checks every row before it answers).
        await using var gateway = StartGateway(services.Urls, new Dictionary<string, string>
        {
            ["Gateway:Timeouts:Service"] = "00:00:01", ["Gateway:Timeouts:Import"] = "00:00:05",
        });
        using var client = gateway.CreateClient();
        var import = $"/api/v1/units/06112/dossiers/imports?n={Guid.NewGuid():N}";

        using var slowImport = await DelayedPostAsync(client, import, TimeSpan.FromSeconds(2));
        using var slowIntake = await DelayedPostAsync(client, "/api/v1/units/06112/dossiers", TimeSpan.FromSeconds(2));
        using var stuckImport = await DelayedPostAsync(client, import, TimeSpan.FromSeconds(7));

        Assert.Equal(HttpStatusCode.OK, slowImport.StatusCode);
        Assert.Equal($"dossiers {import}", await slowImport.Content.ReadAsStringAsync());
        foreach (var timedOut in new[] { slowIntake, stuckImport })
        {
            Assert.Equal(HttpStatusCode.GatewayTimeout, timedOut.StatusCode);
            var problem = await timedOut.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("dossiers", problem!.Extensions["service"]?.ToString());
        }
    }

    private static async Task<HttpResponseMessage> DelayedPostAsync(HttpClient client, string path, TimeSpan delay)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent("a,b\n") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.UnitOfficer());
        request.Headers.Add("X-Test-Delay-Ms", ((int)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await client.SendAsync(request);
    }

    /// <summary>GET …/{service}/status answers 503 ProblemDetails naming the service, and does not hang.</summary>
    private static async Task AssertServiceUnavailableAsync(IReadOnlyDictionary<string, string> serviceUrls, string service)
    {
        await using var gateway = StartGateway(serviceUrls);
        using var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5); // a hang fails the test

        using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/units/06112/{service}/status", TestTokens.UnitOfficer());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(service, problem!.Extensions["service"]?.ToString());
    }

    /// <summary>
    /// The gateway with the fake services' addresses, the test issuer (whose keys the fake
    /// identity service publishes) and any further <paramref name="settings"/>.
    /// </summary>
    internal static WebApplicationFactory<Program> StartGateway(
        IReadOnlyDictionary<string, string> serviceUrls, IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (name, url) in serviceUrls)
                builder.UseSetting($"services:{name}:http:0", url);
            builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                builder.UseSetting(key, value);
        });

    internal static string? Token(Bearer bearer) => bearer switch
    {
        Bearer.None => null,
        Bearer.UnitOfficer => TestTokens.UnitOfficer(),
        Bearer.ProvinceReviewer => TestTokens.ProvinceReviewer(),
        Bearer.PlatformAdmin => TestTokens.PlatformAdmin(),
        _ => throw new ArgumentOutOfRangeException(nameof(bearer), bearer, null),
    };

    private sealed record HealthBody(string Status, List<HealthCheck> Checks);

    private sealed record HealthCheck(string Name, string Status);

    private sealed record KeySet(List<Key> Keys);

    private sealed record Key(string Kty, string Kid, string? D);
}

internal static class HttpClientExtensions
{
    /// <summary>Sends a request with the bearer token, if any.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
