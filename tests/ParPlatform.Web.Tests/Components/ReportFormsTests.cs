using System.Net;
using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Reports;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The report's forms: the API's field errors next to their fields; figures and facts as the report prints them.</summary>
public sealed class ReportFormsTests : ComponentTest
{
    public ReportFormsTests() => SignIn(PlatformRoles.UnitOfficer, unit: "06112");

    [Fact]
    public void A_fact_the_API_refuses_shows_its_error_under_its_value_and_nowhere_else()
    {
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("value", "Số đếm là số nguyên từ 0 đến 100.000.000."));
        var form = RenderFacts();

        form.Find("input[data-testid=fact-value-video-meetings]").Change("-3");
        form.Find("button[data-testid=fact-save-video-meetings]").Click();

        form.WaitForAssertion(() => Assert.Contains("Số đếm là số nguyên từ 0 đến 100.000.000.", FieldText(form, "fact-value-video-meetings"), StringComparison.Ordinal));
        Assert.DoesNotContain("Số đếm", FieldText(form, "fact-value-electronic-documents-rate"), StringComparison.Ordinal);
        Assert.DoesNotContain("Số đếm", FieldText(form, "fact-evidence-video-meetings"), StringComparison.Ordinal);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", form.Find("[data-testid=fact-problem-video-meetings]").TextContent.Trim());
        Assert.Equal(["fact video-meetings -3 False "], Reports.Calls);
        Assert.Equal("", form.Find("[data-testid=fact-text-video-meetings]").TextContent.Trim());

        // Corrected, the value loses its error.
        form.Find("input[data-testid=fact-value-video-meetings]").Change("10");
        form.WaitForAssertion(() => Assert.DoesNotContain("Số đếm", FieldText(form, "fact-value-video-meetings"), StringComparison.Ordinal));
    }

    [Fact]
    public void An_entered_fact_shows_as_the_report_prints_it()
    {
        var form = RenderFacts();
        Assert.Equal("98,75%", form.Find("[data-testid=fact-text-electronic-documents-rate]").TextContent.Trim());

        form.Find("input[data-testid=fact-value-video-meetings]").Change("9000");
        form.Find("input[data-testid=fact-evidence-video-meetings]").Change("  Sổ theo dõi họp trực tuyến ");
        form.Find("button[data-testid=fact-save-video-meetings]").Click();

        form.WaitForAssertion(() => Assert.Equal("9.000", form.Find("[data-testid=fact-text-video-meetings]").TextContent.Trim()));
        Assert.Equal(["fact video-meetings 9000 False Sổ theo dõi họp trực tuyến"], Reports.Calls);
        Assert.Empty(form.FindAll("[data-testid^=fact-problem-]"));
    }

    [Fact]
    public void Figures_read_with_their_time_base_as_the_report_prints_them()
    {
        var panel = RenderFigures(canEdit: false);

        Assert.Equal(["Hồ sơ tiếp nhận trong kỳ", "1.877", "từ 01/12/2025 đến 28/02/2026"], Cells(panel, "figure-Dossiers.Received"));
        Assert.Equal("99,43", Cells(panel, "figure-Dossiers.OnTimeRate")[1]);
        Assert.Equal("01/12/2025", Cells(panel, "figure-Report.WindowFrom")[1]);
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void An_override_without_a_reason_shows_the_API_error_under_the_reason()
    {
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("reason", "Ghi lý do thay số liệu tính từ hệ thống (tối đa 2.000 ký tự)."));
        var panel = RenderFigures(canEdit: true);
        Assert.Empty(panel.FindAll("button[data-testid='override-Report.WindowFrom']")); // a date is not a number to replace

        panel.Find("button[data-testid='override-Dossiers.Received']").Click();
        panel.Find("input[data-testid=override-value]").Change("1880");
        panel.Find("button[data-testid=override-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Ghi lý do thay số liệu tính từ hệ thống (tối đa 2.000 ký tự).",
            panel.Find("[data-testid=override-reason]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Ghi lý do", panel.Find("[data-testid=override-value]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["override Dossiers.Received 1880 "], Reports.Calls);
        Assert.Equal("1.877", Cells(panel, "figure-Dossiers.Received")[1]);
    }

    [Fact]
    public void An_overridden_figure_shows_the_computed_number_and_the_reason_and_goes_back_to_it()
    {
        var panel = RenderFigures(canEdit: true);

        panel.Find("button[data-testid='override-Dossiers.Received']").Click();
        panel.Find("input[data-testid=override-value]").Change("1880");
        panel.Find("textarea[data-testid=override-reason]").Change("Ba hồ sơ nhận qua bưu chính chưa nhập hệ thống.");
        panel.Find("button[data-testid=override-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal("1.880", panel.Find("tr[data-testid='figure-Dossiers.Received'] [data-col=value]").TextContent.Trim()));
        Assert.Equal("Đã thay số tính được 1.877; lý do: Ba hồ sơ nhận qua bưu chính chưa nhập hệ thống.",
            panel.Find("tr[data-testid='figure-Dossiers.Received'] [data-col=override]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=override-form]"));

        panel.Find("button[data-testid='restore-Dossiers.Received']").Click();

        panel.WaitForAssertion(() => Assert.Equal("1.877", Cells(panel, "figure-Dossiers.Received")[1]));
        Assert.Equal(["override Dossiers.Received 1880 Ba hồ sơ nhận qua bưu chính chưa nhập hệ thống.", "restore Dossiers.Received"], Reports.Calls);
    }

    private IRenderedComponent<ReportFactsForm> RenderFacts() => Render<ReportFactsForm>(p => p
        .Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1").Add(c => c.Facts, Reports.Report.Facts).Add(c => c.CanEdit, true));

    private IRenderedComponent<ReportFiguresPanel> RenderFigures(bool canEdit)
    {
        var panel = Render<ReportFiguresPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1").Add(c => c.CanEdit, canEdit));
        panel.WaitForElement("[data-testid=figures]");
        return panel;
    }

    private static string FieldText<T>(IRenderedComponent<T> form, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private static string[] Cells<T>(IRenderedComponent<T> panel, string row)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. panel.FindAll($"tr[data-testid='{row}'] td").Select(td => td.TextContent.Trim())];
}
