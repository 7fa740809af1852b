using ParPlatform.Plans.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Plans.Apis;

/// <summary>The plans service's API, every group listed once.</summary>
public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/plans").WithTenantAccess();
        unit.MapServiceStatus<PlansDbContext>("plans").WithTags("Status")
            .WithName("GetPlansStatus").WithSummary("The plans service's version and database migration level");
    }
}
