using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/units/{unitCode}/reports").MapServiceStatus<ReportingDbContext>("reporting");
        app.MapGroup("/api/v1/provinces/{provinceCode}/reports").MapServiceStatus<ReportingDbContext>("reporting");
        app.MapPeriodsApi();
        app.MapStatisticsApi();
        app.MapRebuildsApi();
    }
}
