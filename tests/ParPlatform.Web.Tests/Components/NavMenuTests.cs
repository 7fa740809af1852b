using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Layout;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The menu offers each role what it may do, and nothing else.</summary>
public sealed class NavMenuTests : ComponentTest
{
    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", null, "Một cửa: hồ sơ|Kế hoạch CCHC|Báo cáo định kỳ|Tài chính|Biên chế")]
    [InlineData(PlatformRoles.UnitChairman, "06112", null, "Một cửa: hồ sơ|Kế hoạch CCHC|Báo cáo định kỳ|Tài chính|Biên chế")]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20", "Tổng hợp của tỉnh|Kỳ báo cáo")]
    [InlineData(PlatformRoles.PlatformAdmin, null, null, "Danh mục hệ thống|Lịch làm việc")]
    [InlineData(PlatformRoles.Operator, null, null, "")]
    public void Each_role_is_offered_its_own_pages(string role, string? unit, string? province, string offered)
    {
        SignIn(role, unit, province);

        var menu = Render<NavMenu>(_ => { });

        Assert.Equal(offered, string.Join("|", menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void The_unit_pages_are_the_units_own()
    {
        SignIn(PlatformRoles.UnitOfficer, "06112");

        var menu = Render<NavMenu>(_ => { });

        Assert.Equal(["units/06112/desk", "units/06112/plans", "units/06112/reports", "units/06112/finance", "units/06112/staffing"],
            menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")));
    }
}
