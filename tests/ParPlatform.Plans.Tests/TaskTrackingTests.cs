using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Domain;
using ParPlatform.TestSupport;
using static ParPlatform.Plans.Tests.PlansFixture;

namespace ParPlatform.Plans.Tests;

/// <summary>Progress of an issued plan's tasks, the overdue job, the completion rates and the province's view.</summary>
public sealed class TaskTrackingTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private static readonly DateTimeOffset April10 = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam

    private static TaskInput Task(string code, string timeframe, bool provinceAssigned = false) =>
        new(code, "procedures", null, $"Nhiệm vụ {code}", "Báo cáo", null, null, null, null, [new BodyInput("van-hoa-xa-hoi", null, null)],
            [new BodyInput(null, "all-agencies", null)], timeframe, provinceAssigned, null);

    private async Task<HttpResponseMessage> ProgressAsync(string unit, Guid plan, Guid task, string status, DateOnly date, string? reason = null) =>
        await plans.Officer(unit).PostAsJsonAsync($"{PlanApi.UnitPlans(unit)}/{plan}/tasks/{task}/progress",
            new ProgressInput(status, date, "Ghi chú", "Công văn số 15/UBND", reason), PlanApi.Json);

    private async Task<long> OutboxCountAsync(string eventType, Guid taskId)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(plans.Database);
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM plans.outbox_messages WHERE event_type LIKE @type AND payload->>'taskId' = @task", connection);
        query.Parameters.AddWithValue("type", $"%{eventType}%");
        query.Parameters.AddWithValue("task", taskId.ToString());
        return (long)(await query.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Chi_Lang_tracks_its_tasks_the_job_marks_the_overdue_one_once_and_Lang_Son_ranks_its_units()
    {
        plans.Clock.Now = April10;
        var path = PlanApi.UnitPlans(ChiLang);
        var draft = await plans.Officer(ChiLang).DraftAsync(path, SeedPlans.ChiLang() with
        {
            Tasks = [Task("1", "Tháng 01/2026"), Task("2", "Quý I/2026"), Task("3", "Quý I/2026", provinceAssigned: true), Task("4", "Năm 2026"),
                Task("5", "Thường xuyên"), Task("6", "Quý I/2026")],
        });
        var plan = await plans.Chairman(ChiLang).IssueAsync(path, draft.Id, "15", new DateOnly(2026, 1, 8));
        var t = plan.Tasks;
        await plans.Officer(TamThanh).DraftAsync(PlanApi.UnitPlans(TamThanh), SeedPlans.TamThanh());

        using var started = await ProgressAsync(ChiLang, plan.Id, t[0].Id, "in-progress", new DateOnly(2026, 1, 10));
        using var done = await ProgressAsync(ChiLang, plan.Id, t[0].Id, "done", new DateOnly(2026, 1, 20));
        using var assignedDone = await ProgressAsync(ChiLang, plan.Id, t[2].Id, "done", new DateOnly(2026, 3, 30));
        using var cancelled = await ProgressAsync(ChiLang, plan.Id, t[5].Id, "cancelled", new DateOnly(2026, 2, 1), "Tỉnh đã bãi bỏ yêu cầu");
        using var afterDone = await ProgressAsync(ChiLang, plan.Id, t[0].Id, "in-progress", new DateOnly(2026, 2, 1));
        using var future = await ProgressAsync(ChiLang, plan.Id, t[1].Id, "in-progress", new DateOnly(2026, 4, 11));
        var firstScan = await plans.ScanOverdueAsync();
        var secondScan = await plans.ScanOverdueAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { started, done, assignedDone, cancelled }.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, afterDone.StatusCode);
        Assert.Contains("date", (await PlanApi.ErrorsAsync(future)).Keys);
        Assert.Equal((1, 0), (firstScan, secondScan));
        var read = await plans.Officer(ChiLang).GetPlanAsync(path, plan.Id);
        Assert.Equal([false, true, false, false, false, false], read.Tasks.Select(x => x.Overdue));
        Assert.Equal(1, await OutboxCountAsync("TaskOverdue", t[1].Id));
        Assert.Equal(1, await OutboxCountAsync("TaskCompleted", t[0].Id));
        Assert.Equal(2, await OutboxCountAsync("TaskProgressRecorded", t[0].Id));
        var history = (await plans.Officer(ChiLang).GetFromJsonAsync<List<ProgressResponse>>($"{path}/{plan.Id}/tasks/{t[0].Id}/progress", PlanApi.Json))!;
        Assert.Equal([Contracts.Plans.PlanTaskStatus.InProgress, Contracts.Plans.PlanTaskStatus.Done], history.Select(h => h.Status));
        Assert.Equal("Công văn số 15/UBND", history[1].Evidence);

        var rates = (await plans.Reviewer(LangSon).GetFromJsonAsync<List<IndicatorValue>>($"{path}/indicators?from=2026-01-01&to=2026-12-31", PlanApi.Json))!;
        Assert.Equal([new IndicatorValue("Plans.TaskCompletionRate", 2, 4, 50m), new IndicatorValue("Plans.ProvinceAssignedTaskCompletionRate", 1, 1, 100m)], rates);

        var overview = (await plans.Reviewer(LangSon).GetFromJsonAsync<ProvincePlansOverview>($"{PlanApi.ProvincePlans(LangSon)}/overview?year=2026", PlanApi.Json))!;
        Assert.Equal(new DateOnly(2026, 4, 10), overview.AsOf);
        Assert.Equal(
            [
                (1, ChiLang, "issued", "15/KH-UBND", (DateOnly?)null, 3, 2, 1, (decimal?)66.67m),
                (2, TamThanh, "draft", "/KH-UBND", new DateOnly(2026, 2, 28), 0, 0, 0, null),
                (3, "06199", "none", null, null, 0, 0, 0, null),
            ],
            overview.Units.Select(u => (u.Rank, u.UnitCode, u.PlanStatus, u.Reference, u.AgencyPlansDueDate, u.TasksDue, u.TasksDone, u.TasksOverdue, u.CompletionRate)));
    }

    [Fact]
    public async Task A_task_after_a_province_decision_gets_its_due_date_once_known_and_is_then_tracked()
    {
        plans.Clock.Now = April10;
        var path = PlanApi.UnitPlans(NamGiaNghia);
        var draft = await plans.Officer(NamGiaNghia).DraftAsync(path, SeedPlans.NamGiaNghia() with
        {
            Tasks = [Task("4.2.1", "Sau khi có Quyết định của UBND tỉnh"), Task("1.2", "Tháng 01/2026")],
        });
        var plan = await plans.Chairman(NamGiaNghia).IssueAsync(path, draft.Id, "1", new DateOnly(2025, 12, 31));

        using var set = await plans.Officer(NamGiaNghia).PutAsJsonAsync($"{path}/{plan.Id}/tasks/{plan.Tasks[0].Id}/due-date",
            new DueDateInput(new DateOnly(2026, 4, 1)), PlanApi.Json);
        using var refused = await plans.Officer(NamGiaNghia).PutAsJsonAsync($"{path}/{plan.Id}/tasks/{plan.Tasks[1].Id}/due-date",
            new DueDateInput(new DateOnly(2026, 4, 1)), PlanApi.Json);
        await plans.ScanOverdueAsync();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var read = await plans.Officer(NamGiaNghia).GetPlanAsync(path, plan.Id);
        Assert.Equal([(new DateOnly(2026, 4, 1), true), (new DateOnly(2026, 1, 31), true)], read.Tasks.Select(x => (x.DueDate!.Value, x.Overdue)));
    }
}
