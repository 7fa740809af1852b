using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units/{unitCode}/reports");
        group.MapServiceStatus<ReportingDbContext>("reporting");
    }
}
