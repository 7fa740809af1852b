using ParPlatform.Identity.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity.Apis;

public static class IdentityApi
{
    public static void MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/identity");
        group.MapServiceStatus<IdentityDbContext>("identity");
    }
}
