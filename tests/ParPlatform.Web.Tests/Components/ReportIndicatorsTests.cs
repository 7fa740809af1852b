using System.Net;
using Bunit;
using MudBlazor;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Reports;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The report's indicators: computed and entered values as a person reads them; an entered one typed with the API's errors beside its fields.</summary>
public sealed class ReportIndicatorsTests : ComponentTest
{
    [Fact]
    public void Indicators_read_as_rates_and_counts_with_their_terms()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var panel = RenderPanel(canEdit: true);

        Assert.Equal(["Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn", "Tính từ dữ liệu", "99,43%", "1.733 / 1.743", ""], Cells(panel, "Dossiers.OnTimeRate"));
        Assert.Equal(["Số TTHC, nhóm TTHC giải quyết liên thông giữa các cấp", "Đơn vị nhập", "32", "", "Nhập"], Cells(panel, "Procedures.InterLevelCount"));
        Assert.Equal("–", Cells(panel, "EOffice.ElectronicDocumentRate")[2]);
        // Only an entered indicator is offered to be typed.
        Assert.Equal(["indicator-enter-EOffice.ElectronicDocumentRate", "indicator-enter-Procedures.InterLevelCount"], panel.Buttons("indicator-enter-"));
    }

    [Fact]
    public void An_entered_rate_the_API_refuses_shows_its_error_beside_the_denominator_then_is_saved()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        Reports.Refusal = (HttpStatusCode.BadRequest, Refusals.Invalid("denominator", "Mẫu số phải lớn hơn 0."));
        var panel = RenderPanel(canEdit: true);

        panel.Find("button[data-testid='indicator-enter-EOffice.ElectronicDocumentRate']").Click();
        panel.Find("input[data-testid=indicator-numerator]").Change("790");
        panel.Find("button[data-testid=indicator-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Mẫu số phải lớn hơn 0.", panel.FieldText("indicator-denominator"), StringComparison.Ordinal));
        Assert.DoesNotContain("Mẫu số phải", panel.FieldText("indicator-numerator"), StringComparison.Ordinal);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", panel.Find("[data-testid=indicator-problem]").TextContent.Trim());

        Reports.Refusal = null;
        panel.Find("input[data-testid=indicator-denominator]").Change("800");
        panel.WaitForAssertion(() => Assert.DoesNotContain("Mẫu số phải", panel.FieldText("indicator-denominator"), StringComparison.Ordinal));
        panel.Find("textarea[data-testid=indicator-evidence]").Change(" Hệ thống quản lý văn bản ");
        panel.Find("button[data-testid=indicator-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal("98,75%", Cells(panel, "EOffice.ElectronicDocumentRate")[2]));
        Assert.Equal("790 / 800", Cells(panel, "EOffice.ElectronicDocumentRate")[3]);
        Assert.Empty(panel.FindAll("[data-testid=indicator-form]"));
        Assert.Equal(["indicator EOffice.ElectronicDocumentRate 790  ", "indicator EOffice.ElectronicDocumentRate 790 800 Hệ thống quản lý văn bản"], Reports.Calls);
    }

    [Fact]
    public void A_count_is_entered_without_a_denominator()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var panel = RenderPanel(canEdit: true);

        panel.Find("button[data-testid='indicator-enter-Procedures.InterLevelCount']").Click();

        Assert.Empty(panel.FindAll("[data-testid=indicator-denominator]"));
        panel.Find("input[data-testid=indicator-numerator]").Change("35");
        panel.Find("button[data-testid=indicator-save]").Click();
        panel.WaitForAssertion(() => Assert.Equal("35", Cells(panel, "Procedures.InterLevelCount")[2]));
        Assert.Equal(["indicator Procedures.InterLevelCount 35  "], Reports.Calls);
    }

    [Fact]
    public async Task The_list_is_filtered_by_source()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var panel = RenderPanel(canEdit: true);
        var source = panel.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Nguồn số liệu");

        await source.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync("entered"));

        panel.WaitForAssertion(() => Assert.Equal(["EOffice.ElectronicDocumentRate", "Procedures.InterLevelCount"], Codes(panel)));
        await source.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync("computed"));
        panel.WaitForAssertion(() => Assert.Equal(["Dossiers.OnTimeRate"], Codes(panel)));
    }

    [Fact]
    public void Those_who_may_not_change_the_report_read_the_indicators_and_are_offered_no_entry()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Reports.Report = FakeReportsApi.Draft("submitted");

        var page = Render<ReportPage>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1"));

        page.WaitForAssertion(() => Assert.Equal("99,43%", Cells(page, "Dossiers.OnTimeRate")[2]));
        Assert.Empty(page.FindAll("button[data-testid^=indicator-enter-]"));
    }

    private IRenderedComponent<ReportIndicatorsPanel> RenderPanel(bool canEdit)
    {
        var panel = Render<ReportIndicatorsPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Period, "2026-Q1").Add(c => c.CanEdit, canEdit));
        panel.WaitForElement("[data-testid=indicators]");
        return panel;
    }

    private static string[] Cells<T>(IRenderedComponent<T> panel, string code)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. panel.Find($"td[data-testid='indicator-{code}']").ParentElement!.Children.Select(td => td.TextContent.Trim())];

    private static string[] Codes(IRenderedComponent<ReportIndicatorsPanel> panel) =>
        [.. panel.FindAll("td[data-testid^=indicator-]").Select(td => td.GetAttribute("data-testid")!)
            .Where(id => !id.StartsWith("indicator-value-", StringComparison.Ordinal)).Select(id => id["indicator-".Length..])];
}
