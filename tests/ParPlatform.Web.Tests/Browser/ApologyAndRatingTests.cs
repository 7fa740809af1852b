using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// A dossier's apology letter and rating in a real browser: an officer apologises for a dossier that will be late (the API's field
/// errors first), resolves it, and records the applicant's rating; neither is offered again.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class ApologyAndRatingTests(WebPlatform platform)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task An_officer_apologises_for_a_dossier_that_will_be_late_and_records_its_rating()
    {
        await platform.CallAsync(HttpMethod.Post, "/api/v1/units/06112/dossiers/procedures", "tamthanh.canbo", new
        {
            code = "1.004946", name = "Cấp bản sao trích lục hộ tịch", field = "Hộ tịch", timeLimit = 3, timeLimitUnit = "days", fee = 0,
            onlineLevel = "full", interLevel = false, active = true,
        }, HttpStatusCode.Created);
        var reference = $"BN-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var received = await platform.CallAsync(HttpMethod.Post, "/api/v1/units/06112/dossiers", "tamthanh.canbo", new
        {
            procedureCode = "1.004946", channel = "in-person", applicantReference = reference, digitised = true,
        }, HttpStatusCode.Created);
        var id = received.GetProperty("id").GetString();
        var due = TimeZoneInfo.ConvertTime(received.GetProperty("dueAt").GetDateTimeOffset(), Vietnam);
        var newDate = DateOnly.FromDateTime(due.DateTime).AddDays(7).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");
        await page.GotoAsync($"/units/06112/dossiers/{id}");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        Assert.Equal(0, await page.GetByTestId("rating-form").CountAsync()); // not resolved yet

        // The letter without its reason or date: the API's field errors beside both.
        await page.GetByTestId("apology-submit").ClickAsync();
        await Assertions.Expect(Field(page, "apology-reason")).ToContainTextAsync("Không được để trống.");
        await Assertions.Expect(Field(page, "apology-date")).ToContainTextAsync("Bắt buộc");
        await page.GetByTestId("apology-reason").FillAsync("Cần xác minh thông tin hộ tịch tại nơi đăng ký trước đây.");
        await page.GetByTestId("apology-date").FillAsync(newDate);
        await page.GetByTestId("apology-date").PressAsync("Tab");
        await page.GetByTestId("apology-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-apology")).ToContainTextAsync($"hẹn trả ngày {newDate}");
        await Assertions.Expect(page.GetByTestId("dossier-apology")).ToContainTextAsync("Cần xác minh thông tin hộ tịch tại nơi đăng ký trước đây.");
        Assert.Equal(0, await page.GetByTestId("apology-form").CountAsync()); // the date is reset only once

        // Resolved, the dossier is rated once.
        await page.GetByTestId("action-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await page.GetByTestId("action-resolve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã xử lý xong");
        await page.GetByTestId("rating-value").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Rất hài lòng", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("rating-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-rating")).ToContainTextAsync("Rất hài lòng");
        Assert.Equal(0, await page.GetByTestId("rating-form").CountAsync());

        var dossier = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/dossiers/{id}", "tamthanh.canbo");
        Assert.Equal("very-satisfied", dossier.GetProperty("rating").GetString());
        Assert.Equal(DateOnly.ParseExact(newDate, "dd/MM/yyyy", CultureInfo.InvariantCulture),
            DateOnly.Parse(dossier.GetProperty("apology").GetProperty("newDueDate").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>A form field with its label and error text.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) });
}
