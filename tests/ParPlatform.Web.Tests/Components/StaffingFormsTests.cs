using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Staffing;
using static ParPlatform.Web.Tests.Components.RegistryFormsTests;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The staffing screens: the quota against the headcount, the API's field errors next to their fields, what each role is offered.</summary>
public sealed class StaffingFormsTests : ComponentTest
{
    [Fact]
    public void A_quotas_field_errors_show_next_to_their_fields()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Staffing.Refusal = Problem(("civilServants", "Không được để trống."), ("decidedOn", "Không được để trống."));
        var form = Render<QuotaForm>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026));

        form.Find("input[data-testid=quota-decision]").Change("123/QĐ-UBND");
        form.Find("button[data-testid=quota-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("Không được để trống.", FieldText(form, "quota-civil-servants"), StringComparison.Ordinal));
        Assert.Contains("Không được để trống.", FieldText(form, "quota-decided-on"), StringComparison.Ordinal);
        Assert.DoesNotContain("Không được", FieldText(form, "quota-decision"), StringComparison.Ordinal);
        Assert.Equal(["quota 2026     False 123/QĐ-UBND"], Staffing.Calls);
    }

    [Fact]
    public void A_headcount_above_the_quota_is_recorded_and_flagged()
    {
        SignIn(PlatformRoles.UnitChairman, unit: "06112");
        var form = Render<HeadcountForm>(p => p.Add(c => c.UnitCode, "06112"));

        form.Find("button[data-testid=headcount-submit]").Click();

        form.WaitForAssertion(() => Assert.Single(form.FindAll("[data-testid=headcount-over-quota]")));
        Assert.StartsWith("headcount ", Staffing.Calls.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_years_quota_and_headcount_show_by_category_with_the_excess()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Staffing.Year = Staffing.Year with
        {
            Unit = new ScopeStaffing(null, new Quota(2026, null, 52, 327, 323, 4, 379, true, "45/QĐ-UBND", new DateOnly(2026, 1, 10)),
                new Headcount(new DateOnly(2026, 2, 28), null, 53, 311, 364),
                [new CategoryLine("civil-servants", 52, 53, 0, 1, true, null), new CategoryLine("public-employees", 327, 311, 16, 0, false, null)], true),
        };

        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));

        page.WaitForAssertion(() => Assert.Contains("379 (tạm giao) – 45/QĐ-UBND, 10/01/2026", page.Find("[data-testid=staffing-table]").TextContent, StringComparison.Ordinal));
        var table = page.Find("[data-testid=staffing-table]").TextContent;
        Assert.Contains("364 (ngày 28/02/2026)", table, StringComparison.Ordinal);
        Assert.Contains("Công chức: 53 / 52", table, StringComparison.Ordinal);
        Assert.Contains("Vượt 1", table, StringComparison.Ordinal);
        Assert.Contains("Viên chức: 311 / 327", table, StringComparison.Ordinal);
        Assert.Contains("còn thiếu 16", table, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=quota-submit]"));
        Assert.Empty(page.FindAll("[data-testid=headcount-submit]"));
        Assert.Empty(page.FindAll("[data-testid=movements-submit]"));
    }

    [Fact]
    public void A_periods_movements_not_yet_recorded_say_so_and_are_recorded()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var panel = Render<MovementsPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForAssertion(() => Assert.Contains("chưa ghi biến động", panel.Find("[data-testid=movements-problem]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["movements 2026-Q1"], Staffing.Calls);

        panel.Find("button[data-testid=movements-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Đã lưu biến động quý i/2026", panel.Find("[data-testid=movements-saved]").TextContent, StringComparison.Ordinal));
        Assert.Equal("record movements 2026-Q1 retired=", Staffing.Calls[^1]);
        Assert.Empty(panel.FindAll("[data-testid=movements-problem]"));
    }

    [Fact]
    public void A_periods_count_refused_shows_its_error_under_it()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var panel = Render<MovementsPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.Year, 2026).Add(c => c.CanWrite, true));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=movements-problem]")));
        Staffing.Refusal = Problem(("trainingCompleted", "Không lớn hơn số theo kế hoạch."));

        panel.Find("button[data-testid=movements-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Không lớn hơn số theo kế hoạch.", FieldText(panel, "movements-trainingCompleted"), StringComparison.Ordinal));
        Assert.DoesNotContain("Không lớn hơn", FieldText(panel, "movements-trainingPlanned"), StringComparison.Ordinal);
    }
}
