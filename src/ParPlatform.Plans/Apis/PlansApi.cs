using ParPlatform.Plans.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Plans.Apis;

public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units/{unitCode}/plans");
        group.MapServiceStatus<PlansDbContext>("plans");
    }
}
