using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.ServiceDiscovery;

namespace ParPlatform.Gateway.Routing;

/// <summary>
/// The gateway's /health lists every service it routes to, from that service's own /health.
/// It asks once, without the retries of the resilience handler, so a service that is down shows
/// at once.
/// </summary>
public sealed class ServiceReadinessCheck(ServiceEndpointResolver resolver, string service) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var endpoints = await resolver.GetEndpointsAsync($"http://{service}", cancellationToken);
            if (endpoints.Endpoints.Count == 0)
                return new HealthCheckResult(context.Registration.FailureStatus, $"{service} has no known address");
            var address = ServiceDiscoveryDestinationResolver.ToUrl("http", endpoints.Endpoints[0].EndPoint);
            using var response = await Http.GetAsync(new Uri($"{address}/health"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{service} is ready")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{service} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} is not reachable: {e.Message}");
        }
    }
}
