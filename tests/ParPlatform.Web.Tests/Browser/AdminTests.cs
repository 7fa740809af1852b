using System.Net;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// The administrator in a real browser: registers a unit (the API's field error beside the code first) and its chairman (the password's
/// error first), who then signs in to the unit's pages; configures a year of the working calendar (a weekday refused as a make-up day
/// beside that list, nothing saved; then saved). The APIs hold what the pages did.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class AdminTests(WebPlatform platform)
{
    [Fact]
    public async Task The_administrator_registers_a_unit_and_its_chairman_and_configures_a_calendar_year()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Danh mục hệ thống" }).ClickAsync();

        // A unit: its code refused beside the field, then registered and in the province's list.
        await page.GetByTestId("unit-code").FillAsync("061");
        await page.GetByTestId("unit-name").FillAsync("Xã Thử Nghiệm");
        await ChooseAsync(page, "unit-kind", "Xã");
        await ChooseAsync(page, "unit-province", "20 – Lạng Sơn");
        await page.GetByTestId("unit-submit").ClickAsync();
        await Assertions.Expect(Field(page, "unit-code")).ToContainTextAsync("Mã đơn vị gồm đúng 5 chữ số (ví dụ 06112).");
        await platform.CallAsync(HttpMethod.Get, "/api/v1/admin/units/061", "admin", expected: HttpStatusCode.NotFound);
        await page.GetByTestId("unit-code").FillAsync("06150");
        await page.GetByTestId("unit-submit").ClickAsync();
        var row = page.GetByTestId("unit-table").Locator("tr", new() { HasText = "06150" });
        await Assertions.Expect(row).ToContainTextAsync("Xã Thử Nghiệm");
        await Assertions.Expect(row).ToContainTextAsync("Xã");
        await Assertions.Expect(Field(page, "unit-code")).Not.ToContainTextAsync("Mã đơn vị gồm đúng 5 chữ số");
        await WebPlatform.ScreenshotAsync(page, "admin-registry");
        var unit = await platform.CallAsync(HttpMethod.Get, "/api/v1/admin/units/06150", "admin");
        Assert.Equal(("Xã Thử Nghiệm", "commune", "20"), (unit.GetProperty("name").GetString(), unit.GetProperty("kind").GetString(), unit.GetProperty("provinceCode").GetString()));

        // Its chairman: a short password refused beside the field, then the account created and in the unit's list.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tài khoản" }).ClickAsync();
        await page.GetByTestId("account-user-name").FillAsync("thunghiem.chutich");
        await page.GetByTestId("user-display-name").FillAsync("Chủ tịch UBND xã Thử Nghiệm");
        await ChooseAsync(page, "user-role", "Chủ tịch UBND");
        await page.GetByTestId("user-unit").FillAsync("06150");
        await page.GetByTestId("user-password").FillAsync("ngan");
        await page.GetByTestId("user-submit").ClickAsync();
        await Assertions.Expect(Field(page, "user-password")).ToContainTextAsync("Mật khẩu có ít nhất");
        await page.GetByTestId("user-password").FillAsync(WebPlatform.DemoPassword);
        await page.GetByTestId("user-submit").ClickAsync();
        // The form empties once the account is created; the list is filtered after that (filtered before, it may read the unit before the account).
        await Assertions.Expect(page.GetByTestId("account-user-name")).ToHaveValueAsync("");
        await page.GetByTestId("user-filter-unit").FillAsync("06150");
        await page.GetByTestId("user-filter-unit").PressAsync("Tab");
        var account = page.GetByTestId("user-table").Locator("tbody tr");
        await Assertions.Expect(account).ToHaveCountAsync(1);
        await Assertions.Expect(account).ToContainTextAsync("thunghiem.chutich");
        await Assertions.Expect(account).ToContainTextAsync("Chủ tịch UBND");
        await Assertions.Expect(account).ToContainTextAsync("Hoạt động");

        await using (var chairmansBrowser = await platform.NewBrowserAsync())
        {
            var chairman = await platform.SignInAsync(chairmansBrowser, "thunghiem.chutich");
            await Assertions.Expect(chairman.GetByRole(AriaRole.Link, new() { Name = "Tài chính" })).ToHaveAttributeAsync("href", "units/06150/finance");
            Assert.Equal(0, await chairman.GetByRole(AriaRole.Link, new() { Name = "Danh mục hệ thống" }).CountAsync());
        }

        // A year of the calendar: a Friday refused as a make-up day, beside that list, and nothing saved; then the year saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).ClickAsync();
        await page.GetByTestId("calendar-year").FillAsync("2028");
        await page.GetByTestId("calendar-year").PressAsync("Tab");
        await AddDayAsync(page, "calendar-days-off", "03/01/2028");
        await AddDayAsync(page, "calendar-days-off", "04/09/2028");
        await AddDayAsync(page, "calendar-make-up", "01/09/2028");
        await page.GetByTestId("calendar-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-make-up-error")).ToHaveTextAsync("01/09/2028 là ngày thường, không phải ngày làm bù.");
        await Assertions.Expect(page.GetByTestId("calendar-days-off-error")).ToHaveCountAsync(0);
        await platform.CallAsync(HttpMethod.Get, "/api/v1/admin/calendar/years/2028", "admin", expected: HttpStatusCode.NotFound);
        await page.GetByTestId("calendar-make-up").Locator(".mud-chip", new() { HasText = "01/09/2028" }).Locator("button").ClickAsync();
        await AddDayAsync(page, "calendar-make-up", "08/01/2028");
        await page.GetByTestId("calendar-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-saved")).ToHaveTextAsync("Đã lưu lịch năm 2028: 2 ngày nghỉ, 1 ngày làm bù.");
        await Assertions.Expect(page.GetByTestId("calendar-years").Locator("tr", new() { HasText = "2028" })).ToBeVisibleAsync();
        var year = await platform.CallAsync(HttpMethod.Get, "/api/v1/admin/calendar/years/2028", "admin");
        Assert.Equal(["2028-01-03", "2028-09-04"], year.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2028-01-08"], year.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_officer_is_offered_no_administration()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");

        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Danh mục hệ thống" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).CountAsync());
        await page.GotoAsync("/admin/registry");
        await Assertions.Expect(page.GetByText("Trang này dành cho quản trị hệ thống.")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("unit-submit").CountAsync());
    }

    /// <summary>The field's whole control: its input, label and the error under it.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = page.GetByTestId(testId) });

    /// <summary>Opens a select and picks one of its options.</summary>
    internal static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await Field(page, testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private static async Task AddDayAsync(IPage page, string list, string day)
    {
        await page.GetByTestId($"{list}-date").FillAsync(day);
        await page.GetByTestId($"{list}-date").PressAsync("Tab");
        await page.GetByTestId($"{list}-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId(list)).ToContainTextAsync(day);
    }
}
