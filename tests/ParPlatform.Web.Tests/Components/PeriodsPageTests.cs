using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Province;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The province's reporting periods: the year's list, the monthly rule, an ad hoc report called for.</summary>
public sealed class PeriodsPageTests : ComponentTest
{
    [Fact]
    public void The_reviewer_sees_the_years_periods_and_starts_collecting_monthly_reports()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        page.WaitForElement("[data-testid='period-2026-M03']");

        Assert.Equal("Tháng 3 năm 2026", page.Find("[data-testid='period-2026-M03']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=monthly-end-day]"));
        page.Find("input[data-testid=monthly-enabled]").Change(true);
        page.Find("button[data-testid=monthly-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(["settings monthly 31 5"], Reports.Calls));
        Assert.Equal(SharedKernel.Reporting.MonthlyReportRule.CalendarMonth, Reports.Settings.Settings.Monthly);
    }

    [Fact]
    public void A_refused_monthly_rule_shows_the_APIs_reasons()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("settings", "Báo cáo tháng: hạn gửi ngày 32 phải từ 1 đến 31."));
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        page.WaitForElement("[data-testid=monthly-save]");

        page.Find("button[data-testid=monthly-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Báo cáo tháng: hạn gửi ngày 32 phải từ 1 đến 31.", page.Find("[data-testid=monthly-error]").TextContent.Trim()));
    }

    [Fact]
    public void An_ad_hoc_report_refused_shows_each_error_beside_its_field()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("due", "Hạn gửi không trước hôm nay."));
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        page.WaitForElement("[data-testid=ad-hoc-submit]");

        page.Find("input[data-testid=ad-hoc-name]").Change("phục vụ kiểm tra");
        page.Find("button[data-testid=ad-hoc-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("Hạn gửi không trước hôm nay.", page.FieldText("ad-hoc-due"), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=ad-hoc-called]"));
    }
}
