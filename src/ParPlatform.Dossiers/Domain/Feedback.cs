using ParPlatform.Contracts.Dossiers;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Domain;

public enum FeedbackStatus
{
    Received,

    /// <summary>Chuyển xử lý: forwarded to the agency that answers it.</summary>
    Forwarded,

    Resolved,

    /// <summary>Công khai: the answer is published.</summary>
    Published,
}

/// <summary>
/// Feedback on administrative regulations and their handling (phản ánh, kiến nghị, PAKN), from the
/// national portal or in person, with its three deadlines in working days: forward within 2,
/// resolve within 15 (from receipt), publish the answer within 2 (from resolution).
/// Tenant-owned row (row-level security).
/// </summary>
public sealed class Feedback : Aggregate
{
    public static readonly TimeLimit ForwardLimit = TimeLimit.Days(2);
    public static readonly TimeLimit ResolveLimit = TimeLimit.Days(15);
    public static readonly TimeLimit PublishLimit = TimeLimit.Days(2);

    private Feedback()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public FeedbackChannel Channel { get; private set; }

    /// <summary>What the feedback is about, in a few words.</summary>
    public string Subject { get; private set; } = null!;

    /// <summary>The portal's case number or the desk's receipt number; no personal data.</summary>
    public string SenderReference { get; private set; } = null!;

    public FeedbackStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset ForwardDueAt { get; private set; }

    public DateTimeOffset ResolveDueAt { get; private set; }

    public DateTimeOffset? ForwardedAt { get; private set; }

    /// <summary>The agency it was forwarded to, e.g. "van-phong".</summary>
    public string? ForwardedTo { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Answer { get; private set; }

    /// <summary>Resolved on or before the date of <see cref="ResolveDueAt"/>.</summary>
    public bool? ResolvedWithinDeadline { get; private set; }

    public DateTimeOffset? PublishDueAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Feedback Receive(
        string unitCode, string provinceCode, FeedbackChannel channel, string subject, string senderReference, DateTimeOffset at,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var feedback = new Feedback
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, Channel = channel, Subject = subject, SenderReference = senderReference,
            Status = FeedbackStatus.Received, ReceivedAt = at, UpdatedAt = at,
            ForwardDueAt = calendar.DueAt(at, ForwardLimit), ResolveDueAt = calendar.DueAt(at, ResolveLimit),
        };
        feedback.Raise(new FeedbackReceived
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, OccurredAt = at, FeedbackId = feedback.Id, Channel = channel,
            ReceivedAt = at, ResolveDueAt = feedback.ResolveDueAt,
        });
        return feedback;
    }

    public override string EventKey() => Id.ToString();

    public void Forward(string agencyCode, DateTimeOffset at)
    {
        Require(FeedbackStatus.Received, "chuyển xử lý");
        Status = FeedbackStatus.Forwarded;
        ForwardedTo = agencyCode;
        ForwardedAt = at;
        UpdatedAt = at;
    }

    public void Resolve(string answer, DateTimeOffset at, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status is not (FeedbackStatus.Received or FeedbackStatus.Forwarded))
            throw Refusal("giải quyết");
        Status = FeedbackStatus.Resolved;
        Answer = answer;
        ResolvedAt = at;
        ResolvedWithinDeadline = WorkingCalendar.Classify(at, ResolveDueAt) != Timeliness.Late;
        PublishDueAt = calendar.DueAt(at, PublishLimit);
        UpdatedAt = at;
        Raise(new FeedbackResolved
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, FeedbackId = Id, ResolvedAt = at,
            WithinDeadline = ResolvedWithinDeadline.Value,
        });
    }

    public void Publish(DateTimeOffset at)
    {
        Require(FeedbackStatus.Resolved, "công khai");
        Status = FeedbackStatus.Published;
        PublishedAt = at;
        UpdatedAt = at;
    }

    /// <summary>The whole state the statistics count, published again at <paramref name="at"/> for the replay <paramref name="replayId"/>.</summary>
    public FeedbackRecorded RecordedEvent(DateTimeOffset at, Guid replayId) => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, FeedbackId = Id, ReplayId = replayId, Channel = Channel,
        ReceivedAt = ReceivedAt, ResolvedAt = ResolvedAt, ResolvedWithinDeadline = ResolvedWithinDeadline,
    };

    public static string Describe(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "đã tiếp nhận",
        FeedbackStatus.Forwarded => "đã chuyển xử lý",
        FeedbackStatus.Resolved => "đã giải quyết",
        _ => "đã công khai",
    };

    private void Require(FeedbackStatus status, string doing)
    {
        if (Status != status)
            throw Refusal(doing);
    }

    private DomainRuleException Refusal(string doing) =>
        new($"Phản ánh, kiến nghị đang ở trạng thái \"{Describe(Status)}\": không {doing} được.");
}
