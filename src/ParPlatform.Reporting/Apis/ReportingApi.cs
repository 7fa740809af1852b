using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

/// <summary>The reporting service's API, every group listed once.</summary>
public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/reports").WithTenantAccess();
        unit.MapServiceStatus<ReportingDbContext>("reporting").WithTags("Status")
            .WithName("GetUnitReportingStatus").WithSummary("The reporting service's version and database migration level, for a unit");
        unit.MapGroup("/statistics/dossiers").WithTags("Statistics").MapUnitStatistics();

        var province = app.MapGroup("/api/v1/provinces/{provinceCode}/reports").WithTenantAccess();
        province.MapServiceStatus<ReportingDbContext>("reporting").WithTags("Status")
            .WithName("GetProvinceReportingStatus").WithSummary("The reporting service's version and database migration level, for a province");
        province.MapGroup("").WithTags("Periods").MapPeriods();
        province.MapGroup("/statistics/dossiers").WithTags("Statistics").MapProvinceStatistics();

        app.MapGroup("/api/v1/admin/reports/rebuilds").WithTenantAccess(tenantCodeInRoute: false).WithTags("Rebuilds").MapRebuilds();
    }
}
