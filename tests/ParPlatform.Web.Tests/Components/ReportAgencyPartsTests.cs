using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Reports;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// The agencies' parts of a unit's report: an agency's officer writes its own and sends it to the unit; the unit sees which
/// agencies sent theirs and what they wrote, never an agency's draft.
/// </summary>
public sealed class ReportAgencyPartsTests : ComponentTest
{
    [Fact]
    public void An_agencys_officer_writes_a_part_and_sends_it_to_the_unit()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112", agency: "van-hoa-xa-hoi");
        var page = RenderReport();
        // Its form holds its own parts only, not another agency's under the same heading.
        Assert.Empty(page.FindAll("[data-testid=agency-part-state-I]"));

        page.Find("textarea[data-testid=agency-part-text-V]").Change("Đề nghị bổ sung kinh phí.");
        page.Find("textarea[data-testid=agency-part-text-I]").Change("Phòng Văn hóa – Xã hội đã tuyên truyền 12 tin bài.");
        page.Find("button[data-testid=agency-part-save-I]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã lưu lúc 03/03/2026 08:15, chưa gửi đơn vị.", page.Find("[data-testid=agency-part-state-I]").TextContent.Trim()));
        page.Find("button[data-testid=agency-send]").Click();

        page.WaitForAssertion(() => Assert.Equal("Đã gửi đơn vị lúc 03/03/2026 08:15.", page.Find("[data-testid=agency-part-state-I]").TextContent.Trim()));
        Assert.Equal(["agency part van-hoa-xa-hoi I Phòng Văn hóa – Xã hội đã tuyên truyền 12 tin bài.", "agency send van-hoa-xa-hoi"], Reports.Calls);
        // The unit's view on the same page shows what was sent; the heading not saved keeps its text.
        Assert.Contains("Phòng Văn hóa – Xã hội đã tuyên truyền 12 tin bài.", page.Find("[data-testid=agency-parts-van-hoa-xa-hoi-I]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Đề nghị bổ sung kinh phí.", page.Find("textarea[data-testid=agency-part-text-V]").GetAttribute("value") ?? page.Find("textarea[data-testid=agency-part-text-V]").TextContent);
    }

    [Fact]
    public void A_part_the_API_refuses_shows_its_error_under_the_text_and_sending_nothing_written_shows_the_reason()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112", agency: "van-hoa-xa-hoi");
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("text", "Nội dung từ 0 đến 20.000 ký tự (chuỗi rỗng để xóa)."));
        var page = RenderReport();

        page.Find("button[data-testid=agency-part-save-V]").Click();

        page.WaitForAssertion(() => Assert.Contains("Nội dung từ 0 đến 20.000 ký tự", page.FieldText("agency-part-text-V"), StringComparison.Ordinal));
        Assert.DoesNotContain("Nội dung từ 0", page.FieldText("agency-part-text-I"), StringComparison.Ordinal);

        Reports.Refusal = (HttpStatusCode.Conflict, new { title = "Cơ quan van-hoa-xa-hoi chưa viết phần nào của báo cáo.", status = 409 });
        page.Find("button[data-testid=agency-send]").Click();

        page.WaitForAssertion(() => Assert.Equal("Cơ quan van-hoa-xa-hoi chưa viết phần nào của báo cáo.", page.Find("[data-testid=agency-send-problem]").TextContent.Trim()));
        Assert.Equal(["agency part van-hoa-xa-hoi V ", "agency send van-hoa-xa-hoi"], Reports.Calls);
    }

    [Fact]
    public void The_chairman_sees_what_agencies_sent_not_their_drafts_and_is_offered_no_agency_part()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");

        var page = RenderReport();

        Assert.Empty(page.FindAll("[data-testid^=agency-part-]"));
        Assert.Empty(page.FindAll("button[data-testid=agency-send]"));
        page.WaitForAssertion(() => Assert.Contains("Phòng Kinh tế", page.Find("[data-testid=agency-parts-kinh-te]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Đã gửi đơn vị 1 mục, lần cuối lúc 02/03/2026 10:30.", page.Find("[data-testid=agency-parts-state-kinh-te]").TextContent.Trim());
        Assert.Contains("Phòng Kinh tế đã ban hành kế hoạch của phòng.", page.Find("[data-testid=agency-parts-kinh-te-I]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Đang soạn, chưa gửi đơn vị.", page.Find("[data-testid=agency-parts-state-van-phong]").TextContent.Trim());
        Assert.DoesNotContain("Bản nháp của Văn phòng.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_report_is_submitted_the_agencys_part_is_read_only()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112", agency: "kinh-te");
        Reports.Report = FakeReportsApi.Draft("submitted");

        var page = RenderReport();

        Assert.Contains("Phòng Kinh tế đã ban hành kế hoạch của phòng.", page.Find("[data-testid=agency-part-I]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid^=agency-part-save-]"));
        Assert.Empty(page.FindAll("button[data-testid=agency-send]"));
    }

    [Fact]
    public void A_province_reviewer_reads_the_parts_sent_and_writes_none()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");

        var page = RenderReport();

        page.WaitForAssertion(() => Assert.NotNull(page.Optional("agency-parts-kinh-te-I")));
        Assert.Empty(page.FindAll("[data-testid^=agency-part-]"));
    }

    private IRenderedComponent<ReportPage> RenderReport()
    {
        var page = Render<ReportPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1"));
        page.WaitForElement("[data-testid=report-status]");
        return page;
    }
}
