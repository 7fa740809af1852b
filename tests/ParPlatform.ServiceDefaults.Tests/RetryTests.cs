using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>
/// Every HttpClient of a service (and of the web application) retries a failed read, but never sends a POST, PUT, PATCH or
/// DELETE again: the first may have been done when its answer was lost (a dossier received twice, a report submitted twice).
/// </summary>
public sealed class RetryTests
{
    [Fact]
    public async Task A_failed_read_is_tried_again()
    {
        var server = new FailingFirst();
        using var host = Host(server);

        using var answer = await Client(host).GetAsync(new Uri("http://gateway.test/api/v1/units"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, server.Calls);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_failed_change_is_not_sent_again(string method)
    {
        var server = new FailingFirst();
        using var host = Host(server);

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("http://gateway.test/api/v1/units/06112/dossiers"));
        using var answer = await Client(host).SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(1, server.Calls);
    }

    private static IHost Host(FailingFirst server)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["Identity:Issuer"] = "http://identity.test/";
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("gateway").ConfigurePrimaryHttpMessageHandler(() => server);
        return builder.Build();
    }

    private static HttpClient Client(IHost host) => host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("gateway");

    /// <summary>Answers 503 to the first request, 200 to the next ones.</summary>
    private sealed class FailingFirst : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(++Calls == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
    }
}
