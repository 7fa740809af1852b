using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParPlatform.Messaging.Inbox;

/// <summary>Ready when every consumer queue of the service is being received from.</summary>
internal sealed class InboxReceiverHealth : IHealthCheck
{
    private readonly ConcurrentDictionary<string, string?> _problems = new();

    public void Expect(string queue) => _problems.TryAdd(queue, "not connected yet");

    /// <summary>Records a queue's state: null when it is being received from.</summary>
    public void Set(string queue, string? problem) => _problems[queue] = problem;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = _problems.Where(p => p.Value is not null).Select(p => $"{p.Key}: {p.Value}").ToList();
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", problems)));
    }
}
