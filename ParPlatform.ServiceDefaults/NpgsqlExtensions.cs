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
/// Stand-ins for Aspire's Npgsql client packages: a pooled data source from
/// ConnectionStrings:{name} (traced by Npgsql's own ActivitySource, which ServiceDefaults
/// listens to), a readiness check, and an EF Core context on top of it.
/// </summary>
public static class NpgsqlExtensions
{
    public static void AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = ConnectionString(builder.Configuration, connectionName);
        // Built by the container, so it is disposed (and its pool closed) when the service stops.
        builder.Services.AddSingleton(_ => CreateDataSource(connectionString, connectionName));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            sp => new NpgsqlReadinessCheck(sp.GetRequiredService<NpgsqlDataSource>()),
            HealthStatus.Unhealthy,
            [Extensions.ReadyTag],
            TimeSpan.FromSeconds(3)));
    }

    /// <summary>ConnectionStrings:{name}, which a service cannot run without.</summary>
    public static string ConnectionString(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not configured. The AppHost sets ConnectionStrings__{connectionName}; " +
                "when running the service alone, set it yourself.");
        }
        return connectionString;
    }

    /// <summary>
    /// A data source as the services build them: statements a connection runs again and again (an intake's, a
    /// consumer's upserts) are prepared once on it, and its connections show <paramref name="name"/> as their
    /// application in pg_stat_activity, unless the connection string says otherwise; at most
    /// <paramref name="maxConnections"/> connections when given (otherwise the connection string's, 100 by default).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString, string name, int? maxConnections = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var source = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            source.ConnectionStringBuilder.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Application Name", StringComparison.OrdinalIgnoreCase))
            source.ConnectionStringBuilder.ApplicationName = name;
        if (maxConnections is { } max)
            source.ConnectionStringBuilder.MaxPoolSize = max;
        return source.Build();
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> over the data source of ConnectionStrings:{name},
    /// with snake_case names, its migrations history in <paramref name="schema"/>, the request's
    /// <see cref="TenantScope"/> on every connection it opens (row-level security), and the
    /// migrations applied at start-up.
    /// </summary>
    public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, string schema)
        where TContext : DbContext
    {
        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddScoped<TenantScopeInterceptor>();
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseServiceDatabase(services.GetRequiredService<NpgsqlDataSource>(), schema)
            .AddInterceptors(services.GetRequiredService<TenantScopeInterceptor>()));
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
    }

    /// <summary>
    /// How every service context is configured, at run time and when migrations are scaffolded
    /// (tools/ParPlatform.Migrations): snake_case names, migrations history in the service schema.
    /// </summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention();

    private sealed class NpgsqlReadinessCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The database does not answer: {e.Message}");
            }
        }
    }
}

/// <summary>
/// Applies pending EF Core migrations before the service starts serving, retrying while the
/// database is not reachable yet; the service does not start if they cannot be applied.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<TContext>();
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
