using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>The registry's admin API and the registry as a tenant sees it, through the service's own HTTP surface.</summary>
[Collection(SharedIdentity.Name)]
public sealed class RegistryTests(IdentityFixture identity)
{
    [Fact]
    public async Task Registering_a_unit_stores_it_and_publishes_UnitRegistered_through_the_outbox()
    {
        using var admin = await identity.SignedInAsync("admin");
        var code = NewUnitCode();
        await using var events = await EventFeed.BindAsync(identity.Messaging, "events.identity.unit-registered");

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/units", new { code, name = "Xã Hữu Lũng", kind = "commune", provinceCode = "20" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var unit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/units/{code}");
        Assert.Equal("Xã Hữu Lũng", unit.GetProperty("name").GetString());
        Assert.Equal("commune", unit.GetProperty("kind").GetString());
        var published = await events.NextAsync(e => e.GetProperty("unitCode").GetString() == code);
        Assert.Equal("20", published.GetProperty("provinceCode").GetString());
        Assert.Equal("Lạng Sơn", published.GetProperty("provinceName").GetString());
        Assert.Equal("commune", published.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Renaming_a_unit_publishes_UnitUpdated()
    {
        using var admin = await identity.SignedInAsync("admin");
        var code = NewUnitCode();
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/units", new { code, name = "Xã Cũ", kind = "commune", provinceCode = "20" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var events = await EventFeed.BindAsync(identity.Messaging, "events.identity.unit-updated");

        using var response = await admin.PutAsJsonAsync($"/api/v1/admin/units/{code}", new { name = "Phường Mới", kind = "ward" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await events.NextAsync(e => e.GetProperty("unitCode").GetString() == code);
        Assert.Equal("Phường Mới", published.GetProperty("unitName").GetString());
        Assert.Equal("ward", published.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_duplicate_unit_code_is_a_409_and_changes_nothing()
    {
        using var admin = await identity.SignedInAsync("admin");
        var before = await CountsAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/units", new { code = "06112", name = "Trùng mã", kind = "ward", provinceCode = "20" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Phường Tam Thanh", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/units/06112")).GetProperty("name").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("6112", "Phường X", "ward", "20", "code")]
    [InlineData("06999", "Phường X", "ward", "99", "provinceCode")]
    [InlineData("06999", "Phường X", "ward", "2", "provinceCode")]
    [InlineData("06999", "", "ward", "20", "name")]
    [InlineData("06999", "Phường X", "district", "20", "kind")]
    public async Task Bad_unit_input_is_a_400_naming_the_field_and_writes_nothing(string code, string name, string kind, string province, string field)
    {
        using var admin = await identity.SignedInAsync("admin");
        var before = await CountsAsync();

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/units", new { code, name, kind, provinceCode = province });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_user_of_a_unit_needs_an_agency_of_that_unit()
    {
        using var admin = await identity.SignedInAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = "khong.co.coquan", displayName = "Thử", role = "unit-officer", password = "MatKhau12345", unitCode = "06112", agencyCode = "khong-co",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyCode", out _));
    }

    [Fact]
    public async Task A_reviewer_lists_the_units_of_the_own_province_only()
    {
        using var langSon = await identity.SignedInAsync("langson.sonoivu");
        using var lamDong = await identity.SignedInAsync("lamdong.sonoivu");

        var units = await langSon.GetFromJsonAsync<JsonElement[]>("/api/v1/provinces/20/units");
        using var other = await langSon.GetAsync(new Uri("/api/v1/provinces/68/units", UriKind.Relative));

        Assert.Contains(units!, u => u.GetProperty("code").GetString() == "06112");
        Assert.All(units!, u => Assert.Equal("20", u.GetProperty("provinceCode").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(["24778"], (await lamDong.GetFromJsonAsync<JsonElement[]>("/api/v1/provinces/68/units"))!.Select(u => u.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_units_officer_adds_an_agency_others_may_not()
    {
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        using var reviewer = await identity.SignedInAsync("langson.sonoivu");
        using var otherOfficer = await identity.SignedInAsync("chilang.canbo");
        var code = $"truong-{Random.Shared.Next(1000, 9999)}";
        var agency = new { code, name = "Trường Tiểu học Tam Thanh" };

        using var created = await officer.PostAsJsonAsync("/api/v1/units/06112/agencies", agency);
        using var duplicate = await officer.PostAsJsonAsync("/api/v1/units/06112/agencies", agency);
        using var byReviewer = await reviewer.PostAsJsonAsync("/api/v1/units/06112/agencies", agency with { code = code + "-r" });
        using var byOtherUnit = await otherOfficer.PostAsJsonAsync("/api/v1/units/06112/agencies", agency with { code = code + "-o" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherUnit.StatusCode);
        var agencies = await reviewer.GetFromJsonAsync<JsonElement[]>("/api/v1/units/06112/agencies");
        Assert.Single(agencies!, a => a.GetProperty("code").GetString() == code);
        Assert.DoesNotContain(agencies!, a => a.GetProperty("code").GetString()!.StartsWith(code + "-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_integrators_are_listed_a_page_at_a_time_revoked_or_not_and_never_with_a_secret()
    {
        using var admin = await identity.SignedInAsync("admin");
        var active = $"chilang-ds-{Random.Shared.Next(10000, 99999)}";
        var revoked = active + "-thu-hoi";
        var secret = await IdentityFixture.RegisterIntegratorAsync(admin, active);
        await IdentityFixture.RegisterIntegratorAsync(admin, revoked);
        using (var revoke = await admin.PostAsync(new Uri($"/api/v1/admin/integrators/{revoked}/revoke", UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var listed = await admin.GetAsync(new Uri("/api/v1/admin/integrators?pageSize=200", UriKind.Relative));
        var text = await listed.Content.ReadAsStringAsync();
        var all = JsonDocument.Parse(text).RootElement;
        var onlyRevoked = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/integrators?revoked=true&pageSize=200");
        var onlyActive = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/integrators?revoked=false&pageSize=200");
        var second = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/integrators?page=2&pageSize=1");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var items = all.GetProperty("items").EnumerateArray().ToList();
        var client = items.Single(i => i.GetProperty("clientId").GetString() == active);
        Assert.Equal("Hệ thống thử " + active, client.GetProperty("displayName").GetString());
        Assert.Equal(["06181"], client.GetProperty("unitCodes").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(JsonValueKind.Null, client.GetProperty("revokedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, items.Single(i => i.GetProperty("clientId").GetString() == revoked).GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.All(items, i => Assert.False(i.TryGetProperty("clientSecret", out _)));
        Assert.Equal(items.Select(i => i.GetProperty("clientId").GetString()).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("clientId").GetString()));
        Assert.Equal(all.GetProperty("total").GetInt32(), items.Count);

        Assert.Contains(Ids(onlyRevoked), id => id == revoked);
        Assert.DoesNotContain(Ids(onlyRevoked), id => id == active);
        Assert.All(onlyRevoked.GetProperty("items").EnumerateArray(), i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("revokedAt").ValueKind));
        Assert.Contains(Ids(onlyActive), id => id == active);
        Assert.DoesNotContain(Ids(onlyActive), id => id == revoked);
        Assert.Equal(items.Count, Ids(onlyRevoked).Count + Ids(onlyActive).Count);

        Assert.Equal([items[1].GetProperty("clientId").GetString()], Ids(second));
        Assert.Equal(items.Count, second.GetProperty("total").GetInt32());

        static List<string?> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("clientId").GetString())];
    }

    [Theory]
    [InlineData("tamthanh.canbo", "GET", "/api/v1/admin/integrators", HttpStatusCode.Forbidden)]
    [InlineData("langson.sonoivu", "GET", "/api/v1/admin/integrators", HttpStatusCode.Forbidden)]
    [InlineData("tamthanh.canbo", "GET", "/api/v1/admin/units", HttpStatusCode.Forbidden)]
    [InlineData("langson.sonoivu", "GET", "/api/v1/admin/units", HttpStatusCode.Forbidden)]
    [InlineData("vanhanh", "GET", "/api/v1/admin/units", HttpStatusCode.OK)]
    [InlineData("vanhanh", "POST", "/api/v1/admin/provinces", HttpStatusCode.Forbidden)]
    [InlineData("admin", "GET", "/api/v1/units/06112/agencies", HttpStatusCode.NotFound)]
    [InlineData("vanhanh", "GET", "/api/v1/provinces/20/units", HttpStatusCode.NotFound)]
    public async Task Administrators_and_operators_see_the_registry_not_unit_data(string user, string method, string path, HttpStatusCode expected)
    {
        using var client = await identity.SignedInAsync(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
            request.Content = JsonContent.Create(new { code = "99", name = "Tỉnh thử" });

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static string NewUnitCode() => Random.Shared.Next(30000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rows of the registry and the outbox, read across tenants.</summary>
    private async Task<(long Units, long Outbox)> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(identity.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT set_config('parplatform.all_tenants', 'on', false); " +
            "SELECT (SELECT count(*) FROM identity.units), (SELECT count(*) FROM identity.outbox_messages)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
