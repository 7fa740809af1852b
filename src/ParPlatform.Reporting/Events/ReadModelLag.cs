using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParPlatform.Reporting.Events;

/// <summary>
/// How far behind the source the read model is: for each event applied, the time from the change at
/// the source (its OccurredAt, taken just before the source commits) to its application here (just
/// before the batch commits). The last 1,000 are kept; the health check describes them, so the
/// platform's dashboard shows the lag next to the service.
/// </summary>
public sealed class ReadModelLag(TimeProvider clock) : IHealthCheck
{
    public const int Kept = 1000;

    private readonly Queue<TimeSpan> _recent = new(Kept);
    private readonly Lock _lock = new();

    public void Record(DateTimeOffset occurredAt)
    {
        var lag = clock.GetUtcNow() - occurredAt;
        lock (_lock)
        {
            if (_recent.Count == Kept)
                _recent.Dequeue();
            _recent.Enqueue(lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
        }
    }

    /// <summary>The median and 99th percentile of the kept lags, and how many there are (none yet: null).</summary>
    public (TimeSpan P50, TimeSpan P99, int Count)? Percentiles()
    {
        TimeSpan[] sorted;
        lock (_lock)
            sorted = [.. _recent.Order()];
        if (sorted.Length == 0)
            return null;
        return (sorted[(sorted.Length - 1) / 2], sorted[(int)Math.Ceiling(0.99 * sorted.Length) - 1], sorted.Length);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(Percentiles() is { } p
            ? $"Độ trễ sự kiện → báo cáo: trung vị {Text(p.P50)}, p99 {Text(p.P99)} ({p.Count} sự kiện gần nhất)"
            : "Độ trễ sự kiện → báo cáo: chưa có sự kiện nào."));

    private static string Text(TimeSpan lag) => lag < TimeSpan.FromSeconds(10)
        ? $"{lag.TotalMilliseconds:0} ms"
        : lag < TimeSpan.FromHours(1) ? $"{lag.TotalSeconds:0} s" : $"{lag.TotalHours:0} giờ";
}
