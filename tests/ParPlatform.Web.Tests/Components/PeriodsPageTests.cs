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

    [Fact]
    public void The_reviewer_changes_a_periods_window_and_the_years_periods_follow()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        page.WaitForElement("[data-testid=windows-save]");
        Assert.Equal("01/06", page.Find("input[data-testid=window-start-Q3]").GetAttribute("value"));

        page.Find("input[data-testid=window-start-Q3]").Change("15/06");
        page.Find("input[data-testid=window-end-Q3]").Change("14/09");
        page.Find("input[data-testid=window-due-Q3]").Change("20/09");
        page.Find("button[data-testid=windows-save]").Click();

        page.WaitForAssertion(() => Assert.Single(Reports.Calls));
        var q3 = Reports.Settings.Settings.Q3;
        Assert.Equal((new SharedKernel.Reporting.MonthDay(6, 15), false, new SharedKernel.Reporting.MonthDay(9, 14), new SharedKernel.Reporting.MonthDay(9, 20)),
            (q3.Start, q3.StartsInPreviousYear, q3.End, q3.Due));
        Assert.Equal(SharedKernel.Reporting.ReportPeriodSettings.Default.Q1, Reports.Settings.Settings.Q1);
        Assert.Empty(page.FindAll("[data-testid^=window-error-]"));
    }

    [Fact]
    public void A_refused_window_shows_the_APIs_reason_beside_its_period_and_a_day_not_written_dd_MM_is_not_sent()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("settings", "Báo cáo quý III: hạn gửi 20/08 phải sau ngày kết thúc 31/08."));
        var page = Render<PeriodsPage>(p => p.Add(c => c.ProvinceCode, "20"));
        page.WaitForElement("[data-testid=windows-save]");

        page.Find("input[data-testid=window-due-Q1]").Change("5 tháng 3");
        page.Find("button[data-testid=windows-save]").Click();
        Assert.Contains("Ghi ngày dạng dd/MM", page.FieldText("window-due-Q1"), StringComparison.Ordinal);
        Assert.Empty(Reports.Calls);

        page.Find("input[data-testid=window-due-Q1]").Change("05/03");
        page.Find("input[data-testid=window-due-Q3]").Change("20/08");
        page.Find("button[data-testid=windows-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Báo cáo quý III: hạn gửi 20/08 phải sau ngày kết thúc 31/08.", page.Find("[data-testid=window-error-Q3]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=window-error-Q1]"));
        Assert.DoesNotContain("Ghi ngày dạng", page.FieldText("window-due-Q1"), StringComparison.Ordinal);
        Assert.Single(Reports.Calls);
    }
}
