using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// How long the service's oldest unpublished event has waited since its change, as the dispatcher last measured it
/// (every <see cref="MessagingOptions.QueueCheckInterval"/>). As a health check: Degraded while that is over
/// <see cref="MessagingOptions.OutboxBacklogLimit"/> (the broker is away or refuses, or publishing cannot keep up). As
/// a metric (meter <see cref="Telemetry.MeterName"/>): <c>parplatform.messaging.outbox.oldest_pending_age</c>, 0 when
/// nothing waits.
/// </summary>
internal sealed class OutboxBacklog : IHealthCheck
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _limit;
    private DateTimeOffset? _oldestPending;

    public OutboxBacklog(IMeterFactory meters, TimeProvider clock, IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _limit = options.Value.OutboxBacklogLimit;
        meters.Create(Telemetry.MeterName).CreateObservableGauge("parplatform.messaging.outbox.oldest_pending_age",
            () => Age().TotalSeconds, unit: "s", description: "How long the oldest event not yet published has waited since its change.");
    }

    /// <summary>Records the change time of the oldest pending event; null when none is pending.</summary>
    public void Measured(DateTimeOffset? oldestPending) => _oldestPending = oldestPending;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = Age();
        return Task.FromResult(age > _limit
            ? HealthCheckResult.Degraded($"Sự kiện chưa gửi được lên máy chủ tin nhắn đã chờ {age.TotalSeconds:0} giây.")
            : HealthCheckResult.Healthy());
    }

    private TimeSpan Age() => _oldestPending is { } oldest && _clock.GetUtcNow() > oldest ? _clock.GetUtcNow() - oldest : TimeSpan.Zero;
}
