using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Reports;

namespace ParPlatform.Web.Tests.Components;

/// <summary>A unit's report of a period: what each role is offered as the report goes from draft to accepted.</summary>
public sealed class ReportPageTests : ComponentTest
{
    [Fact]
    public void An_officer_writes_the_draft_and_is_not_offered_to_submit_it()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");

        var page = RenderReport();

        Assert.Equal("Đang soạn", page.Find("[data-testid=report-status]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("button[data-testid='narrative-save-I']"));
        Assert.NotEmpty(page.FindAll("button[data-testid='fact-save-video-meetings']"));
        Assert.NotEmpty(page.FindAll("button[data-testid='override-Dossiers.Received']"));
        Assert.Empty(page.FindAll("[data-testid=submit-form]"));
        Assert.Empty(page.FindAll("[data-testid=decision-form]"));
    }

    [Fact]
    public void The_page_names_the_period_and_its_data_window_as_the_province_sets_them()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");

        var page = RenderReport();

        Assert.Equal("Quý I năm 2026: số liệu từ 01/12/2025 đến 28/02/2026", page.Find("[data-testid=report-window]").TextContent.Trim());
    }

    [Fact]
    public void The_chairman_is_offered_to_submit_and_the_submitted_report_is_no_longer_editable()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var page = RenderReport();

        page.Find("button[data-testid=submit-report]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã gửi", page.Find("[data-testid=report-status]").TextContent.Trim()));
        Assert.Equal(["submit  "], Reports.Calls);
        Assert.Empty(page.FindAll("[data-testid=submit-form]"));
        Assert.Empty(page.FindAll("button[data-testid^=narrative-save-]"));
        Assert.Empty(page.FindAll("button[data-testid^=override-]"));
        Assert.Equal("Chờ xem xét", page.Find("[data-testid=version-decision-1]").TextContent.Trim());
    }

    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06181")] // an officer of another unit of the province
    [InlineData(PlatformRoles.UnitChairman, "06118")]
    public void Others_of_the_province_read_the_report_and_are_offered_nothing(string role, string unit)
    {
        SignIn(role, unit: unit, province: "20");
        Reports.Report = FakeReportsApi.Draft("submitted");

        var page = RenderReport();

        Assert.Contains("Ban hành Kế hoạch số 29.", page.Find("[data-testid='narrative-I']").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button[data-testid^=narrative-save-]"));
        Assert.Empty(page.FindAll("button[data-testid^=fact-save-]"));
        Assert.Empty(page.FindAll("button[data-testid^=override-]"));
        Assert.Empty(page.FindAll("[data-testid=submit-form]"));
        Assert.Empty(page.FindAll("[data-testid=decision-form]"));
    }

    [Fact]
    public void The_province_reviewer_returns_a_submitted_report_only_with_a_reason()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Report = FakeReportsApi.Draft("submitted");
        Reports.Refusal = (System.Net.HttpStatusCode.BadRequest, Refusals.Invalid("reason", "Ghi lý do trả lại báo cáo (tối đa 2.000 ký tự)."));
        var page = RenderReport();
        Assert.Empty(page.FindAll("button[data-testid^=narrative-save-]"));
        Assert.Empty(page.FindAll("[data-testid=submit-form]"));

        page.Find("button[data-testid=return-report]").Click();

        page.WaitForAssertion(() => Assert.Contains("Ghi lý do trả lại báo cáo (tối đa 2.000 ký tự).",
            page.Find("[data-testid=return-reason-input]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal("Đã gửi", page.Find("[data-testid=report-status]").TextContent.Trim());

        Reports.Refusal = null;
        page.Find("textarea[data-testid=return-reason-input]").Change("Thiếu số liệu mục II.2.");
        page.Find("button[data-testid=return-report]").Click();

        page.WaitForAssertion(() => Assert.Equal("Bị trả lại", page.Find("[data-testid=report-status]").TextContent.Trim()));
        Assert.Equal(["return 20 06112 ", "return 20 06112 Thiếu số liệu mục II.2."], Reports.Calls);
        Assert.Equal("Tỉnh trả lại báo cáo: Thiếu số liệu mục II.2.", page.Find("[data-testid=return-reason]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=decision-form]"));
    }

    [Fact]
    public void The_province_reviewer_accepts_only_after_confirming_that_the_decision_is_final()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Report = FakeReportsApi.Draft("submitted");
        var page = RenderReport();

        page.Find("button[data-testid=accept-report]").Click();
        page.Find("button[data-testid=cancel-accept-report]").Click();
        Assert.Empty(page.FindAll("[data-testid=confirm-accept]"));
        page.Find("button[data-testid=accept-report]").Click();
        Assert.Empty(Reports.Calls);
        page.Find("button[data-testid=confirm-accept-report]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã tiếp nhận", page.Find("[data-testid=report-status]").TextContent.Trim()));
        Assert.Equal(["accept 20 06112"], Reports.Calls);
        Assert.Empty(page.FindAll("[data-testid=decision-form]"));
    }

    [Fact]
    public void A_returned_report_shows_the_reason_to_the_unit_and_opens_again_for_the_chairman()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        Reports.Report = FakeReportsApi.Draft("returned", "Thiếu số liệu mục II.2.");

        var page = RenderReport();

        Assert.Equal("Tỉnh trả lại báo cáo: Thiếu số liệu mục II.2.", page.Find("[data-testid=return-reason]").TextContent.Trim());
        Assert.Equal("Bị trả lại", page.Find("[data-testid=version-decision-1]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=submit-form]"));
        Assert.NotEmpty(page.FindAll("button[data-testid='narrative-save-I']"));
    }

    [Fact]
    public void The_submission_number_the_API_refuses_shows_its_error_under_the_number()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        Reports.Refusal = (System.Net.HttpStatusCode.BadRequest, Refusals.Invalid("sequence", "Số 188 năm 2026 đã dùng cho một báo cáo khác của đơn vị."));
        var page = RenderReport();

        page.Find("input[data-testid=submit-sequence]").Change("188");
        page.Find("button[data-testid=submit-report]").Click();

        page.WaitForAssertion(() => Assert.Contains("Số 188 năm 2026 đã dùng cho một báo cáo khác của đơn vị.",
            page.Find("[data-testid=submit-sequence]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(["submit 188 "], Reports.Calls);
        Assert.Equal("Đang soạn", page.Find("[data-testid=report-status]").TextContent.Trim());
    }

    private IRenderedComponent<ReportPage> RenderReport()
    {
        var page = Render<ReportPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1"));
        page.WaitForElement("[data-testid=report-status]");
        return page;
    }
}
