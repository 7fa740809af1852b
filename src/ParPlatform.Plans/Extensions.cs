using ParPlatform.Plans.Data;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Plans;

public static class Extensions
{
    public static void AddPlansServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PlansDbContext>("plansdb", PlansDbContext.Schema);
        builder.AddMessaging<PlansDbContext>("messaging", PlansDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<PlansDbContext>());
    }
}
