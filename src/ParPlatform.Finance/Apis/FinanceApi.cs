using ParPlatform.Finance.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Finance.Apis;

public static class FinanceApi
{
    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units/{unitCode}/finance");
        group.MapServiceStatus<FinanceDbContext>("finance");
    }
}
