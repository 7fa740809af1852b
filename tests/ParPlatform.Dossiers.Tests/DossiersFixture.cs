using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Hosting.Tests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The dossiers service in-process against a real PostgreSQL and RabbitMQ, with a stand-in for the
/// identity service that publishes a test signing key, and the units 06112 and 06181 (Lạng Sơn, 20)
/// and 24778 (Lâm Đồng, 68) known to the service.
/// </summary>
public sealed class DossiersFixture : IAsyncLifetime, IDisposable
{
    public const string Issuer = "http://identity.test/";

    private readonly TestDirectory _directory = new();
    private readonly RSA _key = RSA.Create(2048);
    private WebApplication _identity = null!;

    public PlatformApp Platform { get; private set; } = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;

    /// <summary>The service's clock: the real time until a test sets <see cref="TestClock.Now"/>.</summary>
    public TestClock Clock { get; } = new();

    public string Database => Platform.Get<PostgresDatabaseResource>("dossiersdb").ConnectionString;

    public async Task InitializeAsync()
    {
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = _directory.Path });
        builder.AddPostgres("postgres").AddDatabase("dossiersdb");
        builder.AddRabbitMQ("messaging");
        Platform = builder.Build();
        await Platform.StartAsync(CancellationToken.None);
        var identityUrl = await StartIdentityStandInAsync();

        Service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:dossiersdb", Database);
            host.UseSetting("ConnectionStrings:messaging", Platform.Get<RabbitMQServerResource>("messaging").ConnectionString);
            host.UseSetting("Identity:Issuer", Issuer);
            host.UseSetting("services:identity:http:0", identityUrl);
            host.UseSetting("Dossiers:OverdueScanSeconds", "3600"); // tests run the scan themselves
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Service.CreateClient().Dispose(); // starts it: migrations
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var units = new NpgsqlCommand(
            """
            INSERT INTO dossiers.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at) VALUES
              ('06112', '20', 'Phường Tam Thanh', 'Ward', 'Lạng Sơn', now(), now()),
              ('06181', '20', 'Xã Chi Lăng', 'Commune', 'Lạng Sơn', now(), now()),
              ('24778', '68', 'Phường Xuân Hương – Đà Lạt', 'Ward', 'Lâm Đồng', now(), now())
            """, connection);
        await units.ExecuteNonQueryAsync();
    }

    /// <summary>A client with the token of a unit officer of <paramref name="unit"/>.</summary>
    public HttpClient Officer(string unit) => Client(("role", "unit-officer"), ("unit", unit), ("province", unit == "24778" ? "68" : "20"));

    /// <summary>A client with the token of the platform administrator.</summary>
    public HttpClient Admin() => Client(("role", "platform-admin"));

    /// <summary>A client with the token of a reviewer of <paramref name="province"/>.</summary>
    public HttpClient Reviewer(string province) => Client(("role", "province-reviewer"), ("province", province));

    private HttpClient Client(params (string Type, string Value)[] claims)
    {
        var key = new RsaSecurityKey(_key) { KeyId = "test-key" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Audience = "parplatform-api",
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), .. claims.Select(c => new Claim(c.Type, c.Value))]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Serves the public half of the test key where the service looks for the identity service's keys.</summary>
    private async Task<string> StartIdentityStandInAsync()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "test-key" });
        var keySet = JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        var builder = WebApplication.CreateSlimBuilder();
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            builder.WebHost.UseUrls($"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}");
        }
        _identity = builder.Build();
        _identity.MapGet("/.well-known/jwks", () => Results.Text(keySet, "application/json"));
        await _identity.StartAsync();
        return _identity.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await _identity.DisposeAsync();
        await Platform.StopAsync();
        _key.Dispose();
    }

    public void Dispose() => _directory.Dispose();
}

/// <summary>A clock a test can stop at an instant (<see cref="Now"/>); unset, it is the real time.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now?.ToUniversalTime() ?? base.GetUtcNow();
}
