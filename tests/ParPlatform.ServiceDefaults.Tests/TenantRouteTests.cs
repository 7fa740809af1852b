using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.ServiceDefaults.Tests;

public sealed class TenantRouteTests
{
    [Fact]
    public void A_unit_path_names_its_unit()
    {
        var route = TenantRoute.Parse("/api/v1/units/06112/plans/status");

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Unit, route.Kind);
        Assert.Equal("06112", route.Code);
        Assert.Null(route.CodeError);
        Assert.Equal("unitCode", route.CodeField);
    }

    [Theory]
    [InlineData("/API/V1/Units/06112/plans/status", TenantRouteKind.Unit)]
    [InlineData("/api/v1/PROVINCES/20/units", TenantRouteKind.Province)]
    [InlineData("/Api/V1/Admin/units", TenantRouteKind.Admin)]
    [InlineData("/Api/V1/Admin/Messaging/error-queues", TenantRouteKind.AdminMessaging)]
    public void Paths_are_read_without_regard_to_case_as_routing_does(string path, TenantRouteKind kind)
    {
        Assert.Equal(kind, TenantRoute.Parse(path)!.Kind);
    }

    [Fact]
    public void A_malformed_unit_code_is_an_error_of_unitCode()
    {
        var route = TenantRoute.Parse("/api/v1/units/61/plans/status");

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Unit, route.Kind);
        Assert.Equal("61", route.Code);
        Assert.Equal(UnitCode.FormatError, route.CodeError);
        Assert.Equal("unitCode", route.CodeField);
    }

    [Fact]
    public void A_province_path_names_its_province()
    {
        var route = TenantRoute.Parse("/api/v1/provinces/20/reports/statistics");

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Province, route.Kind);
        Assert.Equal("20", route.Code);
        Assert.Null(route.CodeError);
        Assert.Equal("provinceCode", route.CodeField);
    }

    [Fact]
    public void A_malformed_province_code_is_an_error_of_provinceCode()
    {
        var route = TenantRoute.Parse("/api/v1/provinces/2x/reports");

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Province, route.Kind);
        Assert.Equal("2x", route.Code);
        Assert.Equal(ProvinceCode.FormatError, route.CodeError);
        Assert.Equal("provinceCode", route.CodeField);
    }

    [Theory]
    [InlineData("/api/v1/admin/units")]
    [InlineData("/api/v1/admin/identity/status")]
    public void An_admin_path_is_no_tenant_s(string path)
    {
        var route = TenantRoute.Parse(path);

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Admin, route.Kind);
        Assert.Null(route.Code);
        Assert.Null(route.CodeError);
    }

    [Theory]
    [InlineData("/api/v1/admin/messaging/error-queues", TenantRouteKind.AdminMessaging)]
    [InlineData("/api/v1/admin/messaging/error-queues/plans.unit-registered_error/replay", TenantRouteKind.AdminMessaging)]
    [InlineData("/api/v1/admin/messaging", TenantRouteKind.AdminMessaging)]
    [InlineData("/api/v1/admin/messagingx/error-queues", TenantRouteKind.Admin)]
    [InlineData("/api/v1/admin/units/messaging", TenantRouteKind.Admin)]
    public void Only_the_admin_messaging_paths_are_the_broker_s(string path, TenantRouteKind kind)
    {
        var route = TenantRoute.Parse(path);

        Assert.NotNull(route);
        Assert.Equal(kind, route.Kind);
        Assert.Null(route.Code);
    }

    [Theory]
    [InlineData("/api/v1/nothing")]
    [InlineData("/api/v2/units/06112/plans/status")]
    [InlineData("/api/v1/units")]
    [InlineData("/api")]
    public void Any_other_api_path_is_unknown(string path)
    {
        var route = TenantRoute.Parse(path);

        Assert.NotNull(route);
        Assert.Equal(TenantRouteKind.Unknown, route.Kind);
        Assert.Null(route.Code);
        Assert.Null(route.CodeError);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/jwks")]
    [InlineData("/apis/v1/units/06112/plans/status")]
    public void A_path_outside_the_api_is_no_route(string path)
    {
        Assert.Null(TenantRoute.Parse(path));
    }
}
