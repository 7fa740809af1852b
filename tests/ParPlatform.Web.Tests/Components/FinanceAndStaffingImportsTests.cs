using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components;
using ParPlatform.Web.Components.Finance;
using ParPlatform.Web.Components.Staffing;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// The capital plan's allocations set by a form (the API's errors beside the field of their line), and the files of a capital plan, a
/// budget and staffing sent to their imports; quotas and headcounts of an agency.
/// </summary>
public sealed class FinanceAndStaffingImportsTests : ComponentTest
{
    public FinanceAndStaffingImportsTests() => SignIn(PlatformRoles.UnitOfficer, unit: "06112");

    [Fact]
    public void The_capital_plan_starts_from_its_allocations_and_an_error_shows_beside_the_field_of_its_line()
    {
        Finance.Refusal = RegistryFormsTests.Problem(("allocations[1].millions", "Số tiền lớn hơn 0, tính bằng triệu đồng."));
        var panel = RenderPlan();
        Assert.Equal("44553", panel.Find("input[data-testid=allocation-millions-0]").GetAttribute("value"));

        panel.Find("button[data-testid=allocation-add]").Click();
        panel.Find("input[data-testid=allocation-project-1]").Change("Trường Tiểu học Tam Thanh");
        panel.Find("button[data-testid=capital-plan-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Số tiền lớn hơn 0", panel.FieldText("allocation-millions-1"), StringComparison.Ordinal));
        Assert.DoesNotContain("Số tiền lớn hơn 0", panel.FieldText("allocation-millions-0"), StringComparison.Ordinal);
        Assert.Equal("set plan 2026 nsdp  44553;  Trường Tiểu học Tam Thanh ", Finance.Calls[^1]);
    }

    [Fact]
    public async Task A_capital_plan_is_saved_whole()
    {
        var panel = RenderPlan();
        panel.Find("button[data-testid=allocation-add]").Click();
        var source = panel.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], "allocation-source-1"));
        await source.InvokeAsync(() => source.Instance.ValueChanged.InvokeAsync("nsdp"));
        panel.Find("input[data-testid=allocation-project-1]").Change(" Trường Tiểu học Tam Thanh ");
        panel.Find("input[data-testid=allocation-millions-1]").Change("1500");
        panel.Find("button[data-testid=allocation-remove-0]").Click();

        panel.Find("button[data-testid=capital-plan-save]").Click();

        panel.WaitForAssertion(() => Assert.Equal("set plan 2026 nsdp Trường Tiểu học Tam Thanh 1500", Finance.Calls[^1]));
        Assert.Empty(panel.FindAll("[data-testid=capital-plan-save-problem]"));
    }

    [Fact]
    public void A_unit_without_a_capital_plan_is_offered_to_set_one()
    {
        Finance.PlanMissing = true;
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));

        panel.WaitForElement("[data-testid=capital-plan-problem]");
        Assert.Empty(panel.FindAll("[data-testid=disbursement-rate]"));
        Assert.Single(panel.FindAll("button[data-testid=capital-plan-save]"));
        Assert.Single(panel.FindAll("button[data-testid=capital-plan-import-submit]"));
    }

    [Fact]
    public void A_capital_plan_file_is_sent_to_its_import()
    {
        var panel = RenderPlan();

        Upload(panel.FindComponents<ImportFilePanel<CapitalPlan>>().Single(i => i.Instance.Name == "capital-plan"), "sourceCode,project,millions\nnsdp,,18125\n");
        panel.Find("button[data-testid=capital-plan-import-submit]").Click();

        panel.WaitForElement("[data-testid=capital-plan-imported]");
        Assert.Equal("import plan 2026 text/csv sourceCode,project,millions\nnsdp,,18125\n", Finance.Calls[^1]);
    }

    [Fact]
    public void A_budget_file_is_sent_to_its_import()
    {
        var panel = Render<BudgetPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForElement("[data-testid=budget-table]");

        Upload(panel.FindComponent<ImportFilePanel<Budget>>(), "itemCode,basis,date,millions\n");
        panel.Find("button[data-testid=budget-import-submit]").Click();

        panel.WaitForElement("[data-testid=budget-imported]");
        Assert.Equal("import budget 2026 text/csv itemCode,basis,date,millions\n", Finance.Calls[^1]);
    }

    [Fact]
    public void A_budget_read_by_those_who_may_not_write_offers_no_import()
    {
        var panel = Render<BudgetPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, false));

        panel.WaitForElement("[data-testid=budget-table]");
        Assert.Empty(panel.FindAll("[data-testid=budget-import-submit]"));
    }

    [Fact]
    public void A_staffing_file_is_sent_to_its_import()
    {
        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));
        page.WaitForElement("[data-testid=staffing-table]");

        Upload(page.FindComponent<ImportFilePanel<StaffingImported>>(), "kind,year,date,civilServants\nquota,2026,2026-01-15,52\n");
        page.Find("button[data-testid=staffing-import-submit]").Click();

        page.WaitForElement("[data-testid=staffing-imported]");
        Assert.Equal("import text/csv kind,year,date,civilServants\nquota,2026,2026-01-15,52\n", Staffing.Calls[^1]);
    }

    [Fact]
    public async Task A_quota_and_a_headcount_are_entered_for_an_agency()
    {
        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));
        page.WaitForElement("[data-testid=staffing-table]");

        var quotaAgency = page.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], "quota-agency"));
        await quotaAgency.InvokeAsync(() => quotaAgency.Instance.ValueChanged.InvokeAsync("kinh-te"));
        page.Find("button[data-testid=quota-submit]").Click();
        page.WaitForAssertion(() => Assert.StartsWith("quota 2026 kinh-te ", Staffing.Calls[^1], StringComparison.Ordinal));

        var headcountAgency = page.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], "headcount-agency"));
        await headcountAgency.InvokeAsync(() => headcountAgency.Instance.ValueChanged.InvokeAsync("van-phong"));
        page.Find("button[data-testid=headcount-submit]").Click();
        page.WaitForAssertion(() => Assert.Contains(" van-phong ", Staffing.Calls[^1], StringComparison.Ordinal));
    }

    [Fact]
    public void A_province_reviewer_is_offered_no_staffing_entry()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");

        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));

        page.WaitForElement("[data-testid=staffing-table]");
        Assert.Empty(page.FindAll("[data-testid=staffing-import-submit]"));
        Assert.Empty(page.FindAll("[data-testid=quota-submit]"));
        Assert.Empty(page.FindAll("[data-testid=headcount-submit]"));
    }

    private IRenderedComponent<CapitalPlanPanel> RenderPlan()
    {
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForElement("[data-testid=disbursement-rate]");
        return panel;
    }

    private static void Upload<T>(IRenderedComponent<ImportFilePanel<T>> import, string csv)
        where T : class =>
        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "tep.csv"));
}
