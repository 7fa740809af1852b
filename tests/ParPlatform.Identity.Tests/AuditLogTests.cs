using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// The audit log of the identity service's own administrative changes: each change is one entry with its actor, action
/// and the fields it changed, before → after; a change that changes nothing, or whose transaction fails, is none;
/// passwords and secrets are never in it; administrators and operators read it, nobody else. An entity's entries arrive
/// in the order of its changes (one aggregate key), so once its last entry is there, every earlier one is.
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class AuditLogTests(IdentityFixture identity)
{
    private const string Audit = "/api/v1/admin/audit";

    private static readonly string[] ChiLang = ["06181"];

    [Fact]
    public async Task Each_change_of_a_user_is_one_entry_with_the_administrator_and_the_fields_it_changed()
    {
        using var admin = await identity.SignedInAsync("admin");
        var userName = $"kiemtoan{Random.Shared.Next(100000, 999999)}";
        const string Password = "Mat-Khau-Dau-1";
        const string NewPassword = "Mat-Khau-Moi-2";
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName, displayName = "Cán bộ kiểm toán", role = "unit-officer", password = Password, unitCode = "06181", agencyCode = "van-phong",
        })));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/disable", UriKind.Relative), null)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/disable", UriKind.Relative), null)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/enable", UriKind.Relative), null)));
        using var client = identity.Client();
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(IdentityFixture.RequestPasswordTokenAsync(client, userName, "sai-mat-khau")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/unlock", UriKind.Relative), null)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/users/{userName}/unlock", UriKind.Relative), null)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PutAsJsonAsync($"/api/v1/admin/users/{userName}/password", new { password = NewPassword })));

        var entries = await identity.AuditEntriesAsync("action=user&unitCode=06181", userName, count: 5);

        // The second disable and the second unlock changed nothing: no entry.
        Assert.Equal(["user.password-reset", "user.unlocked", "user.enabled", "user.disabled", "user.registered"], entries.Select(Action));
        var adminId = Jwt.Payload(admin.DefaultRequestHeaders.Authorization!.Parameter!).GetProperty("sub").GetString();
        Assert.All(entries, e =>
        {
            Assert.Equal(("identity", "admin", "platform-admin", adminId), (Text(e, "service"), Text(e, "actorName"), Text(e, "actorRole"), Text(e, "actorId")));
            Assert.Equal(("06181", "20"), (Text(e, "unitCode"), Text(e, "provinceCode")));
        });
        AssertChange(entries[4], null, new
        {
            displayName = "Cán bộ kiểm toán", role = "unit-officer", unitCode = "06181", agencyCode = "van-phong", provinceCode = "20", disabled = false,
        });
        AssertChange(entries[3], new { disabled = false }, new { disabled = true });
        AssertChange(entries[2], new { disabled = true }, new { disabled = false });
        AssertChange(entries[1], new { locked = true }, new { locked = false });
        AssertChange(entries[0], null, null);
        // No password, and no hash of one, anywhere in the entries.
        var written = string.Join('\n', entries.Select(e => e.GetRawText()));
        Assert.DoesNotContain(Password, written, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, written, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", written, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", written, StringComparison.Ordinal); // how ASP.NET Core's password hashes begin
    }

    [Fact]
    public async Task Provinces_units_agencies_and_integrators_are_recorded_with_what_changed_and_never_a_secret()
    {
        using var admin = await identity.SignedInAsync("admin");
        using var officer = await identity.SignedInAsync("tamthanh.canbo");
        var unitCode = $"4{Random.Shared.Next(1000, 9999)}";
        var clientId = $"kiem-toan-{Guid.NewGuid():N}"[..24];
        var agency = $"kiem-toan-{Guid.NewGuid():N}"[..24];
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(admin.PostAsJsonAsync("/api/v1/admin/provinces", new { code = "41", name = "Tỉnh Kiểm Toán" })));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(admin.PostAsJsonAsync("/api/v1/admin/units",
            new { code = unitCode, name = "Xã Kiểm Toán", kind = "commune", provinceCode = "41" })));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PutAsJsonAsync($"/api/v1/admin/units/{unitCode}", new { name = "Xã Kiểm Toán", kind = "commune" })));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PutAsJsonAsync($"/api/v1/admin/units/{unitCode}", new { name = "Phường Kiểm Toán", kind = "ward" })));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(officer.PostAsJsonAsync("/api/v1/units/06112/agencies", new { code = agency, name = "Ban Kiểm tra" })));
        var secret = await IdentityFixture.RegisterIntegratorAsync(admin, clientId);
        using var rotated = await admin.PostAsync(new Uri($"/api/v1/admin/integrators/{clientId}/secret", UriKind.Relative), null);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin.PostAsync(new Uri($"/api/v1/admin/integrators/{clientId}/revoke", UriKind.Relative), null)));

        var province = Assert.Single(await identity.AuditEntriesAsync("action=province&provinceCode=41", "41", count: 1));
        var unit = await identity.AuditEntriesAsync($"unitCode={unitCode}", unitCode, count: 2);
        var agencyEntry = Assert.Single(await identity.AuditEntriesAsync("action=agency.registered&actor=tamthanh.canbo", $"06112/{agency}", count: 1));
        var integrator = await identity.AuditEntriesAsync("action=integrator", clientId, count: 3);

        Assert.Equal("province.registered", Action(province));
        AssertChange(province, null, new { name = "Tỉnh Kiểm Toán" });
        // Saving the unit unchanged is no entry; its change shows only the fields that changed.
        Assert.Equal(["unit.updated", "unit.registered"], unit.Select(Action));
        AssertChange(unit[1], null, new { name = "Xã Kiểm Toán", kind = "commune", provinceCode = "41" });
        AssertChange(unit[0], new { name = "Xã Kiểm Toán", kind = "commune" }, new { name = "Phường Kiểm Toán", kind = "ward" });
        Assert.Equal(("41", "admin"), (Text(unit[0], "provinceCode"), Text(unit[0], "actorName")));
        // An agency is kept by the unit's officers: the officer is the actor.
        Assert.Equal(("agency.registered", "unit-officer", "06112"), (Action(agencyEntry), Text(agencyEntry, "actorRole"), Text(agencyEntry, "unitCode")));
        AssertChange(agencyEntry, null, new { name = "Ban Kiểm tra", kind = "administrative" });
        Assert.Equal(["integrator.revoked", "integrator.secret-rotated", "integrator.registered"], integrator.Select(Action));
        AssertChange(integrator[2], null, new { displayName = "Hệ thống thử " + clientId, provinceCode = (string?)null, unitCodes = ChiLang, revoked = false });
        AssertChange(integrator[1], null, null);
        AssertChange(integrator[0], new { revoked = false }, new { revoked = true });
        var written = string.Join('\n', integrator.Select(e => e.GetRawText()));
        Assert.DoesNotContain(secret, written, StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_whose_transaction_fails_leaves_no_entry()
    {
        using var admin = await identity.SignedInAsync("admin");
        var userName = $"thatbai{Random.Shared.Next(100000, 999999)}";
        object request = new { userName, displayName = "Tài khoản thử lỗi", role = "operator", password = "Mat-Khau-Loi-1" };
        // The database refuses this one user's row, as a failure in the middle of the transaction would.
        await ExecuteAsOwnerAsync($"""
            CREATE FUNCTION identity.refuse_{userName}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_{userName} BEFORE INSERT ON identity.users FOR EACH ROW WHEN (NEW.user_name = '{userName}') EXECUTE FUNCTION identity.refuse_{userName}();
            """);
        HttpStatusCode failed;
        try
        {
            failed = await StatusAsync(admin.PostAsJsonAsync("/api/v1/admin/users", request));
        }
        finally
        {
            await ExecuteAsOwnerAsync($"DROP TRIGGER refuse_{userName} ON identity.users; DROP FUNCTION identity.refuse_{userName}();");
        }
        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM identity.outbox_messages WHERE aggregate_key = 'user:{userName}'"));

        // The same registration again, now allowed: its entry is the user's only one (a failed one's would have come first).
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(admin.PostAsJsonAsync("/api/v1/admin/users", request)));
        var entries = await identity.AuditEntriesAsync("action=user", userName, count: 1);

        Assert.Equal("user.registered", Action(Assert.Single(entries)));
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("vanhanh", HttpStatusCode.OK)]
    [InlineData("tamthanh.canbo", HttpStatusCode.Forbidden)]
    [InlineData("tamthanh.chutich", HttpStatusCode.Forbidden)]
    [InlineData("langson.sonoivu", HttpStatusCode.Forbidden)]
    public async Task Administrators_and_operators_read_the_audit_log_and_nobody_else(string userName, HttpStatusCode expected)
    {
        using var caller = await identity.SignedInAsync(userName);

        using var response = await caller.GetAsync(new Uri(Audit, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=05/12/2026", "to")]
    [InlineData("from=2026-12-05&to=2026-12-01", "to")]
    [InlineData("from=1999-12-31", "from")]
    [InlineData("to=9999-12-31", "to")]
    public async Task A_bad_date_is_a_400_naming_it(string query, string field)
    {
        using var reader = await identity.SignedInAsync("vanhanh");

        using var response = await reader.GetAsync(new Uri($"{Audit}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string? Text(JsonElement entry, string field) => entry.GetProperty(field).GetString();

    private static string? Action(JsonElement entry) => Text(entry, "action");

    /// <summary>The entry's before and after are these objects (in any order of their fields), or null.</summary>
    private static void AssertChange(JsonElement entry, object? before, object? after)
    {
        foreach (var (field, expected) in new[] { ("before", before), ("after", after) })
        {
            var actual = entry.GetProperty(field);
            var wanted = JsonSerializer.SerializeToElement(expected, JsonSerializerOptions.Web);
            Assert.True(JsonElement.DeepEquals(wanted, actual), $"{Action(entry)} {field}: expected {wanted.GetRawText()}, got {actual.GetRawText()}");
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(identity.Servers.DatabaseOwner("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(identity.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
