using System.ComponentModel.DataAnnotations;

namespace ParPlatform.Messaging;

/// <summary>
/// Tuning of consumers and of the outbox dispatcher, from the "Messaging" configuration
/// section (e.g. <c>Messaging__BatchSize=100</c>), checked when the service starts. The defaults suit a 2-core host.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Events a consumer applies in one transaction (taken in queue order); the broker hands it
    /// twice that many before any is acknowledged.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 250;

    /// <summary>When a batch fails, each of its events is retried on its own: first straight away.</summary>
    [Range(0, 10)]
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>Then after growing pauses; what still fails goes to the consumer's _error queue.</summary>
    [Range(0, 10)]
    public int IncrementalRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryInitialInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryIntervalIncrement { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows claimed and published per round.</summary>
    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 200;

    /// <summary>The dispatcher wakes on every commit; it also looks this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirm before the round is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between attempts (outbox and consumers) while the broker is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause after the given number of failures in a row: 1, 2, 4 … seconds, at most <see cref="MaxBackOff"/>.</summary>
    public TimeSpan BackOff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));

    /// <summary>How often consumers count their queues and error queues, and the dispatcher measures its backlog.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QueueCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Health is Degraded while the oldest unpublished outbox event is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OutboxBacklogLimit { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Dispatched outbox rows are kept this long (to investigate), then deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Handled-event records are kept this long; a redelivery after that would apply again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
}
