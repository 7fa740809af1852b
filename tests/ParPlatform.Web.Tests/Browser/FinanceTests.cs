using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// An officer records a disbursement of the unit's capital plan in a real browser (the API's error beside the amount first) and sees the
/// year's disbursement rate, in total and for the project, as the finance API computes it; the province's reviewer reads it, offered no entry.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class FinanceTests(WebPlatform platform)
{
    [Fact]
    public async Task An_officer_records_a_disbursement_and_sees_the_years_disbursement_rate()
    {
        var year = Vietnamese.Today(TimeProvider.System).Year;
        // The year's plan: 1.000 million for a project and 500 for the source's own line (NSĐP).
        await platform.CallAsync(HttpMethod.Put, $"/api/v1/units/06112/finance/capital-plans/{year}", "tamthanh.canbo", new
        {
            allocations = new object[]
            {
                new { sourceCode = "nsdp", project = "Đường Tam Thanh – Kỳ Lừa", millions = 1000 },
                new { sourceCode = "nsdp", project = (string?)null, millions = 500 },
            },
        });
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài chính" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("disbursement-rate")).ToContainTextAsync($"Tỷ lệ giải ngân năm {year}: 0%");

        // No amount: the API's error beside the field, nothing recorded.
        await AdminTests.ChooseAsync(page, "disbursement-source", "Vốn ngân sách địa phương (NSDP)");
        await page.GetByTestId("disbursement-project").FillAsync("Đường Tam Thanh – Kỳ Lừa");
        await page.GetByTestId("disbursement-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-input-control", new() { Has = page.GetByTestId("disbursement-millions") }))
            .ToContainTextAsync("Không được để trống.");
        await Assertions.Expect(page.GetByTestId("disbursements").Locator("tbody tr")).ToContainTextAsync("Chưa có khoản giải ngân nào.");

        // 300 million of the project's 1.000: 20% of the year's 1.500, 30% of the project.
        await page.GetByTestId("disbursement-millions").FillAsync("300");
        await page.GetByTestId("disbursement-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("disbursement-rate")).ToContainTextAsync($"Tỷ lệ giải ngân năm {year}: 20%");
        await Assertions.Expect(page.GetByTestId("disbursement-rate")).ToContainTextAsync("Đã giải ngân 300 / 1.500 triệu đồng kế hoạch");
        var project = page.GetByTestId("capital-plan-lines").Locator("tr", new() { HasText = "Đường Tam Thanh – Kỳ Lừa" });
        await Assertions.Expect(project.Locator("td")).ToHaveTextAsync(["Vốn ngân sách địa phương (NSDP)", "Đường Tam Thanh – Kỳ Lừa", "1.000", "300", "30%"]);
        var disbursement = page.GetByTestId("disbursements").Locator("tbody tr");
        await Assertions.Expect(disbursement).ToHaveCountAsync(1);
        await Assertions.Expect(disbursement.Locator("td")).ToHaveTextAsync(
            [Vietnamese.Date(Vietnamese.Today(TimeProvider.System)), "nsdp", "Đường Tam Thanh – Kỳ Lừa", "300"]);

        var plan = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/finance/capital-plans/{year}", "tamthanh.canbo");
        Assert.Equal(20m, plan.GetProperty("total").GetProperty("rate").GetProperty("percent").GetDecimal());
        Assert.Equal(300_000_000L, plan.GetProperty("total").GetProperty("disbursed").GetProperty("dong").GetInt64());
        Assert.Equal(1, plan.GetProperty("disbursements").GetArrayLength());

        // The province's reviewer reads the same rate and is offered no entry.
        await using var reviewersBrowser = await platform.NewBrowserAsync();
        var reviewer = await platform.SignInAsync(reviewersBrowser, "langson.sonoivu");
        await reviewer.GotoAsync("/units/06112/finance");
        await Assertions.Expect(reviewer.GetByTestId("disbursement-rate")).ToContainTextAsync($"Tỷ lệ giải ngân năm {year}: 20%");
        Assert.Equal(0, await reviewer.GetByRole(AriaRole.Link, new() { Name = "Tài chính" }).CountAsync());
        Assert.Equal(0, await reviewer.GetByTestId("disbursement-submit").CountAsync());
        Assert.Equal(0, await reviewer.GetByTestId("disbursement-import-submit").CountAsync());
    }
}
