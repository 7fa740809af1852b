using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>A unit's bodies (agencies, public service units, police, committees …) with their kinds, and the events that tell the other services.</summary>
[Collection(SharedIdentity.Name)]
public sealed class AgencyRegistryTests(IdentityFixture identity)
{
    [Fact]
    public async Task A_body_is_registered_with_its_kind_listed_with_it_and_published_as_AgencyRegistered()
    {
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        var code = NewCode("truong");
        await using var events = await EventFeed.BindAsync(identity.Messaging, "events.identity.agency-registered");

        using var response = await officer.PostAsJsonAsync("/api/v1/units/06112/agencies", new { code, name = "Trường Mầm non Tam Thanh", kind = "public-service" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/units/06112/agencies/{code}", response.Headers.Location?.OriginalString);
        var listed = (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies"))!.Single(a => a.GetProperty("code").GetString() == code);
        Assert.Equal("public-service", listed.GetProperty("kind").GetString());
        var published = await events.NextAsync(e => e.GetProperty("agencyCode").GetString() == code);
        Assert.Equal(("06112", "20"), (published.GetProperty("unitCode").GetString(), published.GetProperty("provinceCode").GetString()));
        Assert.Equal("Trường Mầm non Tam Thanh", published.GetProperty("agencyName").GetString());
        Assert.Equal("public-service", published.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_agency_registered_without_a_kind_is_an_administrative_agency()
    {
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        var code = NewCode("phong");

        using var response = await officer.PostAsJsonAsync("/api/v1/units/06112/agencies", new { code, name = "Phòng Kinh tế" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("administrative", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Renaming_or_reclassifying_a_body_publishes_AgencyUpdated_with_its_whole_state()
    {
        using var chairman = await identity.SignedInAsync("tamthanh.chutich");
        var code = NewCode("ttdv");
        using (var created = await chairman.PostAsJsonAsync("/api/v1/units/06112/agencies", new { code, name = "Trung tâm Dịch vụ" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var events = await EventFeed.BindAsync(identity.Messaging, "events.identity.agency-updated");

        using var response = await chairman.PutAsJsonAsync($"/api/v1/units/06112/agencies/{code}",
            new { name = "Trung tâm Dịch vụ công ích phường", kind = "public-service" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await events.NextAsync(e => e.GetProperty("agencyCode").GetString() == code);
        Assert.Equal("Trung tâm Dịch vụ công ích phường", published.GetProperty("agencyName").GetString());
        Assert.Equal("public-service", published.GetProperty("kind").GetString());
        var listed = (await chairman.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies"))!.Single(a => a.GetProperty("code").GetString() == code);
        Assert.Equal(("Trung tâm Dịch vụ công ích phường", "public-service"), (listed.GetProperty("name").GetString(), listed.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("POST", "district-office", "kind")]
    [InlineData("POST", "", "kind")]
    [InlineData("PUT", "district-office", "kind")]
    [InlineData("PUT", null, "kind")]
    public async Task A_kind_no_body_has_is_a_400_naming_the_field_and_changes_nothing(string method, string? kind, string field)
    {
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        var code = method == "POST" ? NewCode("sai") : "van-phong";
        var before = await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies");

        using var response = method == "POST"
            ? await officer.PostAsJsonAsync("/api/v1/units/06112/agencies", new { code, name = "Cơ quan thử", kind })
            : await officer.PutAsJsonAsync($"/api/v1/units/06112/agencies/{code}", new { name = "Cơ quan thử", kind });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        var after = await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies");
        Assert.Equal(before!.Select(a => a.ToString()), after!.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("langson.sonoivu", "06112", "van-phong", HttpStatusCode.Forbidden)]
    [InlineData("chilang.canbo", "06112", "van-phong", HttpStatusCode.NotFound)]
    [InlineData("tamthanh.canbo", "06112", "khong-co", HttpStatusCode.NotFound)]
    public async Task Only_the_units_own_people_change_its_bodies(string user, string unit, string code, HttpStatusCode expected)
    {
        using var client = await identity.SignedInAsync(user);

        using var response = await client.PutAsJsonAsync($"/api/v1/units/{unit}/agencies/{code}", new { name = "Đổi tên", kind = "administrative" });

        Assert.Equal(expected, response.StatusCode);
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        var office = (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies"))!.Single(a => a.GetProperty("code").GetString() == "van-phong");
        Assert.Equal("Văn phòng HĐND và UBND", office.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_demo_unit_has_its_agencies_and_the_other_bodies_its_plans_name()
    {
        using var officer = await identity.SignedInAsync("chilang.canbo");

        var bodies = (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06181/agencies"))!
            .ToDictionary(a => a.GetProperty("code").GetString()!, a => (a.GetProperty("name").GetString(), a.GetProperty("kind").GetString()));

        Assert.Equal(("Phòng Văn hóa – Xã hội", "administrative"), bodies["van-hoa-xa-hoi"]);
        Assert.Equal(("Công an xã", "police"), bodies["cong-an"]);
        Assert.Equal("steering-committee", bodies["ban-chi-dao-cchc"].Item2);
        Assert.Equal("fatherland-front", bodies["mttq"].Item2);
    }

    [Fact]
    public async Task An_administrator_keeps_any_units_bodies_and_an_operator_only_reads_them()
    {
        using var admin = await identity.SignedInAsync("admin");
        var code = NewCode("truong");

        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/units/06181/agencies", new { code, name = "Trường Tiểu học Chi Lăng", kind = "school" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var changed = await admin.PutAsJsonAsync($"/api/v1/admin/units/06181/agencies/{code}", new { name = "Trường Tiểu học xã Chi Lăng", kind = "school" }))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var officer = await identity.SignedInAsync("chilang.canbo");
        var listed = (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06181/agencies"))!.Single(a => a.GetProperty("code").GetString() == code);
        Assert.Equal(("Trường Tiểu học xã Chi Lăng", "school"), (listed.GetProperty("name").GetString(), listed.GetProperty("kind").GetString()));
        var ofAnotherUnit = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/units/06112/agencies");
        Assert.Contains(ofAnotherUnit!, a => a.GetProperty("code").GetString() == "van-phong");
        Assert.DoesNotContain(ofAnotherUnit!, a => a.GetProperty("code").GetString() == code);
        using (var missing = await admin.PostAsJsonAsync("/api/v1/admin/units/09999/agencies", new { code = NewCode("phong"), name = "Phòng" }))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var malformed = await admin.GetAsync("/api/v1/admin/units/061/agencies"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitCode", out _));
        }

        using var operatorClient = await identity.SignedInAsync("vanhanh");
        var read = await operatorClient.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/units/06181/agencies");
        Assert.Contains(read!, a => a.GetProperty("code").GetString() == code);
        using var refused = await operatorClient.PostAsJsonAsync("/api/v1/admin/units/06181/agencies", new { code = NewCode("phong"), name = "Phòng" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
