using ParPlatform.Messaging.Inbox;

namespace ParPlatform.Reporting.Events;

/// <summary>
/// How far behind its sources the numbers served with it may be: the events waiting in reporting's queues and those set
/// aside in its error queues — neither is in the numbers yet — as counted at <see cref="CountedAt"/> (every few seconds),
/// and the median time recent events took from their change to the read model. Up to date when nothing waits and nothing
/// was set aside.
/// </summary>
public sealed record ReadModelStatus(long WaitingEvents, long FailedEvents, DateTimeOffset? CountedAt, double? MedianLagSeconds, bool UpToDate)
{
    public static ReadModelStatus Of(ConsumerQueues queues, ReadModelLag lag)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(lag);
        var backlog = queues.Backlog();
        return new ReadModelStatus(backlog.Waiting, backlog.Failed, backlog.CountedAt, lag.Percentiles()?.P50.TotalSeconds,
            backlog.CountedAt is not null && backlog.Waiting == 0 && backlog.Failed == 0);
    }
}
