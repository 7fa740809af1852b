using System.Net;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>The one-stop desk in a real browser: receive a dossier, find it in the list and the due-soon list, act on it.</summary>
[Collection(SharedWebPlatform.Name)]
public sealed class DeskTests(WebPlatform platform)
{
    [Fact]
    public async Task An_officer_receives_a_dossier_finds_it_in_the_lists_and_acts_on_it()
    {
        await platform.CallAsync(HttpMethod.Post, "/api/v1/units/06112/dossiers/procedures", "tamthanh.canbo", new
        {
            code = "1.001193", name = "Đăng ký khai sinh", field = "Hộ tịch", timeLimit = 3, timeLimitUnit = "days", fee = 0, onlineLevel = "full",
            interLevel = false, active = true,
        }, HttpStatusCode.Created);
        var reference = $"BN-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");

        // Receive: the API's field errors next to the fields, then the dossier received.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tiếp nhận hồ sơ" }).ClickAsync();
        await page.GetByTestId("receive-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receive-problem")).ToHaveTextAsync("Dữ liệu gửi lên không hợp lệ.");
        await Assertions.Expect(Field(page, "receive-reference")).ToContainTextAsync("Không được để trống.");
        await page.GetByTestId("receive-reference").FillAsync(reference);
        await page.GetByTestId("receive-procedure").FillAsync("khai sinh");
        await page.Locator(".mud-popover-open").GetByText("1.001193 – Đăng ký khai sinh").ClickAsync();
        // A field's error goes once it is changed: the form has both values before it is sent.
        await Assertions.Expect(Field(page, "receive-reference")).Not.ToContainTextAsync("Không được để trống.");
        await Assertions.Expect(Field(page, "receive-procedure")).Not.ToContainTextAsync("Không được để trống.");
        await page.GetByTestId("receive-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đã tiếp nhận");
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        await WebPlatform.ScreenshotAsync(page, "dossier");

        // The list has it, received just now, with the Vietnamese names of its channel and status.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Danh sách hồ sơ" }).ClickAsync();
        var row = page.GetByTestId("dossier-table").Locator("tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Trực tiếp");
        await Assertions.Expect(row).ToContainTextAsync("Đã tiếp nhận");
        await WebPlatform.ScreenshotAsync(page, "desk");

        // Due soon: its three working days end within 7 and within 3 working days from now, not within 1.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sắp đến hạn" }).ClickAsync();
        var dueSoon = page.GetByTestId("dossier-table").Locator("tr", new() { HasText = reference });
        await Assertions.Expect(dueSoon).ToHaveCountAsync(1);
        await page.GetByTestId("due-within-3").ClickAsync();
        await Assertions.Expect(dueSoon).ToHaveCountAsync(1);
        await page.GetByTestId("due-within-1").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-table")).ToContainTextAsync("Không có hồ sơ nào.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Danh sách hồ sơ" }).ClickAsync();

        // Act: start; a supplement request needs its reason (the API's field error), then it is made.
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.GetByTestId("action-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await page.GetByTestId("action-request-supplement").ClickAsync();
        await Assertions.Expect(Field(page, "action-note")).ToContainTextAsync("Không được để trống.");
        await page.GetByTestId("action-note").FillAsync("Thiếu bản sao giấy chứng sinh.");
        await page.GetByTestId("action-request-supplement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Chờ bổ sung");

        var dossier = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/dossiers/{id}", "tamthanh.canbo");
        Assert.Equal("supplement-requested", dossier.GetProperty("status").GetString());
        Assert.Equal(reference, dossier.GetProperty("applicantReference").GetString());
        var history = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/dossiers/{id}/history", "tamthanh.canbo");
        Assert.Equal([null, "receive", "start", "request-supplement"], history.EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.Equal("Thiếu bản sao giấy chứng sinh.", history[3].GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_province_reviewer_reads_a_unit_desk_and_is_offered_nothing_to_do()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "langson.sonoivu");

        await page.GotoAsync("/units/06181/desk");

        await page.GetByTestId("dossier-table").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "Tiếp nhận hồ sơ" }).CountAsync());
        Assert.Equal(0, await page.GetByTestId("list-problem").CountAsync());
    }

    /// <summary>A form field with its label and error text.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) });
}
