using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParPlatform.Reporting.Events;

/// <summary>
/// How far behind the source the read model is: for each event applied, the time from the change at
/// the source (its OccurredAt, taken just before the source commits) to its application here (just
/// before the batch commits). The last 1,000 are kept; the health check describes them, so the
/// platform's dashboard shows the lag next to the service. Each lag is also a measurement of the histogram
/// <see cref="InstrumentName"/> of the meter <see cref="MeterName"/>, exported with the service's other
/// OpenTelemetry metrics (ServiceDefaults adds the meter).
/// </summary>
public sealed class ReadModelLag : IHealthCheck
{
    public const int Kept = 1000;

    public const string MeterName = "ParPlatform.Reporting";
    public const string InstrumentName = "parplatform.reporting.read_model.lag";

    private readonly TimeProvider _clock;
    private readonly Histogram<double> _histogram;
    private readonly Queue<TimeSpan> _recent = new(Kept);
    private readonly Lock _lock = new();

    public ReadModelLag(TimeProvider clock, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _clock = clock;
        _histogram = meters.Create(MeterName).CreateHistogram(
            InstrumentName,
            unit: "s",
            description: "Time from an event's change at the source to its application to the reporting read model.",
            advice: new InstrumentAdvice<double>
            {
                // From a normal few milliseconds to the hours of a backlog or a replay (the default buckets are for milliseconds).
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400],
            });
    }

    public void Record(DateTimeOffset occurredAt)
    {
        var lag = _clock.GetUtcNow() - occurredAt;
        if (lag < TimeSpan.Zero)
            lag = TimeSpan.Zero;
        _histogram.Record(lag.TotalSeconds);
        lock (_lock)
        {
            if (_recent.Count == Kept)
                _recent.Dequeue();
            _recent.Enqueue(lag);
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
