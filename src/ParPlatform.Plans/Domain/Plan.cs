using ParPlatform.Contracts.Plans;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// A plan's content as drafted: who issues it (its name as printed), its title, the years it covers and their named phases,
/// its symbol ("KH-UBND"; "QĐ-UBND" when issued as the attachment of a decision), legal bases, purposes and requirements,
/// the date by which the unit's agencies file their own plans, the plan it sits under (an agency's under its unit's),
/// its targets and its tasks.
/// </summary>
public sealed record PlanContent(
    string IssuerName, string Title, int FromYear, int ToYear, IReadOnlyList<PlanPhase> Phases, string Symbol, bool DecisionAttachment,
    IReadOnlyList<LegalBasis> LegalBases, string? Purposes, string? Requirements, DateOnly? AgencyPlansDueDate, Guid? ParentPlanId,
    IReadOnlyList<TargetContent> Targets, IReadOnlyList<TaskContent> Tasks);

/// <summary>
/// A PAR plan (kế hoạch CCHC) of a province, a unit or an agency of a unit: drafted, then issued by the unit's chairman (the
/// province's reviewer for a province plan), after which it never changes; a revision is a new plan that supersedes it
/// when issued. Its key is issuer + number + issue date. Tenant-owned row (a province plan has no unit: only its province's
/// scope reaches it).
/// </summary>
public sealed class Plan : Aggregate
{
    private Plan()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public PlanIssuerLevel IssuerLevel { get; private set; }

    /// <summary>The unit, for a unit's or an agency's plan; null for a province's.</summary>
    public string? UnitCode { get; private set; }

    public string ProvinceCode { get; private set; } = null!;

    /// <summary>The issuing agency of an agency's plan.</summary>
    public string? AgencyCode { get; private set; }

    public string IssuerName { get; private set; } = null!;

    public string Title { get; private set; } = null!;

    public int FromYear { get; private set; }

    public int ToYear { get; private set; }

    public List<PlanPhase> Phases { get; private set; } = [];

    /// <summary>The number (số) given at issue, e.g. "29".</summary>
    public string? Number { get; private set; }

    public string Symbol { get; private set; } = null!;

    public bool DecisionAttachment { get; private set; }

    public DateOnly? IssueDate { get; private set; }

    public List<LegalBasis> LegalBases { get; private set; } = [];

    public string? Purposes { get; private set; }

    public string? Requirements { get; private set; }

    public DateOnly? AgencyPlansDueDate { get; private set; }

    public Guid? ParentPlanId { get; private set; }

    public PlanStatus Status { get; private set; }

    /// <summary>The issued plan this draft revises (and supersedes once issued).</summary>
    public Guid? SupersedesPlanId { get; private set; }

    public Guid? SupersededByPlanId { get; private set; }

