using ParPlatform.Contracts.Plans;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// A task as the plan writes it: optional code ("3.3.1"), area and sub-group ("3.3 Kết quả giải quyết TTHC"), its
/// content, an expected output ("Kế hoạch") or a criterion of its own (text, measurable or not), one or several leads,
/// cooperating bodies with their roles, a timeframe, and whether the province assigned it.
/// </summary>
public sealed record TaskContent(
    string? Code, ParArea? Area, string? Group, string Content, string? Output, string? Criterion, Measure? Measure,
    IReadOnlyList<BodyRef> Leads, IReadOnlyList<BodyRef> Cooperating, Timeframe Timeframe, bool ProvinceAssigned, string? Note);

/// <summary>
/// A task (nhiệm vụ) of a plan, and its progress once the plan is issued: not started → in progress → done, or cancelled
/// with a reason; overdue when its due date passes undone (marked once, <see cref="MarkOverdue"/>). Its events are
/// ordered with its plan's. Tenant-owned row (row-level security).
/// </summary>
public sealed class PlanTask : Aggregate
{
    private PlanTask()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid PlanId { get; private set; }

    public string? UnitCode { get; private set; }

    public string ProvinceCode { get; private set; } = null!;

    public int Ordinal { get; private set; }

    public string? Code { get; private set; }

    public ParArea? Area { get; private set; }

    public string? Group { get; private set; }

    public string Content { get; private set; } = null!;

    public string? Output { get; private set; }

    public string? Criterion { get; private set; }

    public string? IndicatorCode { get; private set; }

    public TargetComparator? Comparator { get; private set; }

    public decimal? Threshold { get; private set; }

    public List<BodyRef> Leads { get; private set; } = [];

    public List<BodyRef> Cooperating { get; private set; } = [];

    public TimeframeKind TimeframeKind { get; private set; }

    public string TimeframeText { get; private set; } = "";

    public DateOnly? DueDate { get; private set; }

    public bool ProvinceAssigned { get; private set; }

    public string? Note { get; private set; }

    public PlanTaskStatus Status { get; private set; }

    /// <summary>The date of the latest progress update.</summary>
    public DateOnly? StatusOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>The day the overdue job found it past its due date, undone.</summary>
    public DateOnly? OverdueOn { get; private set; }

    public uint Version { get; private set; }

    public Measure? Measure => IndicatorCode is null ? null : new Measure(IndicatorCode, Comparator!.Value, Threshold!.Value);

    public Timeframe Timeframe => new(TimeframeKind, TimeframeText, DueDate);

    public TaskContent ContentOf => new(Code, Area, Group, Content, Output, Criterion, Measure, Leads, Cooperating, Timeframe, ProvinceAssigned, Note);

    public override string EventKey() => PlanId.ToString();

    internal static PlanTask Create(Plan plan, int ordinal, TaskContent content) => new()
    {
        PlanId = plan.Id, UnitCode = plan.UnitCode, ProvinceCode = plan.ProvinceCode, Ordinal = ordinal, Code = content.Code,
        Area = content.Area, Group = content.Group, Content = content.Content, Output = content.Output, Criterion = content.Criterion,
        IndicatorCode = content.Measure?.IndicatorCode, Comparator = content.Measure?.Comparator, Threshold = content.Measure?.Threshold,
        Leads = [.. content.Leads], Cooperating = [.. content.Cooperating], TimeframeKind = content.Timeframe.Kind,
        TimeframeText = content.Timeframe.Text, DueDate = content.Timeframe.DueDate, ProvinceAssigned = content.ProvinceAssigned,
        Note = content.Note, Status = PlanTaskStatus.NotStarted,
    };

    /// <summary>A copy for a revision of the plan, with the progress it has reached.</summary>
    internal PlanTask CopyFor(Plan revision)
    {
        var copy = Create(revision, Ordinal, ContentOf);
        (copy.Status, copy.StatusOn, copy.CompletedOn, copy.CancelReason, copy.OverdueOn) = (Status, StatusOn, CompletedOn, CancelReason, OverdueOn);
        return copy;
    }

