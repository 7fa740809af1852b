using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParPlatform.Gateway.Tests;

public sealed class GatewayTests(FakeServices services) : IClassFixture<FakeServices>
{
    [Theory]
    [InlineData("/api/v1/units/06112/plans/status", "plans")]
    [InlineData("/api/v1/units/06112/dossiers/status?page=2", "dossiers")]
    [InlineData("/api/v1/units/06112/finance/budgets/2026", "finance")]
    [InlineData("/api/v1/units/06112/staffing/quotas", "staffing")]
    [InlineData("/api/v1/units/06112/reports/status", "reporting")]
    [InlineData("/api/v1/provinces/20/reports/statistics", "reporting")]
    [InlineData("/connect/token", "identity")]
    [InlineData("/api/v1/admin/units", "identity")]
    public async Task Each_path_reaches_the_service_that_owns_it(string path, string service)
    {
        await using var gateway = StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        var body = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal($"{service} {path}", body);
    }

    [Theory]
    [InlineData("/api/v1/nothing")]
    [InlineData("/api/v1/units/06112/unknown/status")]
    [InlineData("/")]
    public async Task An_unknown_route_is_a_404_problem(string path)
    {
        await using var gateway = StartGateway(services.Urls);
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(404, problem!.Status);
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_503_problem_within_five_seconds()
    {
        var urls = new Dictionary<string, string>(services.Urls) { ["plans"] = $"http://127.0.0.1:{FakeServices.FreePort()}" };

        await AssertServiceUnavailableAsync(urls, "plans");
    }

    [Fact]
    public async Task A_service_without_a_known_address_is_a_503_problem_within_five_seconds()
    {
        var urls = services.Urls.Where(u => u.Key != "finance").ToDictionary();

        await AssertServiceUnavailableAsync(urls, "finance");
    }

    [Fact]
    public async Task Health_reports_each_service()
    {
        var urls = new Dictionary<string, string>(services.Urls) { ["staffing"] = $"http://127.0.0.1:{FakeServices.FreePort()}" };
        await using var gateway = StartGateway(urls);
        using var client = gateway.CreateClient();

        var health = await client.GetFromJsonAsync<HealthBody>("/health");

        Assert.Equal("Degraded", health!.Status);
        var byName = health.Checks.ToDictionary(c => c.Name, c => c.Status);
        Assert.Equal("Degraded", byName["staffing"]);
        Assert.All(FakeServices.Names.Where(n => n != "staffing"), name => Assert.Equal("Healthy", byName[name]));
    }

    /// <summary>GET …/{service}/status answers 503 ProblemDetails naming the service, and does not hang.</summary>
    private static async Task AssertServiceUnavailableAsync(IReadOnlyDictionary<string, string> serviceUrls, string service)
    {
        await using var gateway = StartGateway(serviceUrls);
        using var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5); // a hang fails the test

        using var response = await client.GetAsync(new Uri($"/api/v1/units/06112/{service}/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(service, problem!.Extensions["service"]?.ToString());
    }

    private static WebApplicationFactory<Program> StartGateway(IReadOnlyDictionary<string, string> serviceUrls) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (name, url) in serviceUrls)
                builder.UseSetting($"services:{name}:http:0", url);
        });

    private sealed record HealthBody(string Status, List<HealthCheck> Checks);

    private sealed record HealthCheck(string Name, string Status);
}
