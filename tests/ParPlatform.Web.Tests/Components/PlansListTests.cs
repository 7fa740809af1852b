using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Layout;
using ParPlatform.Web.Components.Plans;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The unit's plans: the menu's entry for its officers and chairman only, and the list filtered by year.</summary>
public sealed class PlansListTests : ComponentTest
{
    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", true)]
    [InlineData(PlatformRoles.UnitChairman, "06112", true)]
    [InlineData(PlatformRoles.ProvinceReviewer, null, false)]
    [InlineData(PlatformRoles.Operator, null, false)]
    public void The_menu_offers_the_plans_to_the_unit_s_officers_and_chairman(string role, string? unit, bool offered)
    {
        SignIn(role, unit, "20");

        var menu = Render<NavMenu>(_ => { });

        var link = menu.FindAll("a").FirstOrDefault(a => a.TextContent.Contains("Kế hoạch CCHC", StringComparison.Ordinal));
        Assert.Equal(offered, link is not null);
        if (offered)
            Assert.Equal("units/06112/plans", link!.GetAttribute("href"));
    }

    [Fact]
    public void The_list_shows_each_plan_in_Vietnamese_and_filters_by_year()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Plans.Plans.AddRange([FakePlansApi.Plan("issued"), FakePlansApi.Plan("draft") with { Title = "Kế hoạch CCHC giai đoạn 2027–2030", FromYear = 2027, ToYear = 2030 }]);

        var list = Render<PlansPage>(p => p.Add(c => c.UnitCode, "06112"));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=plans-table] tbody tr").Count));
        var rows = list.FindAll("[data-testid=plans-table] tbody tr");
        Assert.Contains("29/KH-UBND", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("15/01/2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã ban hành", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Dự thảo", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2027–2030", rows[1].TextContent, StringComparison.Ordinal);

        list.Find("input[data-testid=plans-year]").Input("2028");

        // The year field waits 400 ms after the last key before it asks: time for that on a busy machine (bUnit's default is 1 s).
        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=plans-table] tbody tr")), TimeSpan.FromSeconds(10));
        Assert.Equal("list 2028", Plans.Calls[^1]);
    }
}
