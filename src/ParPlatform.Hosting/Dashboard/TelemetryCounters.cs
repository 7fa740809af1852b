using System.Collections.Concurrent;

namespace ParPlatform.Hosting.Dashboard;

/// <summary>What each resource has sent to the OTLP/HTTP receiver: batches and bytes per signal.</summary>
public sealed class TelemetryCounters
{
    private readonly ConcurrentDictionary<(string Resource, string Signal), Counter> _counters = new();

    public void Record(string resource, string signal, long bytes)
    {
        var counter = _counters.GetOrAdd((resource, signal), _ => new Counter());
        lock (counter)
        {
            counter.Batches++;
            counter.Bytes += bytes;
            counter.LastReceivedAt = DateTimeOffset.UtcNow;
        }
    }

    public IReadOnlyList<TelemetrySnapshot> For(string resource) =>
        [.. _counters
            .Where(c => c.Key.Resource == resource)
            .OrderBy(c => c.Key.Signal, StringComparer.Ordinal)
            .Select(c => { lock (c.Value) return new TelemetrySnapshot(c.Key.Signal, c.Value.Batches, c.Value.Bytes, c.Value.LastReceivedAt); })];

    private sealed class Counter
    {
        public long Batches { get; set; }

        public long Bytes { get; set; }

        public DateTimeOffset LastReceivedAt { get; set; }
    }
}

public sealed record TelemetrySnapshot(string Signal, long Batches, long Bytes, DateTimeOffset LastReceivedAt);
