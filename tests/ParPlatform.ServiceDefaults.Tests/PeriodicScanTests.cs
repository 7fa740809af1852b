using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParPlatform.ServiceDefaults.Jobs;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>A periodic scan runs at each interval, each run in a scope of its own, and a failed run does not stop the next.</summary>
public sealed class PeriodicScanTests
{
    [Fact]
    public async Task A_scan_runs_every_interval_in_a_scope_of_its_own_and_a_failed_run_does_not_stop_the_next()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton<Runs>();
        services.AddPeriodicScan<FirstRunFailsScan>(_ => TimeSpan.FromMilliseconds(20), "things were scanned");
        await using var provider = services.BuildServiceProvider();
        var job = Assert.Single(provider.GetServices<IHostedService>());
        var runs = provider.GetRequiredService<Runs>();

        await job.StartAsync(CancellationToken.None);
        await runs.Third.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await job.StopAsync(CancellationToken.None);

        Assert.True(runs.Scans.Count >= 3);
        Assert.Equal(runs.Scans.Count, runs.Scans.Distinct().Count()); // a new scan (its scope's) each run
    }

    private sealed class Runs
    {
        public List<FirstRunFailsScan> Scans { get; } = [];

        public TaskCompletionSource Third { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class FirstRunFailsScan(Runs runs) : IPeriodicScan
    {
        public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            lock (runs)
            {
                runs.Scans.Add(this);
                if (runs.Scans.Count == 3)
                    runs.Third.TrySetResult();
                return runs.Scans.Count == 1 ? throw new InvalidOperationException("the database is away") : Task.FromResult(1);
            }
        }
    }
}
