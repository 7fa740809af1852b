using ParPlatform.Staffing.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Staffing.Apis;

/// <summary>The staffing service's API, every group listed once.</summary>
public static class StaffingApi
{
    public static void MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/staffing").WithTenantAccess();
        unit.MapServiceStatus<StaffingDbContext>("staffing").WithTags("Status")
            .WithName("GetStaffingStatus").WithSummary("The staffing service's version and database migration level");
    }
}
