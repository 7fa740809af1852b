using ParPlatform.Staffing.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Staffing.Apis;

public static class StaffingApi
{
    public static void MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units/{unitCode}/staffing");
        group.MapServiceStatus<StaffingDbContext>("staffing");
    }
}
