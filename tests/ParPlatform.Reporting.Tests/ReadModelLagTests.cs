using ParPlatform.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParPlatform.Reporting.Events;

namespace ParPlatform.Reporting.Tests;

public sealed class ReadModelLagTests
{
    [Fact]
    public async Task The_health_check_tells_the_median_and_99th_percentile_of_the_last_thousand_lags()
    {
        var clock = new TestClock { Now = new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero) };
        var lag = new ReadModelLag(clock);
        var before = await lag.CheckHealthAsync(new HealthCheckContext());

        // 1,200 events: the first 200 a minute late (pushed out by the later ones), then 1 … 1,000 ms.
        for (var i = 0; i < 200; i++)
            lag.Record(clock.Now.Value.AddMinutes(-1));
        for (var ms = 1; ms <= 1000; ms++)
            lag.Record(clock.Now.Value.AddMilliseconds(-ms));
        var after = await lag.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal("Độ trễ sự kiện → báo cáo: chưa có sự kiện nào.", before.Description);
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(990), 1000), lag.Percentiles());
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal("Độ trễ sự kiện → báo cáo: trung vị 500 ms, p99 990 ms (1000 sự kiện gần nhất)", after.Description);
    }
}
