using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParPlatform.Messaging.Inbox;

/// <summary>
/// The service's consumer queues as its receivers see them: whether each is being received from, and — counted every
/// <see cref="MessagingOptions.QueueCheckInterval"/> — the events waiting in it and those moved to its <c>_error</c>
/// queue. As a health check: Unhealthy while a queue is not received from, Degraded while an error queue holds
/// anything. As metrics (meter <see cref="Telemetry.MeterName"/>): <c>parplatform.messaging.queue.messages</c> and
/// <c>parplatform.messaging.error_queue.messages</c>, tagged with the queue.
/// </summary>
public sealed class ConsumerQueues : IHealthCheck
{
    private readonly ConcurrentDictionary<string, QueueState> _queues = new();

    internal ConsumerQueues(IEnumerable<string> queues, IMeterFactory meters)
    {
        foreach (var queue in queues)
            _queues[queue] = new QueueState("not connected yet", 0, 0, null);
        var meter = meters.Create(Telemetry.MeterName);
        meter.CreateObservableGauge("parplatform.messaging.queue.messages", () => Measure(state => state.Waiting),
            unit: "{message}", description: "Events waiting in a consumer's queue, as last counted.");
        meter.CreateObservableGauge("parplatform.messaging.error_queue.messages", () => Measure(state => state.Failed),
            unit: "{message}", description: "Events in a consumer's error queue, as last counted: each needs an operator.");
    }

    /// <summary>
    /// What the service's consumers have not applied, as last counted: events waiting in their queues, and events
    /// moved to their error queues (missing from what the service holds until an operator replays them).
    /// </summary>
    public ConsumerBacklog Backlog()
    {
        var states = _queues.Values.ToList();
        var counted = states.Where(s => s.CountedAt is not null).ToList();
        return new ConsumerBacklog(
            counted.Sum(s => s.Waiting), counted.Sum(s => s.Failed),
            counted.Count == states.Count && counted.Count > 0 ? counted.Min(s => s.CountedAt) : null);
    }

    /// <summary>Records a queue's connection: <paramref name="problem"/> is null while it is being received from.</summary>
    internal void Set(string queue, string? problem) => _queues.AddOrUpdate(queue,
        _ => new QueueState(problem, 0, 0, null), (_, state) => state with { Problem = problem });

    internal void Counted(string queue, long waiting, long failed, DateTimeOffset at) => _queues.AddOrUpdate(queue,
        _ => new QueueState(null, waiting, failed, at), (_, state) => state with { Waiting = waiting, Failed = failed, CountedAt = at });

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = _queues.Where(q => q.Value.Problem is not null).Select(q => $"{q.Key}: {q.Value.Problem}").ToList();
        if (problems.Count > 0)
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", problems)));
        var failed = _queues.Where(q => q.Value.Failed > 0).Select(q => $"{q.Key}_error: {q.Value.Failed}").ToList();
        return Task.FromResult(failed.Count > 0
            ? HealthCheckResult.Degraded("Có sự kiện trong hàng đợi lỗi, cần người vận hành xử lý: " + string.Join("; ", failed))
            : HealthCheckResult.Healthy());
    }

    private IEnumerable<Measurement<long>> Measure(Func<QueueState, long> value) =>
        _queues.Where(q => q.Value.CountedAt is not null)
            .Select(q => new Measurement<long>(value(q.Value), new KeyValuePair<string, object?>("queue", q.Key)));

    private sealed record QueueState(string? Problem, long Waiting, long Failed, DateTimeOffset? CountedAt);
}

/// <summary>Events the service's consumers have not applied: waiting in their queues, or in their error queues; counted at <see cref="CountedAt"/> (the oldest count; null before every queue was counted).</summary>
public sealed record ConsumerBacklog(long Waiting, long Failed, DateTimeOffset? CountedAt);
