using ParPlatform.Finance.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Finance.Apis;

/// <summary>The finance service's API, every group listed once.</summary>
public static class FinanceApi
{
    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/finance").WithTenantAccess();
        unit.MapServiceStatus<FinanceDbContext>("finance").WithTags("Status")
            .WithName("GetFinanceStatus").WithSummary("The finance service's version and database migration level");
    }
}
