using System.ComponentModel.DataAnnotations;
using ParPlatform.ServiceDefaults;
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
        ("province-plans", "/api/v1/provinces/{provinceCode}/plans/{**rest}", "plans"),
        ("province-finance", "/api/v1/provinces/{provinceCode}/finance/{**rest}", "finance"),
        ("province-staffing", "/api/v1/provinces/{provinceCode}/staffing/{**rest}", "staffing"),
        ("provinces", "/api/v1/provinces/{**rest}", "reporting"),
        ("connect", "/connect/{**rest}", "identity"),
        ("well-known", "/.well-known/{**rest}", "identity"),
        ("account", "/account/{**rest}", "identity"),
        ("admin-calendar", "/api/v1/admin/calendar/{**rest}", "dossiers"),
        ("admin-reports", "/api/v1/admin/reports/{**rest}", "reporting"),
        ("admin", "/api/v1/admin/{**rest}", "identity"),
        ("own-account", "/api/v1/account/{**rest}", "identity"),
    ];

    /// <summary>
    /// Largest body the gateway passes on for an upload route (a dossier import of a million rows is
    /// about 200 MB); every other request keeps Kestrel's 30 MB. The service checks its own limit.
    /// <see cref="UploadLimits"/> applies it.
    /// </summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    public static IEnumerable<string> Services => Table.Select(r => r.Service).Distinct();

    /// <summary>
    /// A dossier import's own route and cluster (same service): the service reads the whole upload and
    /// checks every row before it answers (202, or 400 with the bad rows), which for a million rows on
    /// a small machine is more than the 30 s of silence allowed to any other request.
    /// </summary>
    public const string ImportsRoute = "unit-dossier-imports";

    public const string ImportsCluster = "dossiers-imports";

    /// <summary>
    /// Where the gateway serves a service's OpenAPI document (the service's own /openapi/v1.json); like the
    /// Scalar UI over them (/scalar), it needs no token: it describes routes, not data.
    /// </summary>
    public const string DocumentPattern = "/openapi/{documentName}/v1.json";

    public static string DocumentPath(string service) => DocumentPattern.Replace("{documentName}", service, StringComparison.Ordinal);

    /// <summary>
    /// The routes; each keeps the caller's Host header, so a service sees the public address it
    /// was called at (the identity service builds its discovery document and redirects from it; an
    /// OpenAPI document names the gateway as its server).
    /// </summary>
    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. Table.Select(r => Route(r.Id, r.Service, new RouteMatch { Path = r.Path })),
        Route(ImportsRoute, ImportsCluster, new RouteMatch { Path = "/api/v1/units/{unitCode}/dossiers/imports", Methods = ["POST"] }),
        .. Services.Select(service => Route($"{service}-openapi", service, new RouteMatch { Path = DocumentPath(service), Methods = ["GET"] },
            pathSet: ApiDocuments.Path)),
    ];

    /// <summary>
    /// One cluster per service, and the imports' own: a service that does not answer within its timeout
    /// (silence, not total time: an upload streaming in is activity) is answered for with 504; one that
    /// is down at once (503).
    /// </summary>
    public static IReadOnlyList<ClusterConfig> Clusters(GatewayTimeoutOptions timeouts)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        return
        [
            .. Services.Select(service => Cluster(service, service, timeouts.Service)),
            Cluster(ImportsCluster, "dossiers", timeouts.Import),
        ];
    }

    private static RouteConfig Route(string id, string cluster, RouteMatch match, string? pathSet = null) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = match,
        Transforms =
        [
            new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
            .. pathSet is null ? [] : new[] { new Dictionary<string, string> { ["PathSet"] = pathSet } },
        ],
    };

    /// <summary>The cluster's metadata entry naming its service (what a 503 or 504 names).</summary>
    public const string ServiceMetadata = "service";

    private static ClusterConfig Cluster(string id, string service, TimeSpan timeout) => new()
    {
        ClusterId = id,
        Metadata = new Dictionary<string, string> { [ServiceMetadata] = service },
        Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = timeout },
    };
}

/// <summary>Gateway:Timeouts: how long a service may be silent before the gateway answers 504.</summary>
public sealed class GatewayTimeoutOptions
{
    public const string Section = "Gateway:Timeouts";

    /// <summary>Any request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Service { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A dossier import (<see cref="GatewayRoutes.ImportsRoute"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Import { get; set; } = TimeSpan.FromMinutes(5);
}
