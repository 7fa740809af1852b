using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Events;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers;

public static class Extensions
{
    public static void AddDossiersServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DossiersDbContext>("dossiersdb", DossiersDbContext.Schema);
        builder.AddMessaging<DossiersDbContext>("messaging", DossiersDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<DossiersDbContext>()
            .Add<ReplayRequestedConsumer>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<WorkingCalendarStore>();
        builder.Services.AddScoped<DossierStatisticsQuery>();
        builder.Services.AddScoped<OverdueScan>();
        builder.Services.AddHostedService<OverdueJob>();
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var connections = configuration.GetValue(DossierIntake.ConnectionsKey, DossierIntake.DefaultConnections);
            if (connections < 1)
                throw new InvalidOperationException($"{DossierIntake.ConnectionsKey} is {connections}: the intake needs at least one connection.");
            return new DossierIntake(NpgsqlExtensions.CreateDataSource(
                NpgsqlExtensions.ConnectionString(configuration, "dossiersdb"), "dossiersdb-intake", connections));
        });
        builder.Services.AddSingleton<DossierCopy>();
        builder.Services.AddSingleton<AcceptedImports>();
        builder.Services.AddScoped<AbandonedImports>();
        builder.Services.AddHostedService<DossierImportWorker>();
    }
}
