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

    private AppHostProcess(string dataDirectory, int gatewayPort, int dashboardPort)
    {
        DataDirectory = dataDirectory;
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
