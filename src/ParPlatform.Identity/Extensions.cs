using ParPlatform.Identity.Data;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity;

public static class Extensions
{
    public static void AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb", IdentityDbContext.Schema);
        // Identity publishes the unit registry's events (UnitRegistered); it consumes none yet.
        builder.AddMessaging<IdentityDbContext>("messaging", IdentityDbContext.Schema);
    }
}
