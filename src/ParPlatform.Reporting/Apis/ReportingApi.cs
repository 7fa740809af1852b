using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units/{unitCode}/reports").MapServiceStatus<ReportingDbContext>("reporting");
        // Province views (statistics, rankings) will live here; the status shows the route is served and guarded.
        app.MapGroup("/api/v1/provinces/{provinceCode}/reports").MapServiceStatus<ReportingDbContext>("reporting");
    }
}
