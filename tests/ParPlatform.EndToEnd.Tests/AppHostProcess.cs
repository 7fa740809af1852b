using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Dashboard;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// The AppHost run as its own process — exactly what `./build.sh run` starts — with a fresh data
/// directory and free ports for the gateway and the dashboard.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly ChildProcess _process;

    private readonly Dictionary<string, string> _tokens = [];

    private AppHostProcess(string dataDirectory, int gatewayPort, int dashboardPort)
    {
        DataDirectory = dataDirectory;
        Issuer = $"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(10) };
        Dashboard = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}"), Timeout = TimeSpan.FromSeconds(10) };
        var options = new PlatformOptions { DataDirectory = dataDirectory };
        var appHost = Path.Combine(options.RepositoryRoot, "ParPlatform.AppHost", "bin", options.Configuration, "net10.0", "ParPlatform.AppHost.dll");
        _process = ChildProcess.Start(
            new ProcessSpec("dotnet", [
                appHost,
                $"--DataDirectory={dataDirectory}",
                $"--Gateway:Port={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
                $"--Dashboard:Port={dashboardPort.ToString(CultureInfo.InvariantCulture)}",
            ]),
            Output.Add);
    }

    public string DataDirectory { get; }

    /// <summary>The issuer of the platform's tokens: the gateway's public address.</summary>
    public string Issuer { get; }

    /// <summary>The installation's token signing key, as the AppHost generated it.</summary>
    public string SigningKeyPem => File.ReadAllText(Path.Combine(DataDirectory, "identity", "signing-key.pem"));

    public HttpClient Gateway { get; }

    public HttpClient Dashboard { get; }

    public ConsoleTail Output { get; } = new(2000);

    public int ProcessId => _process.Id;

    public static async Task<AppHostProcess> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parplatform-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var appHost = new AppHostProcess(directory, Ports.GetFree(), Ports.GetFree());
        await appHost.WaitUntilAllHealthyAsync();
        return appHost;
    }

    /// <summary>An access token of a demo user (password grant, Development), fetched through the gateway once.</summary>
    public async Task<string> TokenAsync(string userName, string password = "ParPlatform@2026")
    {
        if (_tokens.TryGetValue(userName, out var cached))
            return cached;
        var token = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "parplatform-scripts",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "api",
        });
        _tokens[userName] = token;
        return token;
    }

    /// <summary>An access token of the demo integrator client (client credentials, province 20).</summary>
    public async Task<string> IntegratorTokenAsync() =>
        _tokens.TryGetValue("integrator", out var cached) ? cached : _tokens["integrator"] = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "langson-integrator",
            ["client_secret"] = "langson-demo-secret-2026",
        });

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

    private async Task<string> RequestTokenAsync(Dictionary<string, string> form)
    {
        using var response = await Gateway.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"No token for {form.GetValueOrDefault("username") ?? form["client_id"]}: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<List<ResourceSnapshot>> GetResourcesAsync() =>
        (await Dashboard.GetFromJsonAsync<List<ResourceSnapshot>>("/api/resources?lines=0", JsonSerializerOptions.Web))!;

    /// <summary>Sends Ctrl+C (SIGINT) and returns the exit code once the AppHost has stopped everything.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        Signals.Send(_process.Id, Signals.SigInt);
        return await _process.Exited.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await _process.StopAsync(Signals.SigInt, TimeSpan.FromSeconds(90));
        Gateway.Dispose();
        Dashboard.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilAllHealthyAsync()
    {
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The AppHost exited with code {_process.Exited.Result}:\n{string.Join('\n', Output.Lines)}");
            try
            {
                var resources = await GetResourcesAsync();
                if (resources.All(r => r.State == nameof(ResourceState.Running) && r.Health == nameof(ResourceHealth.Healthy)))
                    return;
            }
            catch (HttpRequestException)
            {
                // The dashboard is not listening yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The platform was not healthy after {StartTimeout}:\n{string.Join('\n', Output.Lines.TakeLast(200))}");
    }
}
