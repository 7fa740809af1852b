using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Plans;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// A unit's plans: the chairman alone is offered to issue a draft; progress updates only on an issued plan's unfinished tasks, and a
/// due date only for a task the province times, to those who work for the unit; the API's field errors beside the fields.
/// </summary>
public sealed class PlanTests : ComponentTest
{
    [Theory]
    [InlineData(PlatformRoles.UnitChairman, "06112", "draft", true)]
    [InlineData(PlatformRoles.UnitChairman, "06112", "issued", false)]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "draft", false)]
    [InlineData(PlatformRoles.UnitChairman, "06181", "draft", false)] // the chairman of another unit
    [InlineData(PlatformRoles.ProvinceReviewer, null, "draft", false)]
    public void Only_the_chairman_of_the_unit_is_offered_to_issue_a_draft(string role, string? unit, string status, bool offered)
    {
        SignIn(role, unit, "20");
        var plan = FakePlansApi.Plan(status, FakePlansApi.TaskIn("not-started"));
        Plans.Plans.Add(plan);

        var page = Render<PlanPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, plan.Id));

        page.WaitForElement("[data-testid=plan-status]");
        Assert.Equal(offered, page.Optional("issue-form") is not null);
    }

    [Fact]
    public void The_plan_shows_its_targets_and_tasks_in_Vietnamese_and_filters_the_tasks()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var done = FakePlansApi.TaskIn("done") with { Code = "1.1", Content = "Ban hành kế hoạch tuyên truyền" };
        var plan = FakePlansApi.Plan("issued", done, FakePlansApi.TaskIn("in-progress") with { Overdue = true });
        Plans.Plans.Add(plan);

        var page = Render<PlanPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, plan.Id));

        page.WaitForAssertion(() => Assert.Equal("29/KH-UBND", page.Find("[data-testid=plan-reference]").TextContent));
        Assert.Contains("≥ 98", page.Find("[data-testid=plan-targets]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Cải cách thủ tục hành chính", page.Find("[data-testid=plan-targets]").TextContent, StringComparison.Ordinal);
        var rows = page.FindAll("[data-testid=plan-tasks] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Hoàn thành", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Văn phòng HĐND và UBND", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", rows[1].TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=tasks-filter-text]").Input("tuyên truyền");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=plan-tasks] tbody tr")));
        Assert.Contains("1.1", page.Find("[data-testid=plan-tasks] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuing_shows_the_API_field_errors_next_to_the_number_and_the_date_then_the_plan_issued()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var plan = FakePlansApi.Plan("draft");
        Plans.Plans.Add(plan);
        Plans.NextIssue = () => Refusals.ThrowAsync<Plan>(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["number"] = ["Chỉ ghi số (ví dụ \"29\"); ký hiệu đã có trong kế hoạch."],
                ["issueDate"] = ["Không được để trống."],
            },
        });
        var page = Render<PlanPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Id, plan.Id));
        page.WaitForElement("input[data-testid=issue-number]").Change("29/KH-UBND");

        page.Find("button[data-testid=issue-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Chỉ ghi số", page.FieldText("issue-number"), StringComparison.Ordinal));
        Assert.Contains("Không được để trống.", page.FieldText("issue-date"), StringComparison.Ordinal);
        Assert.Equal(["issue 29/KH-UBND "], Plans.Calls);

        Plans.NextIssue = () => Task.FromResult(FakePlansApi.Plan("issued") with { Id = plan.Id });
        page.Find("input[data-testid=issue-number]").Change("29");
        page.Find("input[data-testid=issue-date]").Change("15/01/2026");
        page.Find("button[data-testid=issue-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã ban hành", page.Find("[data-testid=plan-status]").TextContent));
        Assert.Equal("issue 29 15/01/2026", Plans.Calls[^1]);
        Assert.Null(page.Optional("issue-form"));
    }

    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "issued", "in-progress", true)]
    [InlineData(PlatformRoles.UnitChairman, "06112", "issued", "not-started", true)]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "draft", "not-started", false)]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "superseded", "in-progress", false)]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "issued", "done", false)]
    [InlineData(PlatformRoles.UnitOfficer, "06112", "issued", "cancelled", false)]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "issued", "in-progress", false)]
    public void Progress_is_offered_on_an_issued_plan_s_unfinished_task_to_those_who_work_for_the_unit(
        string role, string? unit, string planStatus, string taskStatus, bool offered)
    {
        SignIn(role, unit, "20");
        var task = FakePlansApi.TaskIn(taskStatus);
        var plan = FakePlansApi.Plan(planStatus, task);
        Plans.Plans.Add(plan);

        var page = Render<TaskPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PlanId, plan.Id).Add(c => c.TaskId, task.Id));

        page.WaitForElement("[data-testid=task-status]");
        Assert.Equal(offered, page.Optional("progress-form") is not null);
    }

    [Theory]
    [InlineData("province-guidance", "not-started", PlatformRoles.UnitOfficer, true)]
    [InlineData("after-province-decision", "in-progress", PlatformRoles.UnitChairman, true)]
    [InlineData("province-documents", "done", PlatformRoles.UnitOfficer, false)]
    [InlineData("year", "not-started", PlatformRoles.UnitOfficer, false)]
    [InlineData("province-guidance", "not-started", PlatformRoles.ProvinceReviewer, false)]
    public void A_due_date_is_offered_for_an_unfinished_task_the_province_times(string kind, string taskStatus, string role, bool offered)
    {
        SignIn(role, role == PlatformRoles.ProvinceReviewer ? null : "06112", "20");
        var task = FakePlansApi.TaskIn(taskStatus, kind);
        var plan = FakePlansApi.Plan("issued", task);
        Plans.Plans.Add(plan);

        var page = Render<TaskPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PlanId, plan.Id).Add(c => c.TaskId, task.Id));

        page.WaitForElement("[data-testid=task-status]");
        Assert.Equal(offered, page.Optional("due-date-form") is not null);
    }

    [Fact]
    public void A_progress_update_refused_shows_the_API_field_errors_beside_the_fields()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var task = FakePlansApi.TaskIn("in-progress");
        var plan = FakePlansApi.Plan("issued", task);
        Plans.Plans.Add(plan);
        Plans.NextTaskWrite = () => Refusals.ThrowAsync<PlanTask>(HttpStatusCode.BadRequest, new
        {
            title = "Dữ liệu gửi lên không hợp lệ.",
            status = 400,
            errors = new Dictionary<string, string[]>
            {
                ["status"] = ["Trạng thái là \"not-started\", \"in-progress\", \"done\", \"cancelled\"."],
                ["evidence"] = ["Tối đa 1000 ký tự."],
            },
        });
        var page = Render<TaskPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PlanId, plan.Id).Add(c => c.TaskId, task.Id));

        page.WaitForElement("button[data-testid=progress-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Trạng thái là", page.FieldText("progress-status"), StringComparison.Ordinal));
        Assert.Contains("Tối đa 1000 ký tự.", page.FieldText("progress-evidence"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tối đa", page.FieldText("progress-note"), StringComparison.Ordinal);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", page.Find("[data-testid=progress-problem]").TextContent.Trim());
    }

    [Fact]
    public void A_progress_update_recorded_shows_in_the_history_with_its_evidence()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var task = FakePlansApi.TaskIn("in-progress");
        var plan = FakePlansApi.Plan("issued", task);
        Plans.Plans.Add(plan);
        var page = Render<TaskPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PlanId, plan.Id).Add(c => c.TaskId, task.Id));
        page.WaitForAssertion(() => Assert.Contains("Chưa có cập nhật tiến độ.", page.Find("[data-testid=task-history]").TextContent, StringComparison.Ordinal));
        Plans.NextTaskWrite = () =>
        {
            Plans.Progress[task.Id] =
            [
                new(Guid.CreateVersion7(), "done", new DateOnly(2026, 3, 2), "Đã ban hành.", "Quyết định 12/QĐ-UBND", null, "u1",
                    new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero)),
            ];
            return Task.FromResult(task with { Status = "done", CompletedOn = new DateOnly(2026, 3, 2) });
        };
        page.Find("input[data-testid=progress-evidence]").Change("Quyết định 12/QĐ-UBND");

        page.Find("button[data-testid=progress-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("Hoàn thành", page.Find("[data-testid=task-status]").TextContent.Trim()));
        var history = page.Find("[data-testid=task-history] tbody tr").TextContent;
        Assert.Contains("02/03/2026", history, StringComparison.Ordinal);
        Assert.Contains("Quyết định 12/QĐ-UBND", history, StringComparison.Ordinal);
        Assert.Null(page.Optional("progress-form")); // done is final
    }
}
