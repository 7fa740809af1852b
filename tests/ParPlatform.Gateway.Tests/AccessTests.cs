using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// Every /api/ request needs a valid token, and the tenant access rule is applied before the
/// request reaches a service.
/// </summary>
[Collection(SharedFakeServices.Name)]
public sealed class AccessTests(FakeServices services)
{
    private const string Officer = "officer-06112";

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/units/06112/plans/status");

        using var response = await client.SendAsync(HttpMethod.Get, path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_with_the_same_key_id_gets_401()
    {
        using var forger = RSA.Create(2048);
        var forged = TestTokens.Create(
            d => d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(forger) { KeyId = TestTokens.KeyId }, SecurityAlgorithms.RsaSha256),
            OfficerClaims());

        await AssertRejectedAsync(forged, "signature");
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_gets_401()
    {
        using var forger = RSA.Create(2048);
        var forged = TestTokens.Create(
            d => d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(forger) { KeyId = "forged-key" }, SecurityAlgorithms.RsaSha256),
            OfficerClaims());

        await AssertRejectedAsync(forged, "signature key was not found");
    }

    [Fact]
    public async Task An_unsigned_token_gets_401()
    {
        var unsigned = TestTokens.Create(d => d.SigningCredentials = null, OfficerClaims());

        await AssertRejectedAsync(unsigned, "signature");
    }

    [Fact]
    public async Task A_token_without_an_expiry_gets_401()
    {
        var endless = TestTokens.Create(d => d.Expires = null, OfficerClaims());

        await AssertRejectedAsync(endless, "expiration");
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var expired = TestTokens.Create(
            d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddMinutes(-20), DateTime.UtcNow.AddMinutes(-20), DateTime.UtcNow.AddMinutes(-2)),
            OfficerClaims());

        await AssertRejectedAsync(expired, "expired");
    }

    [Fact]
    public async Task A_token_expired_within_the_30_second_clock_skew_is_still_accepted()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var justExpired = TestTokens.Create(
            d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddSeconds(-5)),
            OfficerClaims());
        var path = Unique("/api/v1/units/06112/plans/status");

        using var response = await client.SendAsync(HttpMethod.Get, path, justExpired);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"plans {path}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_for_another_audience_gets_401()
    {
        var token = TestTokens.Create(d => d.Audience = "another-api", OfficerClaims());

        await AssertRejectedAsync(token, "audience");
    }

    [Fact]
    public async Task A_token_from_another_issuer_gets_401()
    {
        var token = TestTokens.Create(d => d.Issuer = "http://another-issuer.test/", OfficerClaims());

        await AssertRejectedAsync(token, "issuer");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_officer_of_another_unit_gets_404(string method)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/units/06181/plans/status");

        using var response = await client.SendAsync(new HttpMethod(method), path, TestTokens.UnitOfficer());

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("plans", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task A_unit_officer_on_a_province_route_gets_403()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/provinces/20/reports/x");

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.UnitOfficer());

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task A_reviewer_of_another_province_gets_404_on_a_province_route()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/provinces/68/reports/statistics");

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.ProvinceReviewer("20"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.False(services.Saw(path));
    }

    [Theory]
    [InlineData("plans")]
    [InlineData("finance")]
    [InlineData("staffing")]
    public async Task A_service_s_province_route_takes_its_reviewers_only(string service)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var accepted = Unique($"/api/v1/provinces/20/{service}/overview");
        var other = Unique($"/api/v1/provinces/68/{service}/overview");
        var officer = Unique($"/api/v1/provinces/20/{service}/overview");

        using var valid = await client.SendAsync(HttpMethod.Get, accepted, TestTokens.ProvinceReviewer("20"));
        using var otherProvince = await client.SendAsync(HttpMethod.Get, other, TestTokens.ProvinceReviewer("20"));
        using var unitOfficer = await client.SendAsync(HttpMethod.Get, officer, TestTokens.UnitOfficer());

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal($"{service} {accepted}", await valid.Content.ReadAsStringAsync());
        await AssertProblemAsync(otherProvince, HttpStatusCode.NotFound);
        await AssertProblemAsync(unitOfficer, HttpStatusCode.Forbidden);
        Assert.False(services.Saw(other));
        Assert.False(services.Saw(officer));
    }

    [Fact]
    public async Task A_unit_officer_on_an_admin_route_gets_403()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/admin/units");

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.UnitOfficer());

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task A_token_without_a_role_gets_403()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/units/06112/plans/status");

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.Create(("sub", "nobody"), ("unit", "06112"), ("province", "20")));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(services.Saw(path));
    }

    /// <summary>
    /// Whether a unit is in the reviewer's province only the unit registry knows, so the gateway
    /// passes the request on and the owning service decides.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/units/06112/plans/status", "plans")]
    [InlineData("/api/v1/units/24778/dossiers/status", "dossiers")]
    public async Task A_province_reviewer_s_call_to_a_unit_route_is_left_to_the_service(string route, string service)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique(route);

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.ProvinceReviewer("20"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{service} {path}", await response.Content.ReadAsStringAsync());
        Assert.True(services.Saw(path));
    }

    [Theory]
    [InlineData("/api/v1/units/61/plans/status", Bearer.UnitOfficer, "unitCode")]
    [InlineData("/api/v1/units/0611a/dossiers/status", Bearer.UnitOfficer, "unitCode")]
    [InlineData("/api/v1/provinces/2x/reports", Bearer.ProvinceReviewer, "provinceCode")]
    public async Task A_malformed_code_with_a_valid_token_is_a_400_problem_naming_the_field(string route, Bearer bearer, string field)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var path = Unique(route);

        using var response = await client.SendAsync(HttpMethod.Get, path, GatewayTests.Token(bearer));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal(400, problem!.Status);
        Assert.Equal([field], problem.Errors.Keys);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task A_malformed_code_without_a_token_gets_401()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/units/61/plans/status", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// The same request is first sent with a valid token (it reaches the service, so the path,
    /// the keys and the issuer work), then with <paramref name="token"/>: 401 with the reason.
    /// </summary>
    private async Task AssertRejectedAsync(string token, string reason)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();
        var accepted = Unique("/api/v1/units/06112/plans/status");
        var rejected = Unique("/api/v1/units/06112/plans/status");

        using (var valid = await client.SendAsync(HttpMethod.Get, accepted, TestTokens.UnitOfficer(subject: Officer)))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
            Assert.Equal($"plans {accepted}", await valid.Content.ReadAsStringAsync());
        }

        using var response = await client.SendAsync(HttpMethod.Get, rejected, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, challenge.Parameter, StringComparison.OrdinalIgnoreCase);
        Assert.False(services.Saw(rejected));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal((int)status, problem!.Status);
    }

    private static (string, string)[] OfficerClaims() =>
        [("sub", Officer), ("role", "unit-officer"), ("unit", "06112"), ("province", "20")];

    [Fact]
    public async Task A_valid_token_while_the_identity_service_is_down_gets_a_503_not_a_401()
    {
        var urls = new Dictionary<string, string>(services.Urls) { ["identity"] = $"http://127.0.0.1:{FakeServices.FreePort()}" };
        await using var gateway = GatewayTests.StartGateway(urls);
        using var client = gateway.CreateClient();
        var path = Unique("/api/v1/units/06112/plans/status");

        using var response = await client.SendAsync(HttpMethod.Get, path, TestTokens.UnitOfficer());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(services.Saw(path));
    }

    /// <summary>The path with a query no other request has, to tell whether a service saw it.</summary>
    private static string Unique(string path) => $"{path}?probe={Guid.NewGuid():N}";
}
