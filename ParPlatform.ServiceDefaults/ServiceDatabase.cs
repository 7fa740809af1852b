using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// A service's database through Aspire's client integrations: the data source of
/// ConnectionStrings:{name} (Aspire.Npgsql, with its health check, tracing and metrics) and the
/// service's EF Core context over it (enriched by Aspire.Npgsql.EntityFrameworkCore.PostgreSQL),
/// with what Aspire does not do for us: the tenant scope on every connection, the service schema,
/// the pool's settings and the migrations applied at start-up by the database's owner
/// (docs/decisions/0002-aspire-client-integrations.md).
/// </summary>
public static class ServiceDatabase
{
    /// <summary>The name Aspire.Npgsql gives the health check of a (not keyed) data source.</summary>
    private const string HealthCheckName = "PostgreSql";

    /// <summary>
    /// Registers the data source of ConnectionStrings:{<paramref name="connectionName"/>} and
    /// <typeparamref name="TContext"/> over it, with snake_case names, its migrations history in
    /// <paramref name="schema"/>, the request's <see cref="TenantScope"/> on every connection it
    /// opens (row-level security), and the migrations applied at start-up as the database's owner
    /// (ConnectionStrings:{connectionName}-owner, <see cref="OwnerConnectionName"/>). The database's
    /// health check is part of readiness (/health).
    /// </summary>
    public static void AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName, string schema)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: source => source.AsServicePool(connectionName));
        builder.Services.Configure<HealthCheckServiceOptions>(health =>
        {
            // Aspire registers the check without tags (or not at all, when Aspire:Npgsql:DisableHealthChecks is set).
            foreach (var check in health.Registrations.Where(r => r.Name == HealthCheckName))
            {
                check.Tags.Add(Extensions.ReadyTag);
                check.Timeout = TimeSpan.FromSeconds(3);
            }
        });
        builder.Services.AddHttpContextAccessor();
        var refuseUnset = builder.Environment.IsDevelopment();
        builder.Services.AddScoped(services => new TenantScopeInterceptor(
            services.GetRequiredService<TenantScope>(), services.GetRequiredService<IHttpContextAccessor>(), refuseUnset));
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseServiceDatabase(services.GetRequiredService<NpgsqlDataSource>(), schema)
            .AddInterceptors(services.GetRequiredService<TenantScopeInterceptor>()));
        builder.EnrichNpgsqlDbContext<TContext>(settings =>
        {
            // The services begin their own transactions (inbox batches, outbox, imports), which a retrying
            // execution strategy refuses; the inbox retries by itself and the migrator waits for the database.
            settings.DisableRetry = true;
            // The data source's check above asks the same pool, and says why it failed.
            settings.DisableHealthChecks = true;
        });
        var owner = builder.Configuration.GetConnectionString(OwnerConnectionName(connectionName));
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(
            services, new MigrationTarget(connectionName, owner, schema)));
    }

    /// <summary>
    /// ConnectionStrings:{connectionName}-owner: the owner of the service's database, which applies the
    /// migrations. The service itself connects as a role that may only read and write the owner's tables,
    /// so it cannot switch their row-level security off.
    /// </summary>
    public static string OwnerConnectionName(string connectionName) => connectionName + "-owner";

    /// <summary>
    /// A pool as the services use them: statements a connection runs again and again (an intake's, a
    /// consumer's upserts) are prepared once on it, and its connections show <paramref name="name"/> as their
    /// application in pg_stat_activity, unless the connection string says otherwise.
    /// </summary>
    public static NpgsqlDataSourceBuilder AsServicePool(this NpgsqlDataSourceBuilder source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Name = name;
        if (!source.ConnectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            source.ConnectionStringBuilder.MaxAutoPrepare = 64;
        if (!source.ConnectionString.Contains("Application Name", StringComparison.OrdinalIgnoreCase))
            source.ConnectionStringBuilder.ApplicationName = name;
        return source;
    }

    /// <summary>
    /// How every service context is configured, at run time and when migrations are scaffolded
    /// (tools/ParPlatform.Migrations): snake_case names, migrations history in the service schema.
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention();
}

/// <summary>The owner's connection string of a service database (null when not configured) and the service schema.</summary>
internal sealed record MigrationTarget(string ConnectionName, string? OwnerConnectionString, string Schema);

/// <summary>
/// Applies pending EF Core migrations as the database's owner before the service starts serving,
/// retrying while the database is not reachable yet; the service does not start if they cannot be applied.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(MigrationTarget target, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ownerName = ServiceDatabase.OwnerConnectionName(target.ConnectionName);
        if (string.IsNullOrWhiteSpace(target.OwnerConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ownerName} is not configured: the owner of the database, which applies the migrations " +
                $"(the service connects as ConnectionStrings:{target.ConnectionName}). The AppHost sets both; docs/deployment.md says what they are.");
        }
        await using var dataSource = new NpgsqlDataSourceBuilder(target.OwnerConnectionString).AsServicePool(ownerName).Build();
        var options = new DbContextOptionsBuilder<TContext>().UseServiceDatabase(dataSource, target.Schema);
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var context = (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
                await context.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database of {Context} is up to date", typeof(TContext).Name);
                return;
            }
            catch (NpgsqlException e) when (DateTimeOffset.UtcNow - started < GiveUpAfter)
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Reason}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
