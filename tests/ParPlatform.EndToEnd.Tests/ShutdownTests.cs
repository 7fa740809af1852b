using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParPlatform.TestSupport;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>The AppHost run as its own process, exactly as `./build.sh run` starts it.</summary>
public sealed partial class ShutdownTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task The_dashboard_asks_for_the_printed_login_and_Ctrl_C_stops_everything_leaving_no_process_behind()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parplatform-tests", Guid.NewGuid().ToString("N"));
        var (gatewayPort, dashboardPort) = (TestPlatform.FreePort(), TestPlatform.FreePort());
        var output = new List<string>();
        using var appHost = StartAppHost(directory, gatewayPort, dashboardPort, output);
        try
        {
            await WaitUntilEveryServiceIsHealthyAsync(appHost, gatewayPort, output);

            // The dashboard is Aspire's, behind the browser token the AppHost printed.
            using var dashboard = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://localhost:{dashboardPort}") };
            using (var anonymous = await dashboard.GetAsync(new Uri("/", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
                Assert.Equal("/login", anonymous.Headers.Location?.AbsolutePath);
            }
            string loginUrl;
            lock (output)
                loginUrl = output.Select(line => LoginUrl().Match(line)).First(m => m.Success).Value;
            using (var login = await dashboard.GetAsync(new Uri(loginUrl)))
                Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal));

            // Every process the platform started: the AppHost's children, and the orchestrator (DCP), which detaches
            // from it but watches it (--monitor <pid>), with everything DCP runs.
            var platform = ProcessTable.DescendantsOf([appHost.Id, .. ProcessTable.WithCommandLineContaining($"--monitor {appHost.Id}")]);
            Assert.Contains(platform, pid => ProcessTable.CommandLine(pid).Contains("ParPlatform.Gateway", StringComparison.Ordinal));
            Assert.Contains(platform, pid => ProcessTable.CommandLine(pid).Contains(directory, StringComparison.Ordinal)); // postgres -D, RabbitMQ

            ProcessTable.Signal(appHost.Id, 2); // Ctrl+C
            using (var exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                try
                {
                    await appHost.WaitForExitAsync(exitWait.Token);
                }
                catch (OperationCanceledException)
                {
                    // What was still running, and what the AppHost said last: the next engineer's only clue when this fails on CI.
                    string said;
                    lock (output)
                        said = string.Join("\n", output.TakeLast(40));
                    Assert.Fail($"The AppHost had not exited 90 s after Ctrl+C. Still running:\n{string.Join("\n",
                        platform.Where(ProcessTable.IsAlive).Select(pid => $"{pid}: {ProcessTable.CommandLine(pid)}"))}\nIts last output:\n{said}");
                }
            }

            Assert.Equal(0, appHost.ExitCode);
            // The AppHost exits once the orchestrator has stopped everything it started (DcpPublisher:WaitForResourceCleanup);
            // PostgreSQL and RabbitMQ may still be finishing their own clean shutdown then (a checkpoint), briefly.
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (platform.Any(ProcessTable.IsAlive) && DateTimeOffset.UtcNow < deadline)
                await Task.Delay(200);
            Assert.Empty(platform.Where(ProcessTable.IsAlive).Select(pid => $"{pid}: {ProcessTable.CommandLine(pid)}"));
        }
        finally
        {
            if (!appHost.HasExited)
                appHost.Kill(entireProcessTree: true);
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Process StartAppHost(string directory, int gatewayPort, int dashboardPort, List<string> output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(BuildMetadata("ParPlatform.RepositoryRoot"), "ParPlatform.AppHost", "bin",
            BuildMetadata("ParPlatform.Configuration"), "net10.0", "ParPlatform.AppHost.dll"));
        info.ArgumentList.Add($"--DataDirectory={directory}");
        info.ArgumentList.Add($"--Gateway:Port={gatewayPort.ToString(CultureInfo.InvariantCulture)}");
        info.ArgumentList.Add($"--Web:Port={TestPlatform.FreePort().ToString(CultureInfo.InvariantCulture)}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{dashboardPort}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{TestPlatform.FreePort()}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{TestPlatform.FreePort()}";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilEveryServiceIsHealthyAsync(Process appHost, int gatewayPort, List<string> output)
    {
        using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (appHost.HasExited)
                throw new InvalidOperationException($"The AppHost exited with code {appHost.ExitCode}:\n{Tail(output)}");
            try
            {
                using var response = await gateway.GetAsync(new Uri("/health", UriKind.Relative));
                var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (response.IsSuccessStatusCode && health.GetProperty("checks").GetArrayLength() == 7
                    && health.GetProperty("checks").EnumerateArray().All(c => c.GetProperty("status").GetString() == "Healthy"))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // The gateway does not answer yet.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The platform was not healthy after {StartTimeout}:\n{Tail(output)}");
    }

    /// <summary>Where the repository is and how it was built (Directory.Build.props writes both into every assembly).</summary>
    private static string BuildMetadata(string key) =>
        typeof(ShutdownTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string Tail(List<string> output)
    {
        lock (output)
            return string.Join('\n', output.TakeLast(100));
    }

    [GeneratedRegex(@"http://localhost:\d+/login\?t=[0-9a-f]+")]
    private static partial Regex LoginUrl();
}
