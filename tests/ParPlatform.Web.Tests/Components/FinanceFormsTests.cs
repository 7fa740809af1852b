using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components;
using ParPlatform.Web.Components.Finance;
using static ParPlatform.Web.Tests.Components.RegistryFormsTests;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The finance screens: the disbursement rate as the report prints it, the API's field errors next to their fields, what each role is offered.</summary>
public sealed class FinanceFormsTests : ComponentTest
{
    [Fact]
    public void The_plans_disbursement_rate_and_a_disbursements_field_errors_show()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Finance.Refusal = Problem(("millions", "Số tiền phải lớn hơn 0."), ("sourceCode", "Kế hoạch vốn không có nguồn xyz."));
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForAssertion(() => Assert.Contains("Tỷ lệ giải ngân năm 2026: 44,89%", panel.Find("[data-testid=disbursement-rate]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Đã giải ngân 20.000 / 44.553 triệu đồng kế hoạch, đến ngày 31/03/2026", panel.Find("[data-testid=disbursement-rate]").TextContent,
            StringComparison.Ordinal);

        panel.Find("input[data-testid=disbursement-project]").Change("Đường Tam Thanh");
        panel.Find("button[data-testid=disbursement-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Số tiền phải lớn hơn 0.", FieldText(panel, "disbursement-millions"), StringComparison.Ordinal));
        Assert.Contains("Kế hoạch vốn không có nguồn xyz.", FieldText(panel, "disbursement-source"), StringComparison.Ordinal);
        Assert.DoesNotContain("Số tiền", FieldText(panel, "disbursement-project"), StringComparison.Ordinal);
        Assert.Contains(Finance.Calls, c => c.StartsWith("disburse 2026 ", StringComparison.Ordinal) && c.EndsWith(" Đường Tam Thanh ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disbursement_recorded_reads_the_plan_again()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=disbursement-rate]")));
        Finance.Plan = Finance.Plan with { Total = FakeFinanceApi.Line(null, null, 44_553_000_000, 44_553_000_000, 100m) };

        panel.Find("button[data-testid=disbursement-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Tỷ lệ giải ngân năm 2026: 100%", panel.Find("[data-testid=disbursement-rate]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, Finance.Calls.Count(c => c == "plan 2026"));
    }

    [Fact]
    public async Task An_actuals_date_error_is_under_its_date_and_an_estimate_is_sent_with_its_basis()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Finance.Refusal = Problem(("asOf", "Ngày trong năm 2026."), ("millions", "Không được để trống."));
        var form = Render<BudgetEntryForm>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.Items, []));
        var entry = form.FindComponents<MudBlazor.MudSelect<string>>()[1];

        await form.InvokeAsync(() => entry.Instance.ValueChanged.InvokeAsync("actual"));
        form.Find("button[data-testid=budget-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Ngày trong năm 2026.", FieldText(form, "budget-date"), StringComparison.Ordinal));
        Assert.Contains("Không được để trống.", FieldText(form, "budget-millions"), StringComparison.Ordinal);
        Assert.StartsWith("actual 2026 ", Finance.Calls.Single(), StringComparison.Ordinal);

        Finance.Refusal = null;
        await form.InvokeAsync(() => entry.Instance.ValueChanged.InvokeAsync("unit-own"));
        form.Find("button[data-testid=budget-submit]").Click();
        form.WaitForAssertion(() => Assert.StartsWith("estimate 2026  unit-own ", Finance.Calls[^1], StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_bad_rows_is_refused_with_every_row_in_the_table()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Finance.Refusal = new
        {
            title = "Tệp có dòng không hợp lệ; chưa ghi khoản giải ngân nào.",
            detail = "2 lỗi.",
            status = 400,
            problemCount = 2,
            rows = new[] { new { row = 3, column = "date", reason = "Ngày không hợp lệ." }, new { row = 5, column = "sourceCode", reason = "Không được để trống." } },
        };
        var panel = Render<CapitalPlanPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForElement("[data-testid=disbursement-rate]");
        Finance.Calls.Clear();

        panel.FindComponents<ImportFilePanel<CapitalPlan>>().Single(i => i.Instance.Name == "disbursement")
            .FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("sourceCode,project,date,millions\n", "giai-ngan.csv"));
        panel.Find("button[data-testid=disbursement-import-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Tệp có dòng không hợp lệ; chưa ghi khoản giải ngân nào. 2 lỗi.", panel.Find("[data-testid=import-refusal]").TextContent.Trim()));
        Assert.Equal(2, panel.FindAll("[data-testid=import-errors] tbody tr").Count);
        Assert.Equal(["import 2026 text/csv sourceCode,project,date,millions\n"], Finance.Calls);
        Assert.Empty(panel.FindAll("[data-testid=disbursement-imported]"));
    }

    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", null, true)]
    [InlineData(PlatformRoles.UnitChairman, "06112", null, true)]
    [InlineData(PlatformRoles.UnitOfficer, "06181", null, false)]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20", false)]
    public void Only_the_units_officers_and_chairman_are_offered_to_enter_records(string role, string? unit, string? province, bool offered)
    {
        SignIn(role, unit, province);

        var page = Render<FinancePage>(p => p.Add(c => c.UnitCode, "06112"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=disbursement-rate]")));
        Assert.Equal(offered, page.FindAll("[data-testid=disbursement-submit]").Count == 1);
        Assert.Equal(offered, page.FindAll("[data-testid=disbursement-import-submit]").Count == 1);
        Assert.Equal(offered, page.FindAll("[data-testid=capital-plan-save]").Count == 1);
        Assert.Equal(offered, page.FindAll("[data-testid=capital-plan-import-submit]").Count == 1);
    }
}
