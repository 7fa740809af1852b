using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// The identity service in-process (Development, demo data on) against a real PostgreSQL and
/// RabbitMQ started by the AppHost's resource types (TestServers), with its own broker account as the
/// AppHost gives it, and a freshly generated key pair.
/// </summary>
public sealed partial class IdentityFixture : IAsyncLifetime
{
    public const string Issuer = "http://identity.test/";
    public const string DemoPassword = "ParPlatform@2026";

    public TestServers Servers { get; private set; } = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;

    /// <summary>The installation's signing key (tests mint expired or wrong-audience tokens with it).</summary>
    public RSA SigningKey { get; } = RSA.Create(2048);

    public string Database => Servers.Database("identitydb");

    /// <summary>The broker's administrator, to set up and look at queues as an operator would.</summary>
    public string Messaging => Servers.Messaging;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync(["identitydb", "identityproductiondb", "identityinstalleddb"], ["identity"], "identity");
        Service = Create("Development", "identitydb");
        Service.CreateClient().Dispose(); // starts it: migrations, clients, demo data
    }

    /// <summary>
    /// The service in an environment of the test's choosing on one of the fixture's databases, with the same keys (demo data
    /// in Development only, unless <paramref name="settings"/> say otherwise), its log also to <paramref name="logs"/>.
    /// </summary>
    public WebApplicationFactory<Program> Create(
        string environment, string database, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:identitydb"] = Servers.Database(database),
            ["ConnectionStrings:identitydb-owner"] = Servers.DatabaseOwner(database),
            ["ConnectionStrings:messaging"] = Servers.BrokerUser("identity"), // as the AppHost gives it: the broker's administrator
            ["Messaging:ManagementUrl"] = Servers.Broker.ManagementUrl,
            ["Identity:Issuer"] = Issuer,
            ["Identity:SigningKey"] = SigningKey.ExportPkcs8PrivateKeyPem(),
            ["Identity:EncryptionKey"] = Convert.ToBase64String(EncryptionKey),
            ["Identity:DemoData"] = environment == "Development" ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            foreach (var (key, value) in all)
                host.UseSetting(key, value);
            if (logs is not null)
                host.ConfigureLogging(logging => logging.AddProvider(logs));
        });
    }

    private byte[] EncryptionKey { get; } = RandomNumberGenerator.GetBytes(32);

    public HttpClient Client(bool followRedirects = false) => Browser(Service, followRedirects);

    /// <summary>A client of <paramref name="service"/> that keeps cookies and, unless told, stops at redirects, as the tests read them.</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> service, bool followRedirects = false) =>
        service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A client that carries the access token of a demo user (one signed in for recently is used again).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Client();
        // One sign-in per demo user while its token is fresh: a name may be tried only 10 times a minute (SignInAttempts).
        if (!_tokens.TryGetValue(userName, out var token) || DateTimeOffset.UtcNow - token.IssuedAt > TokenReuse)
            _tokens[userName] = token = (await PasswordTokenAsync(client, userName, DemoPassword), DateTimeOffset.UtcNow);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return client;
    }

    /// <summary>How long a demo user's token is used again: well within its 5 minutes.</summary>
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset IssuedAt)> _tokens = new(StringComparer.Ordinal);

    public static async Task<string> PasswordTokenAsync(HttpClient client, string userName, string password)
    {
        using var response = await RequestPasswordTokenAsync(client, userName, password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public static Task<HttpResponseMessage> RequestPasswordTokenAsync(HttpClient client, string userName, string password) =>
        client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "parplatform-scripts",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "api",
        }));

    /// <summary>A token request of an integrator client (client credentials).</summary>
    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string secret) =>
        client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api",
        }));

    private static readonly string[] ChiLang = ["06181"];

    /// <summary>Registers the integrator client <paramref name="clientId"/> for Chi Lăng (06181) and returns its secret.</summary>
    public static async Task<string> RegisterIntegratorAsync(HttpClient admin, string clientId) =>
        (await RegisterIntegratorWithBrokerAsync(admin, clientId)).GetProperty("clientSecret").GetString()!;

    /// <summary>Registers the integrator client <paramref name="clientId"/> for Chi Lăng (06181) and returns the whole answer.</summary>
    public static async Task<JsonElement> RegisterIntegratorWithBrokerAsync(HttpClient admin, string clientId)
    {
        using var registered = await admin.PostAsJsonAsync(new Uri("/api/v1/admin/integrators", UriKind.Relative),
            new { clientId, displayName = "Hệ thống thử " + clientId, unitCodes = ChiLang });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await registered.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The audit log's entries of <paramref name="entityKey"/> among those <paramref name="query"/> selects, newest first, read by
    /// the operator once there are <paramref name="count"/> (or after 30 s, with what there is): entries arrive through the broker.
    /// </summary>
    public async Task<JsonElement[]> AuditEntriesAsync(string query, string entityKey, int count)
    {
        using var reader = await SignedInAsync("vanhanh");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await reader.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/admin/audit?pageSize=200&{query}", UriKind.Relative));
            var entries = page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("entityKey").GetString() == entityKey).ToArray();
            if (entries.Length >= count || DateTimeOffset.UtcNow > deadline)
                return entries;
            await Task.Delay(100);
        }
    }

    /// <summary>The web UI's redemption of an authorization code with its PKCE verifier.</summary>
    public static Task<HttpResponseMessage> ExchangeCodeAsync(HttpClient client, string code, string redirect, string verifier) =>
        client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "parplatform-web", ["code"] = code,
            ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
        }));

    /// <summary>Base64url without padding, as PKCE writes verifiers and challenges.</summary>
    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Signs in on the sign-in page: 302 when signed in, 401 with the page and its reason when refused.</summary>
    public static async Task<HttpResponseMessage> SignInOnPageAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), LoginForm(page, userName, password));
    }

    /// <summary>The sign-in page's form, with the page's antiforgery token and return address.</summary>
    public static FormUrlEncodedContent LoginForm(string page, string userName, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        ["returnUrl"] = System.Net.WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value),
        ["userName"] = userName,
        ["password"] = password,
    });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Servers.DisposeAsync();
        SigningKey.Dispose();
    }
}

/// <summary>One identity service (and one PostgreSQL and RabbitMQ) for every test class.</summary>
[CollectionDefinition(Name)]
public sealed class SharedIdentity : ICollectionFixture<IdentityFixture>
{
    public const string Name = "identity";
}
