using Microsoft.Extensions.Options;
using ParPlatform.Dossiers.Apis;
using ParPlatform.Dossiers.Calendar;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Events;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Jobs;

namespace ParPlatform.Dossiers;

public static class Extensions
{
    private const string Database = "dossiersdb";

    public static void AddDossiersServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DossiersDbContext>(Database, DossiersDbContext.Schema);
        builder.AddMessaging<DossiersDbContext>("messaging", DossiersDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<DossiersDbContext>()
            .Add<ReplayRequestedConsumer>()
            .Add<ReplayProgressedConsumer>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<WorkingCalendarStore>();
        builder.Services.AddScoped<DossierStatisticsQuery>();
        builder.Services.AddPeriodicScan<OverdueScan>(
            services => TimeSpan.FromSeconds(services.GetRequiredService<IOptions<DossiersOptions>>().Value.OverdueScanSeconds),
            "dossiers passed their due date and were marked overdue");
        builder.Services.AddScoped<ReplayPages>();
        builder.Services.AddScoped<ProcedureCatalogue>();
        var options = builder.AddServiceOptions<DossiersOptions>(DossiersOptions.Section);
        builder.AddKeyedNpgsqlDataSource(DossierIntake.Pool,
            settings =>
            {
                // The service's database, unless one is configured for the intake itself.
                settings.ConnectionString ??= builder.Configuration.GetConnectionString(Database);
                // The service's check covers the database; this pool is meant to be all busy in a burst of intakes.
                settings.DisableHealthChecks = true;
            },
            source => source.AsServicePool(DossierIntake.Pool).ConnectionStringBuilder.MaxPoolSize = options.IntakeConnections);
        builder.Services.AddSingleton<DossierIntake>();
        builder.Services.AddSingleton(_ => new DossierUploads(options.ConcurrentImports));
        builder.Services.AddScoped<DossierCopy>();
        builder.Services.AddSingleton<AcceptedImports>();
        builder.Services.AddHostedService<DossierImportWorker>();
    }
}
