using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParPlatform.ServiceDefaults.Jobs;

/// <summary>A scan a service runs every so often (e.g. marking what passed its due date); returns how many things it changed.</summary>
public interface IPeriodicScan
{
    Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public static class PeriodicScans
{
    /// <summary>
    /// Runs <typeparamref name="TScan"/> (scoped: a scope per run) every <paramref name="interval"/> of the service's options,
    /// the first time one interval after the start (while the service is still starting, its database may not be ready);
    /// a failed run is logged and the scan runs again at the next interval. <paramref name="changed"/> says what a run that
    /// changed something did, e.g. "dossiers passed their due date and were marked overdue".
    /// </summary>
    public static IServiceCollection AddPeriodicScan<TScan>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> interval, string changed)
        where TScan : class, IPeriodicScan
    {
        services.AddScoped<TScan>();
        return services.AddSingleton<IHostedService>(provider => new PeriodicScanJob<TScan>(
            provider.GetRequiredService<IServiceScopeFactory>(), interval(provider), changed,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PeriodicScanJob<TScan>>>()));
    }
}

/// <summary>The background service of <see cref="PeriodicScans.AddPeriodicScan{TScan}"/>.</summary>
public sealed class PeriodicScanJob<TScan>(IServiceScopeFactory scopes, TimeSpan interval, string changed, TimeProvider clock, ILogger<PeriodicScanJob<TScan>> logger)
    : BackgroundService
    where TScan : class, IPeriodicScan
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var services = scopes.CreateAsyncScope();
                var count = await services.ServiceProvider.GetRequiredService<TScan>().RunAsync(clock.GetUtcNow(), stoppingToken);
                if (count > 0)
                    logger.LogInformation("{Scan}: {Count} {Changed}", typeof(TScan).Name, count, changed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Scan} failed; it runs again in {Interval}", typeof(TScan).Name, interval);
            }
        }
    }
}
