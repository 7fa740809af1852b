using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParPlatform.Hosting.Dashboard;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.Projects;

namespace ParPlatform.Hosting;

/// <summary>The declared resources, started in dependency order, watched, and stopped in reverse.</summary>
public sealed class PlatformApp : IAsyncDisposable
{
    private static readonly TimeSpan HealthInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _monitor = new();
    private readonly CancellationTokenSource _starting = new();
    private Task _healthLoop = Task.CompletedTask;
    private Task _startAll = Task.CompletedTask;
    private bool _stopped;

    internal PlatformApp(IReadOnlyList<Resource> resources, PlatformOptions options, IConfiguration configuration)
    {
        Resources = resources;
        Options = options;
        Configuration = configuration;
    }

    public IReadOnlyList<Resource> Resources { get; }

    public PlatformOptions Options { get; }

    public IConfiguration Configuration { get; }

    public T Get<T>(string name)
        where T : Resource => (T)Resources.Single(r => r.Name == name);

    /// <summary>Starts every resource once the resources it waits for are healthy; returns when all are.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Validate();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _starting.Token);
        var starts = Resources.Select(r => r.StartAfterDependenciesAsync(linked.Token)).ToList();
        _startAll = Task.WhenAll(starts);
        _healthLoop = WatchHealthAsync(_monitor.Token);
        try
        {
            await _startAll;
        }
        catch when (starts.FirstOrDefault(t => t.IsFaulted) is { } first && first.Exception!.InnerException is { } cause)
        {
            // The first failure is the cause; dependants fail because of it.
            throw new InvalidOperationException(cause.Message, cause);
        }
    }

    /// <summary>Checks, before anything starts, what would make a resource fail (a taken fixed port, an unbuilt service).</summary>
    public void Validate()
    {
        foreach (var resource in Resources)
            resource.ValidateBeforeStart();
    }

    /// <summary>Stops the services first, then the databases and servers they used.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        // A stop during start-up first lets the starts still under way give up, so that no
        // process is launched after its resource was stopped.
        await _starting.CancelAsync();
        await _startAll.ContinueWith(_ => { }, TaskScheduler.Default);
        await _monitor.CancelAsync();
        await _healthLoop;
        await Task.WhenAll(Resources.OfType<ProjectResource>().Select(r => r.StopResourceAsync()));
        await Task.WhenAll(Resources.Where(r => r is not ProjectResource).Reverse().Select(r => r.StopResourceAsync()));
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Runs the platform until Ctrl+C (or SIGTERM) with the operations dashboard; returns the exit code.
    /// </summary>
    public async Task<int> RunAsync()
    {
        var port = Configuration.GetValue("Dashboard:Port", 18888);
        try
        {
            Ports.EnsureFree(port, "the dashboard", "choose another with --Dashboard:Port=NNNN");
            Validate();
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        Options.OtlpEndpoint ??= $"http://127.0.0.1:{port}/otlp";

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://localhost:{port}");
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton(this);
        builder.Services.AddSingleton<TelemetryCounters>();
        builder.Services.AddHostedService<PlatformRunner>();
        await using var app = builder.Build();
        app.MapDashboard();
        await app.RunAsync();
        return Environment.ExitCode;
    }

    /// <summary>A plain-text table of the resources, their state and endpoints.</summary>
    public string DescribeResources()
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"RESOURCE",-12} {"TYPE",-9} {"STATE",-10} {"HEALTH",-9} {"PID",-8} ENDPOINTS");
        foreach (var r in Resources)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Name,-12} {r.Type,-9} {r.State,-10} {r.Health,-9} {r.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-",-8} {string.Join(", ", r.Endpoints.Values)}");
        }
        return table.ToString();
    }

    private async Task WatchHealthAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(HealthInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await Task.WhenAll(Resources.Where(r => r.State == ResourceState.Running).Select(async r =>
                {
                    var healthy = await r.IsHealthyAsync(cancellationToken);
                    if (r.State == ResourceState.Running)
                        r.Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
                }));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
