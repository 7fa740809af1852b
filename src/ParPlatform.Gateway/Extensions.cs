using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.ServiceDiscovery;
using Scalar.AspNetCore;
using ParPlatform.Gateway.Routing;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Gateway;

public static class Extensions
{
    public const string ScalarPath = "/scalar";

    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var timeouts = builder.AddServiceOptions<GatewayTimeoutOptions>(GatewayTimeoutOptions.Section);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(timeouts))
            .ConfigureHttpClient((_, handler) => handler.ConnectTimeout = TimeSpan.FromSeconds(3))
            .AddServiceDiscoveryDestinationResolver();
        builder.AddClientRateLimits();

        var health = builder.Services.AddHealthChecks();
        foreach (var service in GatewayRoutes.Services)
        {
            // A service that is down degrades the gateway; it still answers (with 503 for that service).
            health.Add(new HealthCheckRegistration(
                service,
                sp => new ServiceReadinessCheck(sp.GetRequiredService<ServiceEndpointResolver>(), service),
                HealthStatus.Degraded,
                [ServiceDefaults.Extensions.ReadyTag]));
        }
    }

    /// <summary>
    /// After authentication (MapDefaultEndpoints): each client's rate limit, then the tenant
    /// access rule (the services check it again, with the unit registry), then the larger body
    /// limit of dossier imports (only for a caller let through), then the routes, and the Scalar UI
    /// over the services' OpenAPI documents at /scalar (outside /api/, so without a token, like the
    /// documents; trying a route from it needs one).
    /// </summary>
    public static void MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseTenantAccess(deferUnitProvince: true);
        app.Use(UploadLimits.RaiseForDossierImportsAsync);
        app.MapReverseProxy(proxy => proxy.Use(ProxyErrors.WriteProblemOnFailureAsync));
        app.MapScalarApiReference(ScalarPath, scalar =>
        {
            scalar.Title = "ParPlatform API";
            scalar.OpenApiRoutePattern = GatewayRoutes.DocumentPattern;
            scalar.AddDocuments(GatewayRoutes.Services);
            scalar.AddPreferredSecuritySchemes([ApiDocuments.BearerScheme]);
        });
        app.MapFallback((HttpContext context) => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Không tìm thấy địa chỉ này.",
            detail: $"No ParPlatform API answers {context.Request.Method} {context.Request.Path}."));
    }
}
