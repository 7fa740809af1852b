using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ParPlatform.Hosting.Services;

/// <summary>
/// Writes each resource's changes of state and health to the AppHost's console (the dashboard shows the
/// same), and once every resource is running and healthy, where the gateway answers.
/// </summary>
internal sealed class ResourceStatusLog(ResourceNotificationService notifications, DistributedApplicationModel model, ILogger<ResourceStatusLog> logger)
{
    private readonly Dictionary<string, string> _seen = [];
    private bool _announced;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            var state = change.Snapshot.State?.Text;
            if (string.IsNullOrEmpty(state) || change.Snapshot.IsHidden)
                continue;
            var status = change.Snapshot.HealthStatus is { } health ? $"{state}, {health}" : state;
            if (_seen.TryGetValue(change.Resource.Name, out var before) && before == status)
                continue;
            _seen[change.Resource.Name] = status;
            logger.LogInformation("{Resource}: {Status}{Exit}", change.Resource.Name, status,
                change.Snapshot.ExitCode is { } code ? $" (exit code {code})" : "");
            AnnounceOnceAllHealthy();
        }
    }

    private void AnnounceOnceAllHealthy()
    {
        if (_announced || model.Resources.Any(r => notifications.TryGetCurrentState(r.Name, out var current) && !current.Snapshot.IsHidden
                && (current.Snapshot.State?.Text != KnownResourceStates.Running || current.Snapshot.HealthStatus != HealthStatus.Healthy)))
            return;
        _announced = true;
        logger.LogInformation("Every resource is running and healthy.");
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            if (project.GetEndpoints().FirstOrDefault(e => e.EndpointAnnotation.IsExternal) is { } endpoint)
                logger.LogInformation("{Resource}: {Url}", project.Name, endpoint.Url);
        }
    }
}
