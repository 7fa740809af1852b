using System.Security.Claims;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults.Tests;

public sealed class CallerTests
{
    [Fact]
    public void A_caller_is_read_from_the_role_unit_and_province_claims()
    {
        var principal = Principal(("sub", "integrator-1"), ("role", "integrator"), ("unit", "06112"), ("unit", "06181"), ("province", "20"));

        var caller = Caller.From(principal);

        Assert.NotNull(caller);
        Assert.Equal("integrator", caller.Role);
        Assert.Equal(["06112", "06181"], caller.Units.Order());
        Assert.Equal("20", caller.Province);
        Assert.Equal("integrator-1", caller.UserId);
        Assert.Null(caller.Agency);
        Assert.True(caller.Is(PlatformRoles.Integrator));
        Assert.False(caller.Is(PlatformRoles.UnitOfficer, PlatformRoles.UnitChairman));
    }

    [Fact]
    public void A_caller_with_only_a_role_has_no_units_and_no_province()
    {
        var caller = Caller.From(Principal(("sub", "admin-1"), ("role", "platform-admin")));

        Assert.NotNull(caller);
        Assert.Equal("platform-admin", caller.Role);
        Assert.Empty(caller.Units);
        Assert.Null(caller.Province);
    }

    [Fact]
    public void Unit_codes_are_compared_exactly()
    {
        var caller = Caller.From(Principal(("sub", "officer-1"), ("role", "unit-officer"), ("unit", "06112")));

        Assert.NotNull(caller);
        Assert.Contains("06112", caller.Units);
        Assert.DoesNotContain("6112", caller.Units);
        Assert.DoesNotContain("06112 ", caller.Units);
    }

    [Fact]
    public void An_officer_is_called_by_the_id_and_the_agency_of_the_token()
    {
        var caller = Caller.Of(Principal(("sub", "8f0c"), ("role", "unit-officer"), ("unit", "06112"), ("province", "20"), ("agency", "mot-cua-06112")));

        Assert.Equal(("8f0c", "mot-cua-06112"), (caller.UserId, caller.Agency));
    }

    [Fact]
    public void A_token_without_a_subject_is_no_caller()
    {
        Assert.Null(Caller.From(Principal(("role", "unit-officer"), ("unit", "06112"), ("province", "20"))));
        Assert.Throws<InvalidOperationException>(() => Caller.Of(Principal(("role", "unit-officer"), ("unit", "06112"))));
    }

    [Fact]
    public void A_token_without_a_role_is_no_caller()
    {
        Assert.Null(Caller.From(Principal(("sub", "someone"), ("unit", "06112"), ("province", "20"))));
    }

    [Fact]
    public void An_empty_role_is_no_caller()
    {
        Assert.Null(Caller.From(Principal(("role", ""), ("unit", "06112"))));
    }

    [Fact]
    public void An_anonymous_principal_is_no_caller()
    {
        Assert.Null(Caller.From(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), authenticationType: "test"));
}
