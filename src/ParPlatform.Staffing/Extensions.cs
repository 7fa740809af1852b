using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;
using ParPlatform.Staffing.Apis;
using ParPlatform.Staffing.Data;

namespace ParPlatform.Staffing;

public static class Extensions
{
    public static void AddStaffingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StaffingDbContext>("staffingdb", StaffingDbContext.Schema);
        builder.AddMessaging<StaffingDbContext>("messaging", StaffingDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<StaffingDbContext>());
        builder.Services.AddScoped<StaffingStore>();
    }
}
