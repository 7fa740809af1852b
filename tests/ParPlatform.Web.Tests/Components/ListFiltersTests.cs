using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Staffing;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// Every list is filterable (issue 22): what is typed in a list's search box leaves the rows that match it, its cross brings every
/// row back.
/// </summary>
public sealed class ListFiltersTests : ComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_staffing_scopes_are_found_by_the_agency_s_name_or_code()
    {
        SignIn(PlatformRoles.ProvinceReviewer, province: "20");
        Staffing.Year = Staffing.Year with
        {
            Agencies = [new ScopeStaffing("van-phong", null, null, [], false), new ScopeStaffing("kinh-te", null, null, [], false)],
        };
        var page = Render<StaffingPage>(p => p.Add(c => c.UnitCode, "06112"));
        string[] all = ["Toàn đơn vị", "Văn phòng HĐND và UBND", "Phòng Kinh tế"];
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("staffing-table", 1)), Wait);

        page.Search("staffing-search", "kinh tế");
        page.WaitForAssertion(() => Assert.Equal(["Phòng Kinh tế"], page.Column("staffing-table", 1)), Wait);
        page.Search("staffing-search", "van-");
        page.WaitForAssertion(() => Assert.Equal(["Văn phòng HĐND và UBND"], page.Column("staffing-table", 1)), Wait);

        page.ClearSearch("staffing-search");
        page.WaitForAssertion(() => Assert.Equal(all, page.Column("staffing-table", 1)), Wait);
    }
}
