using Bunit;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Components.Admin;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The registry and the calendar are the administrators' pages: nobody else is offered them (the API refuses them anyway).</summary>
public sealed class AdminPagesAccessTests : ComponentTest
{
    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", null)]
    [InlineData(PlatformRoles.UnitChairman, "06112", null)]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20")]
    [InlineData(PlatformRoles.Operator, null, null)]
    public void Nobody_but_an_administrator_is_offered_the_registry(string role, string? unit, string? province)
    {
        SignIn(role, unit, province);

        var registry = Render<RegistryPage>(_ => { });

        Assert.Contains("Trang này dành cho quản trị hệ thống.", registry.Markup, StringComparison.Ordinal);
        Assert.Empty(registry.FindAll("[data-testid=unit-submit]"));
        Assert.Empty(registry.FindAll("[data-testid=user-submit]"));
        Assert.Empty(Registry.Calls);
    }

    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", null)]
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20")]
    [InlineData(PlatformRoles.Operator, null, null)]
    public void Nobody_but_an_administrator_is_offered_the_calendar(string role, string? unit, string? province)
    {
        SignIn(role, unit, province);

        var calendar = Render<CalendarPage>(_ => { });

        Assert.Contains("Trang này dành cho quản trị hệ thống.", calendar.Markup, StringComparison.Ordinal);
        Assert.Empty(calendar.FindAll("[data-testid=calendar-submit]"));
    }

    [Fact]
    public void An_administrator_is_offered_the_registry()
    {
        SignIn(PlatformRoles.PlatformAdmin);

        var registry = Render<RegistryPage>(_ => { });

        Assert.DoesNotContain("Trang này dành cho quản trị hệ thống.", registry.Markup, StringComparison.Ordinal);
        Assert.Single(registry.FindAll("[data-testid=unit-submit]"));
    }
}
