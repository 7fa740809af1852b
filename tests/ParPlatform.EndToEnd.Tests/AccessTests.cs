using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// Who may touch what, through the gateway with real tokens of the demo accounts (Lạng Sơn: units
/// 06112 Tam Thanh, 06181 Chi Lăng; Lâm Đồng: unit 24778): roles × routes × units.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class AccessTests(PlatformFixture platform)
{
    public static TheoryData<string, string, string, HttpStatusCode> Matrix => new()
    {
        // A unit officer: its own unit, read and write, in every service; nothing of another unit; no province or admin routes.
        { "tamthanh.canbo", "GET", "/api/v1/units/06112/plans/status", HttpStatusCode.OK },
        { "tamthanh.canbo", "GET", "/api/v1/units/06112/dossiers/status", HttpStatusCode.OK },
        { "tamthanh.canbo", "GET", "/api/v1/units/06112/reports/status", HttpStatusCode.OK },
        { "tamthanh.canbo", "POST", "/api/v1/units/06112/agencies", HttpStatusCode.Created },
        { "tamthanh.canbo", "GET", "/api/v1/units/06181/plans/status", HttpStatusCode.NotFound },
        { "tamthanh.canbo", "GET", "/api/v1/units/06181/agencies", HttpStatusCode.NotFound },
        { "tamthanh.canbo", "POST", "/api/v1/units/06181/agencies", HttpStatusCode.NotFound },
        { "tamthanh.canbo", "GET", "/api/v1/units/24778/finance/status", HttpStatusCode.NotFound },
        { "tamthanh.canbo", "GET", "/api/v1/provinces/20/reports/status", HttpStatusCode.Forbidden },
        { "tamthanh.canbo", "GET", "/api/v1/admin/units", HttpStatusCode.Forbidden },
        { "tamthanh.chutich", "POST", "/api/v1/units/06112/agencies", HttpStatusCode.Created },
        { "tamthanh.chutich", "PUT", "/api/v1/units/06112/agencies/van-phong", HttpStatusCode.OK },
        { "tamthanh.canbo", "PUT", "/api/v1/units/06181/agencies/van-phong", HttpStatusCode.NotFound },
        { "tamthanh.chutich", "GET", "/api/v1/units/06181/staffing/status", HttpStatusCode.NotFound },
        { "chilang.canbo", "GET", "/api/v1/units/06181/staffing/status", HttpStatusCode.OK },
        { "chilang.canbo", "GET", "/api/v1/units/06112/staffing/status", HttpStatusCode.NotFound },

        // A province reviewer: reads every unit of its province, writes none; its province's routes; nothing of another province.
        { "langson.sonoivu", "GET", "/api/v1/units/06112/plans/status", HttpStatusCode.OK },
        { "langson.sonoivu", "GET", "/api/v1/units/06181/dossiers/status", HttpStatusCode.OK },
        { "langson.sonoivu", "GET", "/api/v1/units/06181/agencies", HttpStatusCode.OK },
        { "langson.sonoivu", "POST", "/api/v1/units/06112/agencies", HttpStatusCode.Forbidden },
        { "langson.sonoivu", "PUT", "/api/v1/units/06112/agencies/van-phong", HttpStatusCode.Forbidden },
        { "langson.sonoivu", "POST", "/api/v1/units/06112/plans/status", HttpStatusCode.Forbidden },
        { "langson.sonoivu", "GET", "/api/v1/units/24778/plans/status", HttpStatusCode.NotFound },
        { "langson.sonoivu", "POST", "/api/v1/units/24778/agencies", HttpStatusCode.NotFound },
        { "langson.sonoivu", "GET", "/api/v1/provinces/20/reports/status", HttpStatusCode.OK },
        { "langson.sonoivu", "GET", "/api/v1/provinces/20/units", HttpStatusCode.OK },
        { "langson.sonoivu", "GET", "/api/v1/provinces/68/units", HttpStatusCode.NotFound },
        { "langson.sonoivu", "GET", "/api/v1/admin/units", HttpStatusCode.Forbidden },
        { "lamdong.sonoivu", "GET", "/api/v1/units/24778/finance/status", HttpStatusCode.OK },
        { "lamdong.sonoivu", "GET", "/api/v1/units/06112/finance/status", HttpStatusCode.NotFound },
        { "lamdong.sonoivu", "GET", "/api/v1/provinces/20/reports/status", HttpStatusCode.NotFound },
        { "lamdong.sonoivu", "GET", "/api/v1/account", HttpStatusCode.OK },

        // The integrator subscribed for Lạng Sơn: reads its units and province, writes nothing, sees nothing else.
        { "integrator", "GET", "/api/v1/units/06112/dossiers/status", HttpStatusCode.OK },
        { "integrator", "GET", "/api/v1/provinces/20/units", HttpStatusCode.OK },
        { "integrator", "POST", "/api/v1/units/06112/agencies", HttpStatusCode.Forbidden },
        { "integrator", "PUT", "/api/v1/units/06112/agencies/van-phong", HttpStatusCode.Forbidden },
        { "integrator", "GET", "/api/v1/units/24778/dossiers/status", HttpStatusCode.NotFound },
        { "integrator", "GET", "/api/v1/provinces/68/units", HttpStatusCode.NotFound },
        { "integrator", "GET", "/api/v1/admin/units", HttpStatusCode.Forbidden },
        { "integrator", "GET", "/api/v1/account", HttpStatusCode.Forbidden },

        // The platform's administrator and operator: the registry, none of the units' data.
        { "admin", "GET", "/api/v1/admin/units", HttpStatusCode.OK },
        { "admin", "GET", "/api/v1/units/06112/plans/status", HttpStatusCode.NotFound },
        { "admin", "GET", "/api/v1/provinces/20/reports/status", HttpStatusCode.NotFound },
        { "vanhanh", "GET", "/api/v1/admin/identity/status", HttpStatusCode.OK },
        { "vanhanh", "POST", "/api/v1/admin/provinces", HttpStatusCode.Forbidden },
        { "vanhanh", "GET", "/api/v1/units/06112/dossiers/status", HttpStatusCode.NotFound },

        // The audit log: the platform's administrator and operator read it, nobody else.
        { "admin", "GET", "/api/v1/admin/audit", HttpStatusCode.OK },
        { "vanhanh", "GET", "/api/v1/admin/audit", HttpStatusCode.OK },
        { "tamthanh.canbo", "GET", "/api/v1/admin/audit", HttpStatusCode.Forbidden },
        { "tamthanh.chutich", "GET", "/api/v1/admin/audit", HttpStatusCode.Forbidden },
        { "langson.sonoivu", "GET", "/api/v1/admin/audit", HttpStatusCode.Forbidden },
        { "integrator", "GET", "/api/v1/admin/audit", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_its_units_and_routes(string caller, string method, string path, HttpStatusCode expected)
    {
        var token = caller == "integrator" ? await platform.AppHost.IntegratorTokenAsync() : await platform.AppHost.TokenAsync(caller);
        object? body = (method, path) switch
        {
            ("POST", _) when path.EndsWith("/agencies", StringComparison.Ordinal) => new { code = $"co-quan-{Guid.NewGuid():N}"[..30], name = "Trường Mầm non" },
            ("POST", _) => new { code = "99", name = "Tỉnh thử" },
            ("PUT", _) => new { name = "Văn phòng HĐND và UBND", kind = "administrative" }, // the demo office as it is: changes nothing
            _ => null,
        };

        using var response = await platform.AppHost.SendAsync(new HttpMethod(method), path, token, body);

        Assert.Equal(expected, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("wrong-audience")]
    public async Task A_missing_expired_forged_or_wrong_audience_token_is_a_401(string kind)
    {
        using var installation = RSA.Create();
        installation.ImportFromPem(platform.AppHost.SigningKeyPem);
        using var forger = RSA.Create(2048);
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "expired" => Mint(installation, "parplatform-api", now.AddHours(-2), now.AddMinutes(-5)),
            "forged" => Mint(forger, "parplatform-api", now, now.AddHours(1)),
            "wrong-audience" => Mint(installation, "another-api", now, now.AddHours(1)),
            _ => null,
        };
        // The same claims, signed with the installation's key for the right audience and lifetime, pass.
        using (var valid = await platform.AppHost.SendAsync(HttpMethod.Get, "/api/v1/units/06112/plans/status", Mint(installation, "parplatform-api", now, now.AddHours(1))))
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);

        using var response = await platform.AppHost.SendAsync(HttpMethod.Get, "/api/v1/units/06112/plans/status", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_and_others_are_not_slowed()
    {
        // A client of its own, so no other test shares its bucket (the gateway's default: 50/s, bursts of 100).
        var admin = await platform.AppHost.TokenAsync("admin");
        var userName = $"nhanh{Random.Shared.Next(100000, 999999)}";
        using (var created = await platform.AppHost.SendAsync(HttpMethod.Post, "/api/v1/admin/users", admin,
            new { userName, displayName = "Kiểm thử giới hạn", role = "unit-officer", password = "MatKhau12345", unitCode = "06181", agencyCode = "van-phong" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = await platform.AppHost.TokenAsync(userName, "MatKhau12345");

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ =>
            platform.AppHost.SendAsync(HttpMethod.Get, "/api/v1/units/06181/plans/status", token)));
        using var other = await platform.AppHost.SendAsync(HttpMethod.Get, "/api/v1/units/06112/plans/status", await platform.AppHost.TokenAsync("tamthanh.canbo"));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(limited, r => Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task The_gateway_serves_the_identity_discovery_document_for_its_issuer()
    {
        // As a browser asks it at the public address (the issuer's).
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/.well-known/openid-configuration", UriKind.Relative));
        request.Headers.Host = new Uri(platform.AppHost.Issuer).Authority;
        using var response = await platform.AppHost.Gateway.SendAsync(request);
        var discovery = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(platform.AppHost.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{platform.AppHost.Issuer}connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>An officer's token of Tam Thanh, as the identity service shapes it, signed with <paramref name="key"/>.</summary>
    private string Mint(RSA key, string audience, DateTime notBefore, DateTime expires)
    {
        // Each test disposes its keys: no signature provider may outlive them in the handler's cache.
        var signingKey = new RsaSecurityKey(key) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        signingKey.KeyId = Base64UrlEncoder.Encode(signingKey.ComputeJwkThumbprint());
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = platform.AppHost.Issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "e2e"), new Claim("role", "unit-officer"), new Claim("unit", "06112"), new Claim("province", "20")]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