    public string CreatedBy { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? IssuedBy { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public uint Version { get; private set; }

    public List<PlanTarget> Targets { get; private set; } = [];

    public List<PlanTask> Tasks { get; private set; } = [];

    /// <summary>Number and symbol as printed: "29/KH-UBND"; "/KH-UBND" before a number is given.</summary>
    public string Reference => $"{Number}/{Symbol}";

    public PlanContent Content => new(
        IssuerName, Title, FromYear, ToYear, Phases, Symbol, DecisionAttachment, LegalBases, Purposes, Requirements, AgencyPlansDueDate, ParentPlanId,
        [.. Targets.OrderBy(t => t.Ordinal).Select(t => t.Content)], [.. Tasks.OrderBy(t => t.Ordinal).Select(t => t.ContentOf)]);

    public override string EventKey() => Id.ToString();

    /// <param name="sources">The province targets that targets taken over name, by id (<see cref="CheckSources"/>).</param>
    public static Plan Draft(
        PlanIssuerLevel level, string? unitCode, string provinceCode, string? agencyCode, PlanContent content,
        IReadOnlyDictionary<Guid, PlanTarget> sources, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var plan = new Plan
        {
            IssuerLevel = level, UnitCode = unitCode, ProvinceCode = provinceCode, AgencyCode = agencyCode, Status = PlanStatus.Draft,
            CreatedBy = by, CreatedAt = at,
        };
        CheckSources(content.Targets, sources);
        plan.Apply(content, at);
        return plan;
    }

    /// <summary>Replaces the whole content of a draft.</summary>
    public void Edit(PlanContent content, IReadOnlyDictionary<Guid, PlanTarget> sources, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        RequireDraft("sửa");
        CheckSources(content.Targets, sources);
        Apply(content, at);
    }

    /// <summary>Replaces a draft's tasks (a task table imported), keeping the rest.</summary>
    public void ReplaceTasks(IReadOnlyList<TaskContent> tasks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        RequireDraft("thay danh sách nhiệm vụ");
        Tasks.Clear();
        Tasks.AddRange(tasks.Select((t, i) => PlanTask.Create(this, i + 1, t)));
        UpdatedAt = at;
    }

    private void Apply(PlanContent content, DateTimeOffset at)
    {
        (IssuerName, Title, FromYear, ToYear, Phases, Symbol, DecisionAttachment) =
            (content.IssuerName, content.Title, content.FromYear, content.ToYear, [.. content.Phases], content.Symbol, content.DecisionAttachment);
        (LegalBases, Purposes, Requirements, AgencyPlansDueDate, ParentPlanId) =
            ([.. content.LegalBases], content.Purposes, content.Requirements, content.AgencyPlansDueDate, content.ParentPlanId);
        Targets.Clear();
        Targets.AddRange(content.Targets.Select((t, i) => PlanTarget.Create(this, i + 1, t)));
        Tasks.Clear();
        Tasks.AddRange(content.Tasks.Select((t, i) => PlanTask.Create(this, i + 1, t)));
        UpdatedAt = at;
    }

    /// <summary>
    /// A target taken over from the province keeps or tightens the source's measure, for the same phase, field and channel;
    /// loosening it is refused, with the source's measure in the reason.
    /// </summary>
    public static void CheckSources(IReadOnlyList<TargetContent> targets, IReadOnlyDictionary<Guid, PlanTarget> sources)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sources);
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i].SourceTargetId is not { } sourceId)
                continue;
            var field = $"targets[{i}]";
            if (!sources.TryGetValue(sourceId, out var source))
                throw new DomainInputException($"{field}.sourceTargetId", "Không có chỉ tiêu này trong kế hoạch đã ban hành của tỉnh.");
            if (source.Measure is not { } from)
                continue;
            var target = targets[i];
            if (target.Measure is not { } to)
                throw new DomainInputException($"{field}.indicatorCode", $"Chỉ tiêu của tỉnh đo được ({from}): chỉ tiêu nhận lại phải giữ chỉ số, phép so sánh và ngưỡng.");
            if (to.IndicatorCode != from.IndicatorCode)
                throw new DomainInputException($"{field}.indicatorCode", $"Chỉ tiêu của tỉnh đo bằng {from.IndicatorCode}: chỉ tiêu nhận lại phải dùng cùng chỉ số.");
            if (target.Phase != source.Phase || target.Field != source.Field || target.Channel != source.Channel)
                throw new DomainInputException($"{field}.phase", "Chỉ tiêu nhận lại giữ giai đoạn, lĩnh vực và kênh của chỉ tiêu tỉnh.");
            if (!to.Implies(from))
                throw new DomainInputException($"{field}.threshold",
                    $"Không được hạ chỉ tiêu tỉnh giao: tỉnh yêu cầu {from}, kế hoạch ghi {to}. Đơn vị chỉ được giữ nguyên hoặc nâng cao chỉ tiêu.");
        }
    }

    /// <summary>
    /// Issues the draft with its number and date: it never changes after. Issuing a revision supersedes the plan it revises
    /// (<paramref name="revised"/>, which must still be in force). Raises PlanIssued and a TargetSet per measurable target
    /// (a unit's or an agency's plan).
    /// </summary>
    public void Issue(string number, DateOnly issueDate, Plan? revised, string by, DateTimeOffset at)
    {
        RequireDraft("ban hành");
        if (SupersedesPlanId is not null && revised?.Id != SupersedesPlanId)
            throw new InvalidOperationException("A revision is issued with the plan it revises.");
        if (revised is not null && revised.Status != PlanStatus.Issued)
            throw new DomainRuleException("Kế hoạch được điều chỉnh đã bị thay thế bởi một kế hoạch khác: không ban hành bản điều chỉnh này.");
        (Number, IssueDate, Status, IssuedBy, IssuedAt, UpdatedAt) = (number, issueDate, PlanStatus.Issued, by, at, at);
        revised?.SupersedeBy(this, at);
        if (UnitCode is null)
            return;
        Raise(new PlanIssued
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = Id, AgencyCode = AgencyCode, Reference = Reference,
            IssueDate = issueDate, FromYear = FromYear, ToYear = ToYear, TargetCount = Targets.Count, TaskCount = Tasks.Count,
            SupersedesPlanId = SupersedesPlanId,
        });
        foreach (var target in Targets.Where(t => t.Measure is not null).OrderBy(t => t.Ordinal))
        {
            var phase = Phases.FirstOrDefault(p => p.Name == target.Phase);
            Raise(new TargetSet
            {
                UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = Id, TargetId = target.Id, Area = target.Area,
                IndicatorCode = target.IndicatorCode!, Comparator = target.Comparator!.Value, Threshold = target.Threshold!.Value,
                FromYear = phase?.FromYear ?? FromYear, ToYear = phase?.ToYear ?? ToYear, Field = target.Field, Channel = target.Channel,
                SourceTargetId = target.SourceTargetId,
            });
        }
    }

    private void SupersedeBy(Plan revision, DateTimeOffset at)
    {
        (Status, SupersededByPlanId, UpdatedAt) = (PlanStatus.Superseded, revision.Id, at);
        if (UnitCode is not null)
            Raise(new PlanSuperseded { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, PlanId = Id, SupersededByPlanId = revision.Id });
    }

    /// <summary>A new draft with this issued plan's content (and its tasks' progress) that supersedes it once issued.</summary>
    public Plan Revise(string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Issued)
            throw new DomainRuleException(Status == PlanStatus.Draft
                ? "Kế hoạch chưa ban hành: sửa trực tiếp bản dự thảo."
                : "Kế hoạch đã bị thay thế: điều chỉnh bản đang có hiệu lực.");
        var revision = new Plan
        {
            IssuerLevel = IssuerLevel, UnitCode = UnitCode, ProvinceCode = ProvinceCode, AgencyCode = AgencyCode, Status = PlanStatus.Draft,
            SupersedesPlanId = Id, CreatedBy = by, CreatedAt = at,
        };
        revision.Apply(Content with { Tasks = [] }, at);
        revision.Tasks.AddRange(Tasks.OrderBy(t => t.Ordinal).Select(t => t.CopyFor(revision)));
        return revision;
    }

    private void RequireDraft(string doing)
    {
        if (Status != PlanStatus.Draft)
            throw new DomainRuleException($"Kế hoạch đã ban hành không thay đổi được: không {doing} được. Muốn thay đổi, lập bản điều chỉnh (kế hoạch mới thay thế kế hoạch này).");
    }
}
