using ParPlatform.ServiceDefaults;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The plans API as a component sees it: plans and progress to read, and for writes the answer or the service's refusal.</summary>
internal sealed class FakePlansApi : IPlansApi
{
    public List<Plan> Plans { get; } = [];

    public Dictionary<Guid, List<TaskProgress>> Progress { get; } = [];

    public List<string> Calls { get; } = [];

    public List<UnitBody> Bodies { get; } = [new("van-phong", "Văn phòng HĐND và UBND"), new("kinh-te", "Phòng Kinh tế")];

    /// <summary>The answer to the next write of a task: the task, or an exception to throw.</summary>
    public Func<Task<PlanTask>>? NextTaskWrite { get; set; }

    /// <summary>The answer to the next issue: the plan, or an exception to throw.</summary>
    public Func<Task<Plan>>? NextIssue { get; set; }

    public Task<Page<PlanSummary>> ListAsync(string unitCode, int? year, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        Calls.Add($"list {year}");
        List<PlanSummary> found =
        [
            .. Plans.Where(p => year is null || (p.FromYear <= year && p.ToYear >= year)).Select(p => new PlanSummary(
                p.Id, p.IssuerLevel, p.AgencyCode, p.IssuerName, p.Title, p.FromYear, p.ToYear, p.Reference, p.IssueDate, p.Status, null, null)),
        ];
        return Task.FromResult(new Page<PlanSummary>(found, page ?? 1, pageSize ?? 20, found.Count));
    }

    public Task<Plan> GetAsync(string unitCode, Guid id, CancellationToken cancellationToken) => Task.FromResult(Plans.Single(p => p.Id == id));

    public Task<Plan> IssueAsync(string unitCode, Guid id, IssueInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"issue {input.Number} {input.IssueDate:dd/MM/yyyy}");
        return NextIssue!();
    }

    public Task<IReadOnlyList<TaskProgress>> ProgressAsync(string unitCode, Guid id, Guid taskId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskProgress>>(Progress.GetValueOrDefault(taskId) ?? []);

    public Task<PlanTask> RecordProgressAsync(string unitCode, Guid id, Guid taskId, ProgressInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"progress {input.Status} {input.Date:dd/MM/yyyy} {input.Evidence} {input.Reason}");
        return NextTaskWrite!();
    }

    public Task<IReadOnlyList<UnitBody>> BodiesAsync(string unitCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UnitBody>>(Bodies);

    public Task<PlanTask> SetDueDateAsync(string unitCode, Guid id, Guid taskId, DueDateInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"due {input.DueDate:dd/MM/yyyy}");
        return NextTaskWrite!();
    }

    /// <summary>A task of the given status and timeframe kind ("year": due 31/12/2026).</summary>
    public static PlanTask TaskIn(string status, string timeframeKind = "year") => new(
        Guid.CreateVersion7(), "3.3.1", "procedures", null, "Rà soát, đơn giản hóa thủ tục hành chính", "Báo cáo", null,
        [new PlanBody("van-phong", null, null, "Văn phòng HĐND và UBND")], [], timeframeKind == "year" ? "Năm 2026" : "Theo hướng dẫn của tỉnh",
        timeframeKind, timeframeKind == "year" ? new DateOnly(2026, 12, 31) : null, false, null, status, null, null, null, false);

    /// <summary>A plan of 2026 in the given status with the given tasks and one measurable target.</summary>
    public static Plan Plan(string status, params PlanTask[] tasks) => new(
        Guid.CreateVersion7(), "unit", null, "Ủy ban nhân dân phường Tam Thanh", "Kế hoạch cải cách hành chính năm 2026", 2026, 2026,
        status == "draft" ? null : "29", "KH-UBND", status == "draft" ? "/KH-UBND" : "29/KH-UBND", status == "draft" ? null : new DateOnly(2026, 1, 15), null,
        status, null, null,
        [new PlanTarget(Guid.CreateVersion7(), "1", "procedures", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Dossiers.OnTimeRate", "at-least", 98, null, null, null)],
        tasks);
}
