using System.Diagnostics;

namespace ParPlatform.Dossiers.Bench;

/// <summary>Requests done, the time they took together, and each one's latency (sorted).</summary>
internal sealed record LoadResult(int Count, TimeSpan Elapsed, double[] SortedLatenciesMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];
}

internal static class Load
{
    /// <summary><paramref name="clients"/> clients, each sending its next request as soon as its last one is answered.</summary>
    public static async Task<LoadResult> ClosedAsync(int count, int clients, Func<int, Task> send)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        Array.Sort(latencies);
        return new LoadResult(count, clock.Elapsed, latencies);
    }

    /// <summary>Requests started at a steady rate whatever the answers' pace (an open load), for <paramref name="duration"/>.</summary>
    public static async Task<LoadResult> SteadyAsync(double perSecond, TimeSpan duration, Func<int, Task> send)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var requests = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (clock.Elapsed < due)
                await Task.Delay(due - clock.Elapsed);
            var n = i;
            requests.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await send(n);
                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(requests);
        clock.Stop();
        Array.Sort(latencies);
        return new LoadResult(count, clock.Elapsed, latencies);
    }
}
