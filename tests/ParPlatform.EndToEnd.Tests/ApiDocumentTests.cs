using System.Net;
using System.Text.Json;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>Each service's OpenAPI document and the Scalar UI over them, through the gateway, without a token.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ApiDocumentTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("identity")]
    [InlineData("plans")]
    [InlineData("dossiers")]
    [InlineData("finance")]
    [InlineData("staffing")]
    [InlineData("reporting")]
    public async Task Each_service_s_document_names_the_gateway_as_its_server(string service)
    {
        using var response = await platform.AppHost.Gateway.GetAsync(new Uri($"/openapi/{service}/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(service, document.RootElement.GetProperty("info").GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        // "Try it" in Scalar goes through the gateway, as every client does.
        Assert.Equal(platform.AppHost.Gateway.BaseAddress!.ToString(), document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.NotEmpty(document.RootElement.GetProperty("paths").EnumerateObject());
    }

    [Fact]
    public async Task The_Scalar_UI_is_served()
    {
        using var response = await platform.AppHost.Gateway.GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
