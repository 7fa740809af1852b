using Yarp.ReverseProxy.Configuration;

namespace ParPlatform.Gateway.Routing;

/// <summary>Which path goes to which service. Destinations are discovery names, never ports.</summary>
public static class GatewayRoutes
{
    /// <summary>(route id, path pattern, service).</summary>
    public static readonly IReadOnlyList<(string Id, string Path, string Service)> Table =
    [
        ("unit-plans", "/api/v1/units/{unitCode}/plans/{**rest}", "plans"),
        ("unit-dossiers", "/api/v1/units/{unitCode}/dossiers/{**rest}", "dossiers"),
        ("unit-finance", "/api/v1/units/{unitCode}/finance/{**rest}", "finance"),
        ("unit-staffing", "/api/v1/units/{unitCode}/staffing/{**rest}", "staffing"),
        ("unit-reports", "/api/v1/units/{unitCode}/reports/{**rest}", "reporting"),
        ("unit-agencies", "/api/v1/units/{unitCode}/agencies/{**rest}", "identity"),
        ("province-units", "/api/v1/provinces/{provinceCode}/units/{**rest}", "identity"),
        ("provinces", "/api/v1/provinces/{**rest}", "reporting"),
        ("connect", "/connect/{**rest}", "identity"),
        ("well-known", "/.well-known/{**rest}", "identity"),
        ("account", "/account/{**rest}", "identity"),
        ("admin-calendar", "/api/v1/admin/calendar/{**rest}", "dossiers"),
        ("admin-reports", "/api/v1/admin/reports/{**rest}", "reporting"),
        ("admin", "/api/v1/admin/{**rest}", "identity"),
    ];

    /// <summary>
    /// Largest body the gateway passes on for an upload route (a dossier import of a million rows is
    /// about 200 MB); every other request keeps Kestrel's 30 MB. The service checks its own limit.
    /// <see cref="UploadLimits"/> applies it.
    /// </summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    public static IEnumerable<string> Services => Table.Select(r => r.Service).Distinct();

    /// <summary>
    /// The routes; each keeps the caller's Host header, so a service sees the public address it
    /// was called at (the identity service builds its discovery document and redirects from it).
    /// </summary>
    public static IReadOnlyList<RouteConfig> Routes() =>
        [.. Table.Select(r => new RouteConfig
        {
            RouteId = r.Id,
            ClusterId = r.Service,
            Match = new RouteMatch { Path = r.Path },
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        })];

    public static IReadOnlyList<ClusterConfig> Clusters() =>
        [.. Services.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
            // A service that hangs is answered for within 30 s (504); one that is down at once (503).
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
        })];
}
