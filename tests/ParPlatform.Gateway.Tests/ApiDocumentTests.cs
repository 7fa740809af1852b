using System.Net;

namespace ParPlatform.Gateway.Tests;

/// <summary>The services' OpenAPI documents and the Scalar UI over them, through the gateway and without a token.</summary>
[Collection(SharedFakeServices.Name)]
public sealed class ApiDocumentTests(FakeServices services)
{
    [Fact]
    public async Task Each_service_s_document_is_served_at_its_own_path_without_a_token()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        foreach (var service in FakeServices.Names)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/openapi/{service}/v1.json", token: null);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{service} /openapi/v1.json", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_Scalar_UI_offers_every_service_s_document_without_a_token()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var page = await client.SendAsync(HttpMethod.Get, "/scalar", token: null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/scalar/", page.RequestMessage!.RequestUri!.AbsolutePath); // its scripts' addresses are relative to it
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        // Relative to the gateway's root: /openapi/{service}/v1.json.
        Assert.All(FakeServices.Names, service => Assert.Contains($"\"url\":\"openapi/{service}/v1.json\"", html, StringComparison.Ordinal));
        foreach (var script in new[] { "scalar.js", "scalar.aspnetcore.js" })
        {
            Assert.Contains($"src=\"{script}\"", html, StringComparison.Ordinal);
            using var response = await client.SendAsync(HttpMethod.Get, $"/scalar/{script}", token: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/nothing/v1.json")]
    [InlineData("/openapi/dossiers/v2.json")]
    public async Task Only_the_services_documents_are_served(string path)
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, path, token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // the gateway's own 404: a fake service answers 200 to anything
    }
}
