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
        // Read here, so that a wrong setting stops the service at start rather than its first intake.
        var intakeConnections = builder.Configuration.GetValue(DossierIntake.ConnectionsKey, DossierIntake.DefaultConnections);
        if (intakeConnections < 1)
            throw new InvalidOperationException($"{DossierIntake.ConnectionsKey} is {intakeConnections}: the intake needs at least one connection.");
        var connectionString = NpgsqlExtensions.ConnectionString(builder.Configuration, "dossiersdb");
        builder.Services.AddSingleton(_ => new DossierIntake(NpgsqlExtensions.CreateDataSource(connectionString, "dossiersdb-intake", intakeConnections)));
        builder.Services.AddSingleton<DossierCopy>();
        builder.Services.AddSingleton<AcceptedImports>();
        builder.Services.AddScoped<AbandonedImports>();
        builder.Services.AddHostedService<DossierImportWorker>();
    }
}
