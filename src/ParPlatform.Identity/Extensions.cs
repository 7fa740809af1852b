using ParPlatform.Identity.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity;

public static class Extensions
{
    public static void AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb", IdentityDbContext.Schema);
    }
}
