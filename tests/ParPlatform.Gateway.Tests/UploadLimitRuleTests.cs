using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ParPlatform.Gateway.Routing;

namespace ParPlatform.Gateway.Tests;

/// <summary>Which requests get the larger body limit: an authenticated caller's dossier import, nothing else.</summary>
public sealed class UploadLimitRuleTests
{
    private const long KestrelDefault = 30_000_000;

    [Theory]
    [InlineData("POST", "/api/v1/units/06112/dossiers/imports", true)]
    [InlineData("POST", "/api/v1/units/06112/dossiers/imports/", true)]
    [InlineData("POST", "/API/v1/Units/06112/Dossiers/Imports", true)]
    [InlineData("GET", "/api/v1/units/06112/dossiers/imports", false)]
    [InlineData("PUT", "/api/v1/units/06112/dossiers/imports", false)]
    [InlineData("POST", "/api/v1/units/06112/dossiers", false)]
    [InlineData("POST", "/api/v1/units/06112/dossiers/imports//", false)]
    [InlineData("POST", "/api/v1/units/06112/dossiers/imports/123", false)]
    [InlineData("POST", "/api/v1/units/06112/plans/dossiers/imports", false)]
    [InlineData("POST", "/api/v1/units//dossiers/imports", false)]
    [InlineData("POST", "/x/api/v1/units/06112/dossiers/imports", false)]
    [InlineData("POST", "/api/v1/provinces/20/dossiers/imports", false)]
    public async Task Only_an_authenticated_dossier_import_gets_the_upload_limit(string method, string path, bool raised)
    {
        var authenticated = await LimitAfterAsync(method, path, new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "officer")], "Bearer")));
        var anonymous = await LimitAfterAsync(method, path, new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.Equal(raised ? GatewayRoutes.MaxUploadBytes : KestrelDefault, authenticated);
        Assert.Equal(KestrelDefault, anonymous);
    }

    private static async Task<long?> LimitAfterAsync(string method, string path, ClaimsPrincipal user)
    {
        var limit = new BodySizeLimit();
        var context = new DefaultHttpContext { User = user };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(limit);
        var called = false;

        await UploadLimits.RaiseForDossierImportsAsync(context, () =>
        {
            called = true;
            return Task.CompletedTask;
        });

        Assert.True(called);
        return limit.MaxRequestBodySize;
    }

    private sealed class BodySizeLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; } = KestrelDefault;
    }
}
