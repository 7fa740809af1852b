using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// A unit's plan in a real browser: the chairman issues the officers' draft; an officer records a task's progress with its evidence
/// (the API's field error first) and sees it in the task's history, and sets the due date of a task the province times.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class PlanTaskTests(WebPlatform platform)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task The_chairman_issues_the_plan_and_an_officer_records_a_task_s_progress_with_evidence()
    {
        const string title = "Kế hoạch cải cách hành chính năm 2026";
        var draft = await platform.CallAsync(HttpMethod.Post, "/api/v1/units/06112/plans", "tamthanh.canbo", new
        {
            issuerName = "Ủy ban nhân dân phường Tam Thanh", title, fromYear = 2026, toYear = 2026, symbol = "KH-UBND",
            targets = new object[]
            {
                new
                {
                    code = "1", area = "procedures", text = "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên", indicatorCode = "Dossiers.OnTimeRate",
                    comparator = "at-least", threshold = 98,
                },
            },
            tasks = new object[]
            {
                new
                {
                    code = "3.3.1", area = "procedures", content = "Rà soát, đơn giản hóa thủ tục hành chính", output = "Báo cáo kết quả rà soát",
                    leads = new[] { new { group = "all-agencies" } }, timeframe = "Năm 2026",
                },
                new
                {
                    code = "3.3.2", area = "digital-government", content = "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo hướng dẫn của tỉnh",
                    leads = new[] { new { group = "all-agencies" } }, timeframe = "Theo hướng dẫn của tỉnh",
                },
            },
        }, HttpStatusCode.Created);
        var planId = draft.GetProperty("id").GetString();
        var taskId = draft.GetProperty("tasks")[0].GetProperty("id").GetString();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam).DateTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var number = Random.Shared.Next(100, 10_000).ToString(CultureInfo.InvariantCulture);

        // The chairman finds the draft in the list under "Kế hoạch CCHC" and issues it.
        await using (var chairmanBrowser = await platform.NewBrowserAsync())
        {
            var chairman = await platform.SignInAsync(chairmanBrowser, "tamthanh.chutich");
            await chairman.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch CCHC" }).ClickAsync();
            await chairman.GetByTestId("plans-table").Locator($"a[href='units/06112/plans/{planId}']").ClickAsync();
            await Assertions.Expect(chairman.GetByTestId("plan-status")).ToHaveTextAsync("Dự thảo");
            await chairman.GetByTestId("issue-number").FillAsync(number);
            await chairman.GetByTestId("issue-date").FillAsync(today);
            await chairman.GetByTestId("issue-date").PressAsync("Tab");
            await chairman.GetByTestId("issue-submit").ClickAsync();
            await Assertions.Expect(chairman.GetByTestId("plan-status")).ToHaveTextAsync("Đã ban hành");
            await Assertions.Expect(chairman.GetByTestId("plan-reference")).ToHaveTextAsync($"{number}/KH-UBND");
        }

        // The officer is not offered to issue; records progress on task 3.3.1, first without its status (the API's field error beside it).
        await using var officerBrowser = await platform.NewBrowserAsync();
        var officer = await platform.SignInAsync(officerBrowser, "tamthanh.canbo");
        await officer.GotoAsync($"/units/06112/plans/{planId}");
        await Assertions.Expect(officer.GetByTestId("plan-status")).ToHaveTextAsync("Đã ban hành");
        Assert.Equal(0, await officer.GetByTestId("issue-form").CountAsync());
        await officer.GetByTestId("plan-tasks").GetByRole(AriaRole.Link, new() { Name = "Rà soát, đơn giản hóa thủ tục hành chính" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-status")).ToHaveTextAsync("Chưa triển khai");
        await Assertions.Expect(officer.GetByTestId("task-history")).ToContainTextAsync("Chưa có cập nhật tiến độ.");
        Assert.Equal(0, await officer.GetByTestId("due-date-form").CountAsync()); // "Năm 2026" is due on 31/12/2026

        await officer.GetByTestId("progress-evidence").FillAsync("Báo cáo số 15/BC-UBND về kết quả rà soát TTHC");
        await officer.GetByTestId("progress-note").FillAsync("Đã rà soát 12 thủ tục lĩnh vực hộ tịch.");
        await officer.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(Field(officer, "progress-status")).ToContainTextAsync("Trạng thái là");
        await officer.GetByTestId("progress-status").ClickAsync();
        await officer.Locator(".mud-popover-open").GetByText("Đang thực hiện", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Field(officer, "progress-status")).Not.ToContainTextAsync("Trạng thái là");
        await officer.GetByTestId("progress-submit").ClickAsync();

        await Assertions.Expect(officer.GetByTestId("task-status")).ToHaveTextAsync("Đang thực hiện");
        var row = officer.GetByTestId("task-history").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(today);
        await Assertions.Expect(row).ToContainTextAsync("Báo cáo số 15/BC-UBND về kết quả rà soát TTHC");
        await Assertions.Expect(row).ToContainTextAsync("Đã rà soát 12 thủ tục lĩnh vực hộ tịch.");
        var history = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/plans/{planId}/tasks/{taskId}/progress", "tamthanh.canbo");
        Assert.Equal("in-progress", history[0].GetProperty("status").GetString());
        Assert.Equal("Báo cáo số 15/BC-UBND về kết quả rà soát TTHC", history[0].GetProperty("evidence").GetString());

        // Task 3.3.2 waits for the province's guidance: its due date is set once known.
        await officer.GetByRole(AriaRole.Link, new() { Name = $"← {title}" }).ClickAsync();
        await officer.GetByTestId("plan-tasks").GetByRole(AriaRole.Link, new() { Name = "Số hóa hồ sơ" }).ClickAsync();
        await officer.GetByTestId("due-date-value").FillAsync("31/12/2026");
        await officer.GetByTestId("due-date-value").PressAsync("Tab");
        await officer.GetByTestId("due-date-submit").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-due")).ToHaveTextAsync("31/12/2026");

        await officer.GetByRole(AriaRole.Link, new() { Name = $"← {title}" }).ClickAsync();
        var tasks = officer.GetByTestId("plan-tasks");
        await Assertions.Expect(tasks.Locator("tr", new() { HasText = "3.3.1" })).ToContainTextAsync("Đang thực hiện");
        await Assertions.Expect(tasks.Locator("tr", new() { HasText = "3.3.2" })).ToContainTextAsync("31/12/2026");
        await WebPlatform.ScreenshotAsync(officer, "plan");
    }

    /// <summary>A form field with its label and error text.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) });
}
