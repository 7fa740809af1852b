using System.Net;
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
            var address = BaseUrl(endpoints.Endpoints[0].EndPoint);
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

    /// <summary>The base URL (no trailing slash) of an endpoint service discovery returned for http://{service}.</summary>
    private static string BaseUrl(EndPoint endPoint) => endPoint switch
    {
        UriEndPoint uri => uri.Uri.GetLeftPart(UriPartial.Authority),
        IPEndPoint ip => $"http://{ip}",
        DnsEndPoint dns => $"http://{dns.Host}:{dns.Port}",
        _ => throw new InvalidOperationException($"Service discovery returned an endpoint the gateway cannot use: {endPoint}"),
    };
}