    /// <summary>
    /// Records a progress update of a task of an issued plan. Done and cancelled are final; cancelling needs a reason; an
    /// update is never dated after <paramref name="today"/>.
    /// </summary>
    public TaskProgress RecordProgress(
        PlanStatus planStatus, PlanTaskStatus status, DateOnly on, string? note, string? evidence, string? reason, string by, DateTimeOffset at,
        DateOnly today)
    {
        if (planStatus != PlanStatus.Issued)
            throw new DomainRuleException("Chỉ ghi tiến độ nhiệm vụ của kế hoạch đã ban hành và còn hiệu lực.");
        if (Status is PlanTaskStatus.Done or PlanTaskStatus.Cancelled)
            throw new DomainRuleException($"Nhiệm vụ đã {(Status == PlanTaskStatus.Done ? "hoàn thành" : "hủy")}: không ghi thêm tiến độ.");
        if (on > today)
            throw new DomainInputException("date", "Ngày cập nhật không được sau hôm nay.");
        if (status == PlanTaskStatus.Cancelled && string.IsNullOrWhiteSpace(reason))
            throw new DomainInputException("reason", "Hủy nhiệm vụ phải nêu lý do.");
        if (status == PlanTaskStatus.NotStarted && Status != PlanTaskStatus.NotStarted)
            throw new DomainInputException("status", "Nhiệm vụ đã triển khai không trở lại \"chưa triển khai\".");
        Status = status;
        StatusOn = on;
        if (status == PlanTaskStatus.Cancelled)
            CancelReason = reason!.Trim();
        Raise(new TaskProgressRecorded
        {
            UnitCode = UnitCode!, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = PlanId, TaskId = Id, Status = status, ReportedOn = on,
            ProvinceAssigned = ProvinceAssigned,
        });
        if (status == PlanTaskStatus.Done)
        {
            CompletedOn = on;
            Raise(new TaskCompleted
            {
                UnitCode = UnitCode!, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = PlanId, TaskId = Id, CompletedOn = on, DueDate = DueDate,
                OnTime = CompletedOnTime, ProvinceAssigned = ProvinceAssigned,
            });
        }
        return TaskProgress.Of(this, status, on, note, evidence, reason, by, at);
    }

    /// <summary>Done by its due date (or done, having none).</summary>
    public bool CompletedOnTime => CompletedOn is { } done && (DueDate is not { } due || done <= due);

    /// <summary>Sets the due date of a task the province times ("Sau khi có Quyết định của UBND tỉnh"…), once it is known.</summary>
    public void SetDueDate(DateOnly dueDate)
    {
        if (!Timeframe.SetByProvince)
            throw new DomainRuleException($"Hạn của nhiệm vụ \"{TimeframeText}\" suy ra từ thời gian thực hiện; chỉ nhiệm vụ theo văn bản, hướng dẫn hoặc quyết định của tỉnh được đặt hạn.");
        if (Status is PlanTaskStatus.Done or PlanTaskStatus.Cancelled)
            throw new DomainRuleException("Nhiệm vụ đã kết thúc: không đặt hạn.");
        DueDate = dueDate;
        OverdueOn = null;
    }

    /// <summary>Marks the task overdue on <paramref name="today"/> when its due date has passed undone and it is not marked yet; raises TaskOverdue once.</summary>
    public bool MarkOverdue(DateOnly today, DateTimeOffset at)
    {
        if (OverdueOn is not null || DueDate is not { } due || due >= today || Status is PlanTaskStatus.Done or PlanTaskStatus.Cancelled)
            return false;
        OverdueOn = today;
        Raise(new TaskOverdue
        {
            UnitCode = UnitCode!, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = PlanId, TaskId = Id, DueDate = due,
            ProvinceAssigned = ProvinceAssigned,
        });
        return true;
    }
}

/// <summary>One progress update of a task: status, note, evidence (a document reference or a link), date, who. Tenant-owned row.</summary>
public sealed class TaskProgress
{
    private TaskProgress()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid TaskId { get; private set; }

    public Guid PlanId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public PlanTaskStatus Status { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public string? Note { get; private set; }

    public string? Evidence { get; private set; }

    public string? Reason { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    internal static TaskProgress Of(PlanTask task, PlanTaskStatus status, DateOnly on, string? note, string? evidence, string? reason, string by, DateTimeOffset at) => new()
    {
        TaskId = task.Id, PlanId = task.PlanId, UnitCode = task.UnitCode!, ProvinceCode = task.ProvinceCode, Status = status, ReportedOn = on,
        Note = note, Evidence = evidence, Reason = reason, RecordedBy = by, RecordedAt = at,
    };
}
