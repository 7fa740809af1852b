using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// The real AppHost (its Program.cs, every resource) started by Aspire.Hosting.Testing, in Development, with a
/// fresh data directory and free ports for the gateway and the web application; ready once every resource is running and healthy.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    /// <summary>How long a token is used again: well within the 5 minutes access tokens live.</summary>
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(3);

    /// <summary>Tokens by user; tests ask for them from several tasks at once.</summary>
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset IssuedAt)> _tokens = new();

    private TestPlatform(DistributedApplication app, string dataDirectory, int gatewayPort)
    {
        App = app;
        DataDirectory = dataDirectory;
        Issuer = $"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public DistributedApplication App { get; }

    public string DataDirectory { get; }

    /// <summary>The issuer of the platform's tokens: the gateway's public address.</summary>
    public string Issuer { get; }

    /// <summary>The installation's token signing key, as the AppHost generated it.</summary>
    public string SigningKeyPem => File.ReadAllText(Path.Combine(DataDirectory, "identity", "signing-key.pem"));

    public HttpClient Gateway { get; }

    public ResourceNotificationService Notifications => App.ResourceNotifications;

    public static async Task<TestPlatform> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parplatform-tests", Guid.NewGuid().ToString("N"));
        var gatewayPort = FreePort();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ParPlatform_AppHost>(
            [$"--DataDirectory={directory}", $"--Gateway:Port={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
                $"--Web:Port={FreePort().ToString(CultureInfo.InvariantCulture)}"],
            (_, settings) => settings.EnvironmentName = "Development");
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources.Where(r => r.HasAnnotationOfType<HealthCheckAnnotation>()))
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
        return new TestPlatform(app, directory, gatewayPort);
    }

    /// <summary>The current snapshot of a resource (its state, health, process id, properties).</summary>
    public CustomResourceSnapshot Snapshot(string resource) =>
        Notifications.TryGetCurrentState(resource, out var current) ? current.Snapshot : throw new KeyNotFoundException(resource);

    /// <summary>The process id of a running executable or project, from its snapshot.</summary>
    public int? ProcessId(string resource) =>
        Snapshot(resource).Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    /// <summary>An access token of a demo user (password grant, Development), fetched through the gateway once.</summary>
    public async Task<string> TokenAsync(string userName, string password = "ParPlatform@2026")
    {
        if (_tokens.TryGetValue(userName, out var cached) && DateTimeOffset.UtcNow - cached.IssuedAt < TokenReuse)
            return cached.Value;
        var token = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "parplatform-scripts",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "api",
        });
        _tokens[userName] = (token, DateTimeOffset.UtcNow);
        return token;
    }

    /// <summary>An access token of the demo integrator client (client credentials, province 20).</summary>
    public async Task<string> IntegratorTokenAsync()
    {
        if (_tokens.TryGetValue("integrator", out var cached) && DateTimeOffset.UtcNow - cached.IssuedAt < TokenReuse)
            return cached.Value;
        var token = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "langson-integrator",
            ["client_secret"] = "langson-demo-secret-2026",
        });
        _tokens["integrator"] = (token, DateTimeOffset.UtcNow);
        return token;
    }

    /// <summary>Sends a request through the gateway with the given bearer token (none when null).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return await Gateway.SendAsync(request);
    }

    /// <summary>A service's own /health answer (its checks and their descriptions), asked directly, not through the gateway.</summary>
    public async Task<JsonElement> ServiceHealthAsync(string service)
    {
        using var http = new HttpClient { BaseAddress = App.GetEndpoint(service, "http"), Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The superuser's connection string to a service's database.</summary>
    public async Task<string> SuperuserConnectionStringAsync(string database) =>
        new NpgsqlConnectionStringBuilder(await App.GetConnectionStringAsync("postgres")) { Database = database }.ConnectionString;

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<string> RequestTokenAsync(Dictionary<string, string> form)
    {
        using var response = await Gateway.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"No token for {form.GetValueOrDefault("username") ?? form["client_id"]}: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Gateway.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
