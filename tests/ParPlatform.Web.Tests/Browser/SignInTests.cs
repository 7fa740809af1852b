using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>Signing in with the identity service and out again, in a real browser; the browser never holds a token.</summary>
[Collection(SharedWebPlatform.Name)]
public sealed class SignInTests(WebPlatform platform)
{
    [Fact]
    public async Task A_unit_officer_lands_on_the_desk_of_their_unit_with_their_name_and_role()
    {
        await using var browser = await platform.NewBrowserAsync();

        var page = await platform.SignInAsync(browser, "tamthanh.canbo");

        await Assertions.Expect(page).ToHaveURLAsync($"{platform.WebAddress}/units/06112/desk");
        Assert.Equal("Cán bộ Phòng Văn hóa – Xã hội, Tam Thanh", await page.GetByTestId("user-name").InnerTextAsync());
        Assert.Equal("Cán bộ đơn vị", await page.GetByTestId("user-role").InnerTextAsync());
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Một cửa: hồ sơ" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp của tỉnh" }).CountAsync());
    }

    [Fact]
    public async Task A_province_reviewer_lands_on_the_province_dashboard()
    {
        await using var browser = await platform.NewBrowserAsync();

        var page = await platform.SignInAsync(browser, "langson.sonoivu");

        await Assertions.Expect(page).ToHaveURLAsync($"{platform.WebAddress}/provinces/20/dashboard");
        Assert.Equal("Sở Nội vụ Lạng Sơn", await page.GetByTestId("user-name").InnerTextAsync());
        Assert.Equal("Sở Nội vụ", await page.GetByTestId("user-role").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Một cửa: hồ sơ" }).CountAsync());
    }

    [Fact]
    public async Task An_operator_is_offered_the_Aspire_dashboard_and_no_unit_or_province_page()
    {
        await using var browser = await platform.NewBrowserAsync();

        var page = await platform.SignInAsync(browser, "vanhanh");

        Assert.Equal("Vận hành", await page.GetByTestId("user-role").InnerTextAsync());
        var dashboard = page.GetByRole(AriaRole.Link, new() { Name = "Bảng điều khiển vận hành (Aspire)" });
        Assert.StartsWith("http://localhost:", await dashboard.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("_blank", await dashboard.GetAttributeAsync("target"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Một cửa: hồ sơ" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp của tỉnh" }).CountAsync());
    }

    [Fact]
    public async Task The_browser_keeps_a_session_key_and_no_token()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");
        await page.GetByTestId("dossier-table").WaitForAsync(); // the page has called the API with the person's token

        var web = Assert.Single(await browser.CookiesAsync([platform.WebAddress]), c => c.Name == "parplatform.web");
        // A cookie with the access, refresh and identity tokens would be thousands of characters; this one names a session.
        Assert.InRange(web.Value.Length, 1, 600);
        Assert.True(web.HttpOnly);
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("eyJ", storage, StringComparison.Ordinal); // no JSON Web Token
    }

    [Fact]
    public async Task Signing_out_ends_the_identity_service_session_too()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await page.WaitForURLAsync("**/account/login**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        // Opening the application again asks for the password: no session is left at the identity service either.
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
    }
}
