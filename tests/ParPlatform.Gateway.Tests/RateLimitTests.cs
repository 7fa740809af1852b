using System.Globalization;
using System.Net;

namespace ParPlatform.Gateway.Tests;

[Collection(SharedFakeServices.Name)]
public sealed class RateLimitTests(FakeServices services)
{
    private const string Path = "/api/v1/units/06112/plans/status";

    private static readonly Dictionary<string, string> OnePerSecondBurstOfThree = new()
    {
        ["Gateway:RateLimit:PermitsPerSecond"] = "1",
        ["Gateway:RateLimit:Burst"] = "3",
    };

    [Fact]
    public async Task A_client_over_its_burst_gets_429_with_retry_after_and_other_clients_do_not()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls, OnePerSecondBurstOfThree);
        using var client = gateway.CreateClient();
        // Warm up (keys fetched, first forward done) as a client of its own, so the burst below is quick.
        using (var warmUp = await client.SendAsync(HttpMethod.Get, Path, TestTokens.UnitOfficer(subject: "warm-up")))
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        var limited = TestTokens.UnitOfficer(subject: "officer-a");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.SendAsync(HttpMethod.Get, Path, limited);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var rejected = await client.SendAsync(HttpMethod.Get, Path, limited);
        using var other = await client.SendAsync(HttpMethod.Get, Path, TestTokens.UnitOfficer(subject: "officer-b"));

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = Assert.Single(rejected.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds), retryAfter);
        Assert.True(seconds > 0, retryAfter);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal($"plans {Path}", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_probes_have_a_bucket_of_their_own_per_address()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls, OnePerSecondBurstOfThree);
        using var client = gateway.CreateClient();
        var limited = TestTokens.UnitOfficer(subject: "officer-health");
        using (var warmUp = await client.SendAsync(HttpMethod.Get, "/", token: null))
            Assert.Equal(HttpStatusCode.NotFound, warmUp.StatusCode);

        // An empty API bucket (the client's, and that of requests without a token) leaves health probes alone …
        await ExhaustAsync(client, Path, limited);
        await ExhaustAsync(client, "/", token: null);
        using (var probe = await client.SendAsync(HttpMethod.Get, "/health", token: null))
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);

        // … and a flood of probes (each fans out to every service) is limited like any other client.
        await ExhaustAsync(client, "/health", token: null);
    }

    /// <summary>Sends requests until one is refused: the bucket is then empty for about a second.</summary>
    private static async Task ExhaustAsync(HttpClient client, string path, string? token)
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, path, token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return;
        }
        Assert.Fail($"{path} was never limited");
    }
}
