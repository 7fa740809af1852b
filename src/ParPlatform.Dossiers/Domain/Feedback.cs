using ParPlatform.Contracts.Dossiers;
using ParPlatform.SharedKernel.Calendar;

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
public sealed class Feedback
{
    public static readonly TimeLimit ForwardLimit = TimeLimit.Days(2);
    public static readonly TimeLimit ResolveLimit = TimeLimit.Days(15);
    public static readonly TimeLimit PublishLimit = TimeLimit.Days(2);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public FeedbackChannel Channel { get; init; }

    /// <summary>What the feedback is about, in a few words.</summary>
    public required string Subject { get; init; }

    /// <summary>The portal's case number or the desk's receipt number; no personal data.</summary>
    public required string SenderReference { get; init; }

    public FeedbackStatus Status { get; set; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset ForwardDueAt { get; init; }

    public DateTimeOffset ResolveDueAt { get; init; }

    public DateTimeOffset? ForwardedAt { get; set; }

    /// <summary>The agency it was forwarded to, e.g. "van-phong".</summary>
    public string? ForwardedTo { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Answer { get; set; }

    /// <summary>Resolved on or before the date of <see cref="ResolveDueAt"/>.</summary>
    public bool? ResolvedWithinDeadline { get; set; }

    public DateTimeOffset? PublishDueAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }

    public static Feedback Receive(
        string unitCode, string provinceCode, FeedbackChannel channel, string subject, string senderReference, DateTimeOffset at,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new Feedback
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, Channel = channel, Subject = subject, SenderReference = senderReference,
            Status = FeedbackStatus.Received, ReceivedAt = at, UpdatedAt = at,
            ForwardDueAt = calendar.DueAt(at, ForwardLimit), ResolveDueAt = calendar.DueAt(at, ResolveLimit),
        };
    }

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
    }

    public void Publish(DateTimeOffset at)
    {
        Require(FeedbackStatus.Resolved, "công khai");
        Status = FeedbackStatus.Published;
        PublishedAt = at;
        UpdatedAt = at;
    }

    public FeedbackReceived ReceivedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = ReceivedAt, FeedbackId = Id, Channel = Channel,
        ReceivedAt = ReceivedAt, ResolveDueAt = ResolveDueAt,
    };

    public FeedbackResolved ResolvedEvent() => new()
    {
        UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = ResolvedAt!.Value, FeedbackId = Id, ResolvedAt = ResolvedAt.Value,
        WithinDeadline = ResolvedWithinDeadline!.Value,
    };

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

    private DossierRuleException Refusal(string doing) =>
        new($"Phản ánh, kiến nghị đang ở trạng thái \"{Describe(Status)}\": không {doing} được.");
}
