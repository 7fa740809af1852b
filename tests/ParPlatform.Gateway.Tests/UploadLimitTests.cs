using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// A dossier import (POST /api/v1/units/{unitCode}/dossiers/imports) may be larger than Kestrel's
/// 30 MB default; every other request keeps it. Run on a real Kestrel (the in-memory test server
/// has no body limit).
/// </summary>
[Collection(SharedFakeServices.Name)]
public sealed class UploadLimitTests(FakeServices services)
{
    /// <summary>Over Kestrel's default limit of 30,000,000 bytes.</summary>
    private const int Size = 40_000_000;

    private static readonly byte[] Body = new byte[Size];

    [Theory]
    [InlineData("/api/v1/units/06112/dossiers/imports")]
    [InlineData("/api/v1/units/06112/dossiers/imports/")]
    public async Task A_40_MB_dossier_import_reaches_the_dossiers_service_whole(string route)
    {
        await using var gateway = StartOnKestrel();
        using var client = ClientOf(gateway);
        var path = Unique(route);

        using var response = await PostAsync(client, HttpMethod.Post, path, TestTokens.UnitOfficer());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"dossiers {path}", await response.Content.ReadAsStringAsync());
        Assert.Equal(Size.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Received-Bytes")));
    }

    [Theory]
    [InlineData("POST", "/api/v1/units/06112/dossiers")]
    [InlineData("POST", "/api/v1/units/06112/dossiers/imports/more")]
    [InlineData("POST", "/api/v1/units/06112/dossiers/procedures/import")]
    [InlineData("POST", "/api/v1/units/06112/plans/dossiers/imports")]
    [InlineData("PUT", "/api/v1/units/06112/dossiers/imports")]
    public async Task The_same_size_anywhere_else_is_refused_with_413(string method, string route)
    {
        await using var gateway = StartOnKestrel();
        using var client = ClientOf(gateway);
        var path = Unique(route);

        using var response = await PostAsync(client, new HttpMethod(method), path, TestTokens.UnitOfficer());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(services.Saw(path));
    }

    [Fact]
    public async Task An_import_without_a_token_is_refused_with_401()
    {
        await using var gateway = StartOnKestrel();
        using var client = ClientOf(gateway);
        var path = Unique("/api/v1/units/06112/dossiers/imports");

        using var response = await PostAsync(client, HttpMethod.Post, path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(services.Saw(path));
    }

    private WebApplicationFactory<Program> StartOnKestrel()
    {
        var gateway = GatewayTests.StartGateway(services.Urls);
        gateway.UseKestrel(0);
        gateway.StartServer();
        return gateway;
    }

    /// <summary>
    /// A client of the gateway's Kestrel that waits for the gateway's answer to Expect: 100-continue as long as it
    /// takes on a busy machine (1 s by default, after which it sends the body that a refusal then cuts off).
    /// </summary>
    private static HttpClient ClientOf(WebApplicationFactory<Program> gateway) =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = new Uri(gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()),
        };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        // As curl does for a large upload: a request refused before its body is read is answered, not a broken pipe.
        request.Headers.ExpectContinue = true;
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static string Unique(string path) => $"{path}?probe={Guid.NewGuid():N}";
}
