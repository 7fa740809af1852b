using ParPlatform.Dossiers.Data;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers;

public static class Extensions
{
    public static void AddDossiersServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DossiersDbContext>("dossiersdb", DossiersDbContext.Schema);
    }
}
