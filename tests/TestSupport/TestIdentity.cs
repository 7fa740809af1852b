using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.TestSupport;

/// <summary>
/// A stand-in for the identity service in a service's tests: it publishes a test signing key where the
/// service looks for the identity service's keys (/.well-known/jwks), and signs tokens with it.
/// Linked into the test projects that start one service in-process.
/// </summary>
public sealed class TestIdentity : IAsyncDisposable
{
    public const string Issuer = "http://identity.test/";

    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _server;

    /// <summary>The stand-in's address (give it to the service as services:identity:http:0).</summary>
    public string Url => _server?.Urls.Single() ?? throw new InvalidOperationException("Start the stand-in first.");

    public async Task StartAsync()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "test-key" });
        var keySet = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        var builder = WebApplication.CreateSlimBuilder();
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            builder.WebHost.UseUrls($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}");
        }
        _server = builder.Build();
        _server.MapGet("/.well-known/jwks", () => Results.Text(keySet, "application/json"));
        await _server.StartAsync();
    }

    /// <summary>An access token for the platform's API with these claims (role, unit, province …) and a fresh subject.</summary>
    public string Token(params (string Type, string Value)[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        TokenType = "at+jwt",
        Issuer = Issuer,
        Audience = "parplatform-api",
        Expires = DateTime.UtcNow.AddHours(1),
        Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), .. claims.Select(c => new Claim(c.Type, c.Value))]),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>A unit officer's token for <paramref name="unit"/> (of Lâm Đồng, 68, for 24778; of Lạng Sơn, 20, otherwise), at its one-stop desk (agency mot-cua-<paramref name="unit"/>).</summary>
    public string Officer(string unit) =>
        Token(("role", "unit-officer"), ("unit", unit), ("province", unit == "24778" ? "68" : "20"), ("agency", $"mot-cua-{unit}"));

    /// <summary>The chairman's token for <paramref name="unit"/> (of Lâm Đồng, 68, for 24778; of Lạng Sơn, 20, otherwise).</summary>
    public string Chairman(string unit) => Token(("role", "unit-chairman"), ("unit", unit), ("province", unit == "24778" ? "68" : "20"));

    /// <summary>The platform administrator's token.</summary>
    public string Admin() => Token(("role", "platform-admin"));

    /// <summary>A reviewer's token for <paramref name="province"/>.</summary>
    public string Reviewer(string province) => Token(("role", "province-reviewer"), ("province", province));

    /// <summary><paramref name="client"/>, sending <paramref name="token"/> with every request.</summary>
    public static HttpClient Bearing(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _key.Dispose();
    }
}

/// <summary>A clock a test can stop at an instant (<see cref="Now"/>); unset, it is the real time.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now?.ToUniversalTime() ?? base.GetUtcNow();
}
