using Microsoft.Extensions.Options;
using ParPlatform.Messaging;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Data;
using ParPlatform.Plans.Events;
using ParPlatform.Plans.Jobs;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Jobs;

namespace ParPlatform.Plans;

public static class Extensions
{
    public static void AddPlansServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PlansDbContext>("plansdb", PlansDbContext.Schema);
        builder.AddMessaging<PlansDbContext>("messaging", PlansDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<PlansDbContext>()
            .Add<AgencyRegisteredConsumer>()
            .Add<AgencyUpdatedConsumer>());
        builder.AddServiceOptions<PlansOptions>(PlansOptions.Section);
        builder.Services.AddScoped<PlanStore>();
        builder.Services.AddPeriodicScan<TaskOverdueScan>(
            services => TimeSpan.FromSeconds(services.GetRequiredService<IOptions<PlansOptions>>().Value.OverdueScanSeconds),
            "plan tasks passed their due date undone and were marked overdue");
    }
}
