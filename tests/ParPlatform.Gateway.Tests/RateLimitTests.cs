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

    [Fact]
    public async Task Sign_ins_on_the_sign_in_page_from_one_address_are_limited_per_minute_before_they_reach_the_identity_service()
    {
        await using var gateway = GatewayTests.StartGateway(services.Urls, new Dictionary<string, string> { ["Gateway:RateLimit:SignInsPerMinute"] = "3" });
        using var client = gateway.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var signIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "doan-" + i }));
            answers.Add(signIn.StatusCode);
            if (signIn.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(signIn.Headers.Contains("Retry-After"));
                Assert.Contains("lần đăng nhập mỗi phút", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        using var token = await client.PostAsync(new Uri("/connect/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "x" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // showing the page is no sign-in
        Assert.Equal(HttpStatusCode.OK, token.StatusCode); // token requests count in the address's ordinary budget
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
