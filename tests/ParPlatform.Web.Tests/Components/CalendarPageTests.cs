using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Admin;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The working calendar: a configured year's days shown, each list's error from the API under it, what a save sends.</summary>
public sealed class CalendarPageTests : ComponentTest
{
    public CalendarPageTests() => SignIn(PlatformRoles.PlatformAdmin);

    [Fact]
    public void A_configured_years_days_are_shown_and_each_lists_error_is_under_that_list()
    {
        var year = Vietnamese.Today(TimeProvider.System).Year;
        Registry.Years.Add(new CalendarYear(year, [new DateOnly(year, 1, 1), new DateOnly(year, 9, 2)], [new DateOnly(year, 8, 22)],
            DateTimeOffset.UtcNow, "admin"));
        Registry.Refusal = RegistryFormsTests.Problem(("makeUpWorkingDays", $"Ngày {year}-08-22 là ngày làm việc, không phải ngày làm bù."));
        var page = Render<CalendarPage>(_ => { });
        page.WaitForAssertion(() => Assert.Contains($"01/01/{year}", page.Find("[data-testid=calendar-days-off]").TextContent, StringComparison.Ordinal));
        Assert.Contains($"02/09/{year}", page.Find("[data-testid=calendar-days-off]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"22/08/{year}", page.Find("[data-testid=calendar-make-up]").TextContent, StringComparison.Ordinal);

        page.Find("button[data-testid=calendar-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("không phải ngày làm bù", page.Find("[data-testid=calendar-make-up-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=calendar-days-off-error]"));
        Assert.Equal([$"calendar {year} off={year}-01-01,{year}-09-02 make-up={year}-08-22"], Registry.Calls);
        Assert.Empty(page.FindAll("[data-testid=calendar-saved]"));
    }

    [Fact]
    public void A_year_not_configured_starts_empty_and_is_saved()
    {
        var page = Render<CalendarPage>(_ => { });

        page.Find("button[data-testid=calendar-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("0 ngày nghỉ, 0 ngày làm bù", page.Find("[data-testid=calendar-saved]").TextContent, StringComparison.Ordinal));
        Assert.Equal([$"calendar {Vietnamese.Today(TimeProvider.System).Year} off= make-up="], Registry.Calls);
    }
}
