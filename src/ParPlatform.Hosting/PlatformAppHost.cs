using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPlatform.Hosting.Services;

namespace ParPlatform.Hosting;

/// <summary>The AppHost's builder: Aspire's, with the platform's defaults for running on one machine.</summary>
public static class PlatformAppHost
{
    /// <summary>
    /// Where the Aspire dashboard answers (its browser page, its OTLP receiver, the AppHost's resource service for
    /// it), over plain HTTP on loopback, unless the environment or the command line says otherwise
    /// (e.g. --ASPNETCORE_URLS=http://localhost:18890).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DashboardDefaults = new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = "http://localhost:18888",
        ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889",
        ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:18887",
        ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
    };

    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        foreach (var (name, value) in DashboardDefaults)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
                Environment.SetEnvironmentVariable(name, value);
        }
        var builder = DistributedApplication.CreateBuilder(args);
        // On Ctrl+C or SIGTERM, the AppHost exits only once the orchestrator has stopped every process it started
        // (by default it would exit first and leave the stopping to the orchestrator, seconds later).
        builder.Configuration["DcpPublisher:WaitForResourceCleanup"] ??= "true";
        builder.RunInBackground(nameof(ResourceStatusLog), (services, stopping) => ActivatorUtilities.CreateInstance<ResourceStatusLog>(services).RunAsync(stopping));
        builder.Services.AddLogging(logging => logging.AddFilter(typeof(PlatformAppHost).Namespace, LogLevel.Information));
        return builder;
    }
}
