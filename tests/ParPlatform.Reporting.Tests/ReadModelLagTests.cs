using System.Diagnostics.Metrics;
using ParPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ParPlatform.Reporting.Events;

namespace ParPlatform.Reporting.Tests;

public sealed class ReadModelLagTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TestClock _clock = new() { Now = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero) };

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task The_health_check_tells_the_median_and_99th_percentile_of_the_last_thousand_lags()
    {
        var lag = new ReadModelLag(_clock, Meters);
        var before = await lag.CheckHealthAsync(new HealthCheckContext());

        // 1,200 events: the first 200 a minute late (pushed out by the later ones), then 1 … 1,000 ms.
        for (var i = 0; i < 200; i++)
            lag.Record(_clock.Now!.Value.AddMinutes(-1));
        for (var ms = 1; ms <= 1000; ms++)
            lag.Record(_clock.Now!.Value.AddMilliseconds(-ms));
        var after = await lag.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal("Độ trễ sự kiện → báo cáo: chưa có sự kiện nào.", before.Description);
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(990), 1000), lag.Percentiles());
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal("Độ trễ sự kiện → báo cáo: trung vị 500 ms, p99 990 ms (1000 sự kiện gần nhất)", after.Description);
    }

    [Fact]
    public void Each_lag_is_a_measurement_in_seconds_of_the_histogram_and_a_source_clock_ahead_counts_as_none()
    {
        using var collector = new MetricCollector<double>(Meters, ReadModelLag.MeterName, ReadModelLag.InstrumentName);
        var lag = new ReadModelLag(_clock, Meters);

        lag.Record(_clock.Now!.Value.AddMilliseconds(-2500));
        lag.Record(_clock.Now!.Value.AddSeconds(3)); // the source's clock is ahead of this one

        Assert.Equal([2.5, 0], collector.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal("s", collector.Instrument!.Unit);
    }

    public void Dispose() => _services.Dispose();
}
