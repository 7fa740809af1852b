using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// A unit's periodic report in a real browser, from draft to accepted through a return and a resubmission: the officer
/// writes it, the chairman submits it, the province's reviewer returns it with a reason, compares the versions and accepts it.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class ReportTests(WebPlatform platform)
{
    [Fact]
    public async Task The_report_goes_from_draft_through_a_return_and_a_resubmission_to_accepted()
    {
        // The last period past its due date: the dashboard's test submits and returns the one due next.
        var (period, from, to) = await EndedPeriodAsync();
        var report = $"/units/06112/reports/{period}";

        // The officer: the figures with their time base, one replaced for a reason and back, a fact, the narrative.
        await using var officerBrowser = await platform.NewBrowserAsync();
        var officer = await platform.SignInAsync(officerBrowser, "tamthanh.canbo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Báo cáo định kỳ" }).ClickAsync();
        await officer.WaitForURLAsync("**/units/06112/reports/*");
        await officer.GotoAsync(report);
        await Assertions.Expect(officer.GetByTestId("report-status")).ToHaveTextAsync("Đang soạn");
        var received = officer.GetByTestId("figure-Dossiers.Received");
        await Assertions.Expect(received).ToContainTextAsync($"từ {from:dd/MM/yyyy} đến {to:dd/MM/yyyy}");
        var computed = await received.Locator("[data-col=value]").InnerTextAsync();

        await officer.GetByTestId("override-Dossiers.Received").ClickAsync();
        await officer.GetByTestId("override-value").FillAsync("5");
        await officer.GetByTestId("override-save").ClickAsync();
        await Assertions.Expect(Field(officer, "override-reason")).ToContainTextAsync("Ghi lý do thay số liệu tính từ hệ thống");
        await officer.GetByTestId("override-reason").FillAsync("Năm hồ sơ nhận qua bưu chính chưa nhập hệ thống.");
        await officer.GetByTestId("override-save").ClickAsync();
        await Assertions.Expect(received.Locator("[data-col=value]")).ToHaveTextAsync("5");
        await Assertions.Expect(received.Locator("[data-col=override]"))
            .ToHaveTextAsync($"Đã thay số tính được {computed}; lý do: Năm hồ sơ nhận qua bưu chính chưa nhập hệ thống.");
        await WebPlatform.ScreenshotAsync(officer, "report");
        await officer.GetByTestId("restore-Dossiers.Received").ClickAsync();
        await Assertions.Expect(received.Locator("[data-col=value]")).ToHaveTextAsync(computed);
        await Assertions.Expect(received.Locator("[data-col=override]")).ToHaveCountAsync(0);

        await officer.GetByRole(AriaRole.Tab, new() { Name = "Số liệu nhập" }).ClickAsync();
        await officer.GetByTestId("fact-value-video-meetings").FillAsync("-3");
        await officer.GetByTestId("fact-save-video-meetings").ClickAsync();
        await Assertions.Expect(Field(officer, "fact-value-video-meetings")).ToContainTextAsync("Số đếm là số nguyên từ 0 đến 100.000.000.");
        await officer.GetByTestId("fact-value-video-meetings").FillAsync("12");
        await officer.GetByTestId("fact-save-video-meetings").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("fact-text-video-meetings")).ToHaveTextAsync("12");

        await officer.GetByRole(AriaRole.Tab, new() { Name = "Nội dung báo cáo" }).ClickAsync();
        await officer.GetByTestId("narrative-text-I").FillAsync("Ban hành Kế hoạch CCHC năm 2026.");
        await officer.GetByTestId("narrative-save-I").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("narrative-saved-I")).ToBeVisibleAsync();

        // The officer previews the report as a Word document and is not offered to submit it.
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Gửi và xem xét" }).ClickAsync();
        await AssertWordDocumentAsync(officer, "preview-download", $"bao-cao-cchc-06112-{period}-du-thao.docx");
        Assert.Equal(0, await officer.GetByTestId("submit-form").CountAsync());

        // The chairman submits it.
        await using var chairmanBrowser = await platform.NewBrowserAsync();
        var chairman = await platform.SignInAsync(chairmanBrowser, "tamthanh.chutich");
        await chairman.GotoAsync(report);
        await chairman.GetByRole(AriaRole.Tab, new() { Name = "Gửi và xem xét" }).ClickAsync();
        await chairman.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(chairman.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(chairman.GetByTestId("version-decision-1")).ToHaveTextAsync("Chờ xem xét");
        Assert.Equal(0, await chairman.GetByTestId("submit-form").CountAsync());

        // The reviewer opens it from the dashboard's submissions and returns it, only with a reason.
        await using var reviewerBrowser = await platform.NewBrowserAsync();
        var reviewer = await platform.SignInAsync(reviewerBrowser, "langson.sonoivu");
        await reviewer.GotoAsync($"/provinces/20/dashboard?period={period}");
        await Assertions.Expect(reviewer.GetByTestId("submission-06112")).ToHaveTextAsync("Đã gửi");
        await reviewer.GetByTestId("report-link-06112").ClickAsync();
        await reviewer.WaitForURLAsync($"**{report}");
        Assert.Equal(0, await reviewer.GetByTestId("override-Dossiers.Received").CountAsync());
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Gửi và xem xét" }).ClickAsync();
        await reviewer.GetByTestId("return-report").ClickAsync();
        await Assertions.Expect(Field(reviewer, "return-reason-input")).ToContainTextAsync("Ghi lý do trả lại báo cáo");
        await reviewer.GetByTestId("return-reason-input").FillAsync("Thiếu kết quả tuyên truyền mục II.1.3.");
        await reviewer.GetByTestId("return-report").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("report-status")).ToHaveTextAsync("Bị trả lại");
        Assert.Equal(0, await reviewer.GetByTestId("decision-form").CountAsync());

        // The chairman sees why, corrects the narrative and submits again.
        await chairman.ReloadAsync();
        await Assertions.Expect(chairman.GetByTestId("return-reason")).ToHaveTextAsync("Tỉnh trả lại báo cáo: Thiếu kết quả tuyên truyền mục II.1.3.");
        await chairman.GetByRole(AriaRole.Tab, new() { Name = "Nội dung báo cáo" }).ClickAsync();
        await chairman.GetByTestId("narrative-text-II.1.3").FillAsync("Tổ chức 12 hội nghị tuyên truyền.");
        await chairman.GetByTestId("narrative-save-II.1.3").ClickAsync();
        await Assertions.Expect(chairman.GetByTestId("narrative-saved-II.1.3")).ToBeVisibleAsync();
        await chairman.GetByRole(AriaRole.Tab, new() { Name = "Gửi và xem xét" }).ClickAsync();
        await chairman.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(chairman.GetByTestId("report-status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(chairman.GetByTestId("version-decision-1")).ToHaveTextAsync("Bị trả lại");
        await Assertions.Expect(chairman.GetByTestId("version-decision-2")).ToHaveTextAsync("Chờ xem xét");

        // The reviewer compares the two versions, accepts the second and downloads it.
        await reviewer.ReloadAsync();
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Gửi và xem xét" }).ClickAsync();
        await reviewer.GetByTestId("compare").ClickAsync();
        var change = reviewer.GetByTestId("changes").Locator("tr", new() { HasText = "Nội dung mục II.1.3" });
        await Assertions.Expect(change).ToContainTextAsync("Tổ chức 12 hội nghị tuyên truyền.");
        await WebPlatform.ScreenshotAsync(reviewer, "report-review");
        await reviewer.GetByTestId("accept-report").ClickAsync();
        await reviewer.GetByTestId("confirm-accept-report").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("report-status")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(reviewer.GetByTestId("version-decision-2")).ToHaveTextAsync("Đã tiếp nhận");
        await AssertWordDocumentAsync(reviewer, "version-download-2", $"bao-cao-cchc-06112-{period}-lan-2.docx");

        // The dashboard: the report accepted, the scorecard, the consolidated report.
        await reviewer.GotoAsync($"/provinces/20/dashboard?period={period}");
        await Assertions.Expect(reviewer.GetByTestId("submission-06112")).ToHaveTextAsync("Đã tiếp nhận");
        await Assertions.Expect(reviewer.GetByTestId("scorecard")).ToContainTextAsync("Phường Tam Thanh");
        await AssertWordDocumentAsync(reviewer, "province-document", $"bao-cao-tong-hop-cchc-20-{period}.docx");

        // The API holds what the pages did.
        var saved = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/reports/periods/{period}", "tamthanh.canbo");
        Assert.Equal("accepted", saved.GetProperty("status").GetString());
        var versions = saved.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["returned", "accepted"], versions.Select(v => v.GetProperty("decision").GetString()));
        Assert.Equal("Thiếu kết quả tuyên truyền mục II.1.3.", versions[0].GetProperty("returnReason").GetString());
        Assert.Equal("Ban hành Kế hoạch CCHC năm 2026.", Narrative(saved, "I"));
        Assert.Equal("Tổ chức 12 hội nghị tuyên truyền.", Narrative(saved, "II.1.3"));
        var fact = saved.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "video-meetings");
        Assert.Equal(12m, fact.GetProperty("value").GetDecimal());
        var figures = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/reports/periods/{period}/figures", "tamthanh.canbo");
        var figure = figures.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "Dossiers.Received");
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("override").ValueKind);
    }

    /// <summary>The latest of Lạng Sơn's periods whose window has ended (Vietnam's date), with its window.</summary>
    private async Task<(string Code, DateOnly From, DateOnly To)> EndedPeriodAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        List<(string Code, DateOnly From, DateOnly To, DateOnly Due)> ended = [];
        foreach (var year in new[] { today.Year - 1, today.Year })
        {
            var periods = await platform.CallAsync(HttpMethod.Get, $"/api/v1/provinces/20/reports/periods?year={year}", "langson.sonoivu");
            foreach (var p in periods.GetProperty("periods").EnumerateArray())
            {
                if (Day(p, "due") < today)
                    ended.Add((p.GetProperty("code").GetString()!, Day(p, "from"), Day(p, "to"), Day(p, "due")));
            }
        }
        var last = ended.MaxBy(p => p.Due);
        return (last.Code, last.From, last.To);
    }

    private static DateOnly Day(JsonElement period, string name) => DateOnly.Parse(period.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string? Narrative(JsonElement report, string key) =>
        report.GetProperty("narrative").EnumerateArray().Single(n => n.GetProperty("key").GetString() == key).GetProperty("text").GetString();

    /// <summary>Clicks the button and checks the browser saves a Word document (a zip package) under the API's name.</summary>
    private static async Task AssertWordDocumentAsync(IPage page, string button, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 1000 && bytes[0] == 'P' && bytes[1] == 'K', $"{fileName}: {bytes.Length} bytes, not a Word document");
    }

    /// <summary>A form field with its label and error text.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) });
}
