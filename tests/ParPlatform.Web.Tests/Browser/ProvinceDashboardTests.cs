using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// The province dashboard in a real browser shows exactly what the reporting API answers for the period: every unit's
/// report submission, form II.06a with the province's total, a chart of the on-time rates, and the on-time rate month by month.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class ProvinceDashboardTests(WebPlatform platform)
{
    [Fact]
    public async Task The_dashboard_numbers_are_the_API_answers_for_the_period()
    {
        var period = await CurrentPeriodAsync();
        // Two units' desks at work: Tam Thanh receives four dossiers and resolves two; Chi Lăng receives three, resolves one
        // and returns one as not eligible.
        await DeskWorkAsync("06112", "tamthanh.canbo", received: 4, resolved: 2, returned: 0);
        await DeskWorkAsync("06181", "chilang.canbo", received: 3, resolved: 1, returned: 1);
        // Tam Thanh's chairman submits the report; the province returns it with a reason.
        await platform.CallAsync(HttpMethod.Post, $"/api/v1/units/06112/reports/periods/{period}/submit", "tamthanh.chutich", new { }, HttpStatusCode.Created);
        await platform.CallAsync(HttpMethod.Post, $"/api/v1/provinces/20/reports/periods/{period}/units/06112/return", "langson.sonoivu",
            new { reason = "Thiếu số liệu mục II.2." });
        var statistics = await ReportedAsync(period, atLeastReceived: 7);
        var submissions = await platform.CallAsync(HttpMethod.Get, $"/api/v1/provinces/20/reports/periods/{period}/submissions", "langson.sonoivu");

        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "langson.sonoivu");
        // The dashboard opens on the report due next; the desks' work of today is in the period under way.
        await page.GotoAsync($"/provinces/20/dashboard?period={period}");
        await page.GetByTestId("total").WaitForAsync();

        Assert.Equal(Cells("Toàn tỉnh", null, statistics.GetProperty("total")), await RowAsync(page, "total"));
        foreach (var unit in statistics.GetProperty("units").EnumerateArray())
        {
            var code = unit.GetProperty("unitCode").GetString()!;
            Assert.Equal(Cells(unit.GetProperty("unitName").GetString()!, unit.GetProperty("rank"), unit.GetProperty("statistics")), await RowAsync(page, $"unit-{code}"));
        }
        foreach (var unit in submissions.GetProperty("unitReports").EnumerateArray())
        {
            Assert.Equal(Vietnamese.Submission(unit.GetProperty("status").GetString()!),
                await page.GetByTestId($"submission-{unit.GetProperty("unitCode").GetString()}").InnerTextAsync());
        }
        Assert.Equal("Bị trả lại", await page.GetByTestId("submission-06112").InnerTextAsync());
        await Assertions.Expect(page.GetByTestId("submissions")).ToContainTextAsync("Thiếu số liệu mục II.2.");
        Assert.Equal($"Đã gửi {submissions.GetProperty("submitted").GetInt32()}/{submissions.GetProperty("units").GetInt32()} đơn vị "
            + $"({Vietnamese.Percent(submissions.GetProperty("reportingRate").GetProperty("percent").GetDecimal())})",
            (await page.GetByTestId("reporting-rate").InnerTextAsync()).Trim());
        // Both units resolved dossiers: both have a bar.
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        // The trend: each month of the year so far, the province's total of that month as the API counts it (today's in the last).
        var months = new List<JsonElement>();
        foreach (var (from, to) in ProvinceStatistics.MonthsSoFar(Vietnamese.Today(TimeProvider.System)))
        {
            months.Add((await platform.CallAsync(HttpMethod.Get,
                $"/api/v1/provinces/20/reports/statistics/dossiers?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", "langson.sonoivu")).GetProperty("total"));
        }
        Assert.True(months[^1].GetProperty("resolved").GetProperty("total").GetInt64() >= 3, $"This month's total: {months[^1]}");
        await page.GetByTestId("trend-resolved").WaitForAsync();
        string[] resolved = ["Hồ sơ đã giải quyết", .. months.Select(m => Vietnamese.Number(m.GetProperty("resolved").GetProperty("total").GetInt64()))];
        string[] onTime = ["Tỷ lệ đúng hạn", .. months.Select(m => Vietnamese.Percent(Percent(m)))];
        Assert.Equal(resolved, await RowAsync(page, "trend-resolved"));
        Assert.Equal(onTime, await RowAsync(page, "trend-on-time"));
        Assert.Equal(months.Count, await page.GetByTestId("trend").Locator("thead th").CountAsync() - 1);
        await WebPlatform.ScreenshotAsync(page, "province-dashboard");

        await using var phone = await platform.NewBrowserAsync(phone: true);
        var small = await platform.SignInAsync(phone, "langson.sonoivu");
        await small.GotoAsync($"/provinces/20/dashboard?period={period}");
        await small.GetByTestId("total").WaitForAsync();
        await WebPlatform.ScreenshotAsync(small, "province-dashboard-phone");
    }

    /// <summary>The province's period under way today (Vietnam's date): this year's periods and the next year's Q1.</summary>
    private async Task<string> CurrentPeriodAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        foreach (var year in new[] { today.Year, today.Year + 1 })
        {
            var periods = await platform.CallAsync(HttpMethod.Get, $"/api/v1/provinces/20/reports/periods?year={year}", "langson.sonoivu");
            foreach (var period in periods.GetProperty("periods").EnumerateArray())
            {
                if (DateOnly.Parse(period.GetProperty("from").GetString()!, CultureInfo.InvariantCulture) <= today
                    && today <= DateOnly.Parse(period.GetProperty("to").GetString()!, CultureInfo.InvariantCulture))
                {
                    return period.GetProperty("code").GetString()!;
                }
            }
        }
        throw new InvalidOperationException($"No period of Lạng Sơn holds {today}.");
    }

    /// <summary>A unit's procedure, and dossiers received at its desk, some resolved, some returned as not eligible.</summary>
    private async Task DeskWorkAsync(string unit, string officer, int received, int resolved, int returned)
    {
        var code = $"2.{unit}";
        await platform.CallAsync(HttpMethod.Post, $"/api/v1/units/{unit}/dossiers/procedures", officer, new
        {
            code, name = "Chứng thực bản sao từ bản chính", field = "Chứng thực", timeLimit = 2, timeLimitUnit = "days", fee = 0,
            onlineLevel = "partial", interLevel = false, active = true,
        }, HttpStatusCode.Created);
        for (var i = 0; i < received; i++)
        {
            var dossier = await platform.CallAsync(HttpMethod.Post, $"/api/v1/units/{unit}/dossiers", officer,
                new { procedureCode = code, channel = i % 2 == 0 ? "in-person" : "postal", applicantReference = $"CT-{unit}-{i}", digitised = true },
                HttpStatusCode.Created);
            var path = $"/api/v1/units/{unit}/dossiers/{dossier.GetProperty("id").GetString()}/actions";
            if (i < resolved)
            {
                await platform.CallAsync(HttpMethod.Post, $"{path}/start", officer, new { });
                await platform.CallAsync(HttpMethod.Post, $"{path}/resolve", officer, new { electronicResult = true });
            }
            else if (i < resolved + returned)
            {
                await platform.CallAsync(HttpMethod.Post, $"{path}/return-not-eligible", officer, new { note = "Không đủ thành phần hồ sơ." });
            }
        }
    }

    /// <summary>The province's table once the reporting service has every dossier event (its read model up to date).</summary>
    private async Task<JsonElement> ReportedAsync(string period, int atLeastReceived)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            var statistics = await platform.CallAsync(HttpMethod.Get, $"/api/v1/provinces/20/reports/statistics/dossiers?period={period}&rankBy=onTime",
                "langson.sonoivu");
            if (statistics.GetProperty("readModel").GetProperty("upToDate").GetBoolean()
                && statistics.GetProperty("total").GetProperty("received").GetProperty("total").GetInt64() >= atLeastReceived)
            {
                return statistics;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The reporting service has not counted the dossiers within a minute: {statistics}");
            await Task.Delay(500);
        }
    }

    /// <summary>A row of form II.06a as the page must print it: Vietnamese numbers and rates.</summary>
    private static string[] Cells(string name, JsonElement? rank, JsonElement row)
    {
        long Count(params string[] path) => path.Aggregate(row, (e, p) => e.GetProperty(p)).GetInt64();
        return
        [
            name, rank is { ValueKind: JsonValueKind.Number } r ? r.GetInt32().ToString(CultureInfo.InvariantCulture) : "",
            .. new[]
            {
                Count("carriedOver"), Count("received", "total"), Count("received", "online"), Count("received", "inPersonOrPostal"),
                Count("resolved", "total"), Count("resolved", "early"), Count("resolved", "onTime"), Count("resolved", "late"),
                Count("pending", "total"), Count("pending", "withinDeadline"), Count("pending", "overdue"), Count("returnedWithdrawnNotEligible"),
            }.Select(Vietnamese.Number),
            Vietnamese.Percent(Percent(row)),
        ];
    }

    /// <summary>A row's on-time rate as the API answers it (null when nothing was resolved).</summary>
    private static decimal? Percent(JsonElement row) =>
        row.GetProperty("rates").GetProperty("onTime").GetProperty("percent") is { ValueKind: JsonValueKind.Number } percent ? percent.GetDecimal() : null;

    private static async Task<string[]> RowAsync(IPage page, string testId) =>
        [.. (await page.GetByTestId(testId).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())];
}
