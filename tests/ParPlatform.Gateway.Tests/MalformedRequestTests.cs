using ParPlatform.TestSupport;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// Every route of the gateway (its proxy routes, the Scalar UI, the fallback), walked with malformed
/// bodies, query strings and route values (TestSupport/MalformedRequests) in front of the fake
/// services, as each role the route lets through: the gateway answers none of them with a 5xx.
/// </summary>
[Collection(SharedFakeServices.Name)]
public sealed class MalformedRequestTests(FakeServices services)
{
    [Fact]
    public async Task No_route_answers_a_malformed_request_with_a_5xx()
    {
        // No rate limit in the way: every request is to reach its route.
        await using var gateway = GatewayTests.StartGateway(services.Urls, new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "100000",
            ["Gateway:RateLimit:Burst"] = "100000",
        });
        var requests = MalformedRequests.For(gateway.Services, new Dictionary<string, string> { ["unitCode"] = "06112", ["provinceCode"] = "20" });
        HttpClient[] callers =
        [
            Bearing(gateway, TestTokens.UnitOfficer()),
            Bearing(gateway, TestTokens.Create(("sub", "chairman-06112"), ("role", "unit-chairman"), ("unit", "06112"), ("province", "20"))),
            Bearing(gateway, TestTokens.ProvinceReviewer()),
            Bearing(gateway, TestTokens.PlatformAdmin()),
        ];

        var failures = await MalformedRequests.FailuresAsync(requests, callers, unitProvince: "20");

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} malformed requests:\n{string.Join('\n', failures)}");
        Assert.True(requests.Count > 200, $"only {requests.Count} requests: the walk found too few routes");
    }

    private static HttpClient Bearing(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> gateway, string token)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
