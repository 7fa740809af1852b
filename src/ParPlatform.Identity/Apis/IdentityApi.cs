using ParPlatform.Identity.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity.Apis;

/// <summary>The identity service's API, every group listed once.</summary>
public static class IdentityApi
{
    public static void MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTenantAccess(tenantCodeInRoute: false);
        admin.MapGroup("/identity").WithTags("Status").MapServiceStatus<IdentityDbContext>("identity")
            .WithName("GetIdentityStatus").WithSummary("The identity service's version and database migration level");
        admin.MapGroup("").WithTags("Registry").MapRegistry();
        admin.MapGroup("/units/{unitCode}/agencies").WithTags("Registry").MapAgencies("Admin");
        admin.MapGroup("/messaging/error-queues").WithTags("Error queues").MapErrorQueues();
        admin.MapGroup("/audit").WithTags("Audit log").MapAuditLog();
        app.MapGroup("/api/v1/account").WithTenantAccess(tenantCodeInRoute: false).WithTags("Account").MapOwnAccount();
        app.MapGroup("/api/v1/units/{unitCode}/agencies").WithTenantAccess().WithTags("Agencies").MapAgencies();
        app.MapGroup("/api/v1/provinces/{provinceCode}/units").WithTenantAccess().WithTags("Registry").MapProvinceUnits();
        // OAuth 2 / OpenID Connect, described by /.well-known/openid-configuration rather than the OpenAPI document.
        app.MapGroup("/connect").ExcludeFromDescription().MapConnect();
        app.MapGroup("/account").ExcludeFromDescription().MapAccount();
    }
}
