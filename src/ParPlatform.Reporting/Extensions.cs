using ParPlatform.Reporting.Data;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting;

public static class Extensions
{
    public static void AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ReportingDbContext>("reportingdb", ReportingDbContext.Schema);
        builder.AddMessaging<ReportingDbContext>("messaging", ReportingDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<ReportingDbContext>());
    }
}
