using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParPlatform.Hosting.Dashboard;

/// <summary>Starts the platform with the dashboard's host and stops it when the host stops (Ctrl+C).</summary>
internal sealed class PlatformRunner(PlatformApp platform, IHostApplicationLifetime lifetime, ILogger<PlatformRunner> logger)
    : BackgroundService, IHostedLifecycleService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dashboardPort = platform.Configuration.GetValue("Dashboard:Port", 18888);
        logger.LogInformation("Dashboard: http://localhost:{Port} — starting the platform (data in {DataDirectory})",
            dashboardPort, platform.Options.DataDirectory);
        try
        {
            await platform.StartAsync(lifetime.ApplicationStopping);
        }
        catch (Exception e) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogError("The platform could not start: {Reason}", e.Message);
            Console.WriteLine(platform.DescribeResources());
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(platform.DescribeResources());
        var gateway = platform.Resources.FirstOrDefault(r => r.Name == "gateway");
        if (gateway is not null)
            Console.WriteLine($"Gateway:   {gateway.Endpoints["http"]}");
        Console.WriteLine($"Dashboard: http://localhost:{dashboardPort}");
        Console.WriteLine("All resources are healthy. Press Ctrl+C to stop them.");
    }

    /// <summary>Runs before any hosted service stops, so the dashboard (and its OTLP receiver) outlive the services.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping the platform");
        await platform.StopAsync();
        logger.LogInformation("Every resource is stopped");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
