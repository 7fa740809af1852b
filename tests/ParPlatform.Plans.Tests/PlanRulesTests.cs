using ParPlatform.Contracts.Plans;
using ParPlatform.Plans.Domain;
using ParPlatform.SharedKernel;

namespace ParPlatform.Plans.Tests;

/// <summary>The plan's lifecycle, the cascade and the task rules, without a database.</summary>
public sealed class PlanRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<Guid, PlanTarget> NoSources = [];

    private static TaskContent Task(string code, string timeframe, bool provinceAssigned = false) => new(
        code, ParArea.Direction, null, $"Nhiệm vụ {code}", "Kế hoạch", null, null, [new BodyRef("van-hoa-xa-hoi", null)],
        [new BodyRef(null, BodyGroup.AllAgencies)], Timeframe.Parse(timeframe)!, provinceAssigned, null);

    private static PlanContent Content(TargetContent[]? targets = null, TaskContent[]? tasks = null) => new(
        "UBND phường Tam Thanh", "Kế hoạch cải cách hành chính năm 2026", 2026, 2026, [], "KH-UBND", false,
        [new LegalBasis("76/NQ-CP", new DateOnly(2021, 7, 15), "Chính phủ", "Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030")],
        "Mục đích", "Yêu cầu", new DateOnly(2026, 2, 28), null, targets ?? [], tasks ?? []);

    private static Plan Draft(PlanContent content, IReadOnlyDictionary<Guid, PlanTarget>? sources = null) =>
        Plan.Draft(PlanIssuerLevel.Unit, "06112", "20", null, content, sources ?? NoSources, "officer", At);

    private static Plan ProvincePlan(Measure measure)
    {
        var plan = Plan.Draft(PlanIssuerLevel.Province, null, "20", null,
            Content([new TargetContent("2.2", ParArea.Procedures, "Hồ sơ giải quyết đúng hạn", measure, null, null, null, null)]), NoSources, "reviewer", At);
        plan.Issue("29", new DateOnly(2026, 1, 30), null, "reviewer", At);
        return plan;
    }

    [Fact]
    public void Tam_Thanh_issues_its_plan_once_and_it_never_changes_after()
    {
        var plan = Draft(Content(
            [new TargetContent(null, null, "Hoàn thành 100% nhiệm vụ", new Measure("Plans.TaskCompletionRate", TargetComparator.Equal, 100), null, null, null, null)],
            [Task("1.1", "Năm 2026")]));

        plan.Issue("12", new DateOnly(2026, 2, 3), null, "chairman", At);

        Assert.Equal(PlanStatus.Issued, plan.Status);
        Assert.Equal("12/KH-UBND", plan.Reference);
        var events = plan.TakeEvents();
        Assert.Equal([typeof(PlanIssued), typeof(TargetSet)], events.Select(e => e.GetType()));
        Assert.Equal(100, Assert.IsType<TargetSet>(events[1]).Threshold);
        Assert.Throws<DomainRuleException>(() => plan.Edit(Content(), NoSources, At));
        Assert.Throws<DomainRuleException>(() => plan.Issue("13", new DateOnly(2026, 2, 4), null, "chairman", At));
    }

    [Fact]
    public void A_revision_is_a_new_plan_that_supersedes_the_issued_one_when_issued()
    {
        var plan = Draft(Content(tasks: [Task("1.1", "Năm 2026")]));
        plan.Issue("12", new DateOnly(2026, 2, 3), null, "chairman", At);
        plan.TakeEvents();
        var revision = plan.Revise("officer", At);

        Assert.Equal(PlanStatus.Issued, plan.Status);
        revision.Edit(Content(tasks: [Task("1.1", "Năm 2026"), Task("1.2", "Quý II/2026")]), NoSources, At);
        revision.Issue("40", new DateOnly(2026, 4, 1), plan, "chairman", At);

        Assert.Equal(PlanStatus.Superseded, plan.Status);
        Assert.Equal(revision.Id, plan.SupersededByPlanId);
        Assert.Equal(plan.Id, revision.SupersedesPlanId);
        Assert.IsType<PlanSuperseded>(Assert.Single(plan.TakeEvents()));
        Assert.Equal(plan.Id, Assert.IsType<PlanIssued>(revision.TakeEvents()[0]).SupersedesPlanId);
        Assert.Throws<DomainRuleException>(() => plan.Revise("officer", At));
    }

    [Fact]
    public void Chi_Lang_takes_over_Lang_Son_targets_and_tightens_one_but_may_not_loosen_one()
    {
        var province = ProvincePlan(new Measure("Dossiers.OnTimeRate", TargetComparator.AtLeast, 98));
        var source = province.Targets[0];
        var sources = new Dictionary<Guid, PlanTarget> { [source.Id] = source };
        TargetContent Copy(TargetComparator comparator, decimal threshold) =>
            source.Content with { Measure = new Measure("Dossiers.OnTimeRate", comparator, threshold), SourceTargetId = source.Id };

        var kept = Draft(Content([Copy(TargetComparator.AtLeast, 98)]), sources);
        var tightened = Draft(Content([Copy(TargetComparator.Equal, 100)]), sources);
        var loosened = Assert.Throws<DomainInputException>(() => Draft(Content([Copy(TargetComparator.AtLeast, 95)]), sources));

        Assert.Equal(source.Id, kept.Targets[0].SourceTargetId);
        Assert.Equal(100, tightened.Targets[0].Threshold);
        Assert.Equal("targets[0].threshold", loosened.Field);
        Assert.Equal("Không được hạ chỉ tiêu tỉnh giao: tỉnh yêu cầu Dossiers.OnTimeRate ≥ 98%, kế hoạch ghi Dossiers.OnTimeRate ≥ 95%. " +
            "Đơn vị chỉ được giữ nguyên hoặc nâng cao chỉ tiêu.", loosened.Message);
    }

    [Fact]
    public void A_target_naming_a_province_target_that_is_not_there_is_refused()
    {
        var missing = Assert.Throws<DomainInputException>(() => Draft(Content(
            [new TargetContent(null, null, "x", null, null, null, null, Guid.CreateVersion7())])));

        Assert.Equal("targets[0].sourceTargetId", missing.Field);
    }

    [Fact]
    public void Thanh_Mien_records_progress_only_on_an_issued_plan_and_done_is_final()
    {
        var plan = Draft(Content(tasks: [Task("1.a", "Quý I/2026", provinceAssigned: true)]));
        var task = plan.Tasks[0];
        var today = new DateOnly(2026, 3, 10);

        Assert.Throws<DomainRuleException>(() => task.RecordProgress(plan.Status, PlanTaskStatus.InProgress, today, null, null, null, "officer", At, today));
        plan.Issue("5", new DateOnly(2026, 1, 10), null, "chairman", At);
        task.RecordProgress(plan.Status, PlanTaskStatus.InProgress, new DateOnly(2026, 2, 1), "Đang dự thảo", null, null, "officer", At, today);
        var done = task.RecordProgress(plan.Status, PlanTaskStatus.Done, today, null, "Công văn 15/UBND", null, "officer", At, today);

        Assert.Equal("Công văn 15/UBND", done.Evidence);
        Assert.True(task.CompletedOnTime);
        var completed = Assert.IsType<TaskCompleted>(task.TakeEvents()[^1]);
        Assert.True(completed.ProvinceAssigned);
        Assert.Throws<DomainRuleException>(() => task.RecordProgress(plan.Status, PlanTaskStatus.InProgress, today, null, null, null, "officer", At, today));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_updates_are_never_dated_in_the_future()
    {
        var plan = Draft(Content(tasks: [Task("1.1", "Năm 2026")]));
        plan.Issue("5", new DateOnly(2026, 1, 10), null, "chairman", At);
        var today = new DateOnly(2026, 3, 10);

        Assert.Equal("reason", Assert.Throws<DomainInputException>(() =>
            plan.Tasks[0].RecordProgress(plan.Status, PlanTaskStatus.Cancelled, today, null, null, " ", "officer", At, today)).Field);
        Assert.Equal("date", Assert.Throws<DomainInputException>(() =>
            plan.Tasks[0].RecordProgress(plan.Status, PlanTaskStatus.InProgress, today.AddDays(1), null, null, null, "officer", At, today)).Field);
    }

    [Fact]
    public void A_task_past_its_due_date_undone_is_marked_overdue_once()
    {
        var plan = Draft(Content(tasks: [Task("1.2", "Tháng 01/2026"), Task("1.1", "Thường xuyên")]));
        plan.Issue("5", new DateOnly(2026, 1, 10), null, "chairman", At);
        var (monthly, ongoing) = (plan.Tasks[0], plan.Tasks[1]);

        Assert.False(monthly.MarkOverdue(new DateOnly(2026, 1, 31), At)); // its due date is not past on the day itself
        Assert.True(monthly.MarkOverdue(new DateOnly(2026, 2, 1), At));
        Assert.False(monthly.MarkOverdue(new DateOnly(2026, 2, 2), At));
        Assert.False(ongoing.MarkOverdue(new DateOnly(2027, 1, 1), At));
        Assert.Equal(new DateOnly(2026, 1, 31), Assert.IsType<TaskOverdue>(Assert.Single(monthly.TakeEvents())).DueDate);
    }

    [Fact]
    public void A_task_after_a_province_decision_gets_its_due_date_once_it_is_known_and_no_other_does()
    {
        var plan = Draft(Content(tasks: [Task("4.2.1", "Sau khi có Quyết định của UBND tỉnh"), Task("1.2", "Tháng 01/2026")]));

        Assert.Null(plan.Tasks[0].DueDate);
        plan.Tasks[0].SetDueDate(new DateOnly(2026, 5, 15));

        Assert.Equal(new DateOnly(2026, 5, 15), plan.Tasks[0].DueDate);
        Assert.Throws<DomainRuleException>(() => plan.Tasks[1].SetDueDate(new DateOnly(2026, 5, 15)));
    }
}
