using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>A unit's bodies, kept by identity, reach the plans service over the broker (AgencyRegistered, AgencyUpdated).</summary>
[Collection(SharedPlatform.Name)]
public sealed class RegistryBodiesTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_demo_units_bodies_reach_the_plans_service_with_their_kinds()
    {
        var officer = await platform.AppHost.TokenAsync("tamthanh.canbo");

        string[] demo = ["ban-chi-dao-cchc", "cong-an", "hanh-chinh-cong", "kinh-te", "mttq", "van-hoa-xa-hoi", "van-phong"];

        var bodies = await BodiesAsync(officer, "06112", b => demo.All(b.ContainsKey));

        Assert.All(demo, code => Assert.True(bodies.ContainsKey(code), $"{code} is not among the plans service's bodies of 06112"));
        Assert.Equal(("Công an phường", "police"), bodies["cong-an"]);
        Assert.Equal(("Phòng Văn hóa – Xã hội", "administrative"), bodies["van-hoa-xa-hoi"]);
    }

    [Fact]
    public async Task A_body_registered_then_renamed_reaches_the_plans_service_as_it_is_now()
    {
        var chairman = await platform.AppHost.TokenAsync("tamthanh.chutich");
        var code = $"truong-{Guid.NewGuid():N}"[..20];

        using (var created = await platform.AppHost.SendAsync(HttpMethod.Post, "/api/v1/units/06112/agencies", chairman,
            new { code, name = "Trường Tiểu học Tam Thanh", kind = "public-service" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var renamed = await platform.AppHost.SendAsync(HttpMethod.Put, $"/api/v1/units/06112/agencies/{code}", chairman,
            new { name = "Trường Tiểu học số 1 Tam Thanh", kind = "public-service" }))
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var bodies = await BodiesAsync(chairman, "06112", b => b.TryGetValue(code, out var body) && body.Name == "Trường Tiểu học số 1 Tam Thanh");

        Assert.Equal(("Trường Tiểu học số 1 Tam Thanh", "public-service"), bodies[code]);
    }

    /// <summary>The unit's bodies as the plans service has them, once <paramref name="arrived"/> holds (or after 30 s).</summary>
    private async Task<Dictionary<string, (string? Name, string? Kind)>> BodiesAsync(
        string token, string unit, Func<Dictionary<string, (string? Name, string? Kind)>, bool> arrived)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await platform.AppHost.SendAsync(HttpMethod.Get, $"/api/v1/units/{unit}/plans/bodies", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bodies = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!.ToDictionary(
                b => b.GetProperty("agencyCode").GetString()!, b => (b.GetProperty("name").GetString(), b.GetProperty("kind").GetString()));
            if (arrived(bodies) || DateTimeOffset.UtcNow > deadline)
                return bodies;
            await Task.Delay(200);
        }
    }
}
