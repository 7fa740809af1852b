using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.Dossiers.Data;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>The desk's intake of a dossier: in person or online, its due date, its procedure, its external id, its event, its pool of connections. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class DossierIntakeTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task An_in_person_intake_is_received_at_once_with_its_due_date()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        dossiers.Freeze(Vn(2026, 11, 20, 16, 59)); // Friday, one minute before closing

        using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "in-person", applicantReference = "BN-0001", digitised = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{TamThanh}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("received", created.GetProperty("status").GetString());
        Assert.Equal("in-person", created.GetProperty("channel").GetString());
        Assert.Equal(Vn(2026, 11, 20, 16, 59), created.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 23, 16, 59), created.GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(created.GetProperty("digitised").GetBoolean());
        Assert.Equal(IntakeActions, created.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Order());
        var read = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}");
        Assert.Equal("received", read.GetProperty("status").GetString());
        Assert.Equal(Vn(2026, 11, 23, 16, 59), read.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal("BN-0001", read.GetProperty("applicantReference").GetString());
        Assert.Equal(code, read.GetProperty("procedureCode").GetString());
    }

    [Fact]
    public async Task An_online_intake_is_registered_until_the_desk_receives_it()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 4, "hours");
        dossiers.Freeze(Vn(2026, 11, 20, 18)); // Friday evening

        var registered = await CreateAsync(officer, code, "online");
        dossiers.Freeze(Vn(2026, 11, 23, 8)); // Monday 08:00
        using var received = await ActAsync(officer, registered.GetProperty("id").GetGuid(), "receive");

        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, registered.GetProperty("receivedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, registered.GetProperty("dueAt").ValueKind);
        Assert.Equal(["receive", "refuse"], registered.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var body = await received.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Equal(Vn(2026, 11, 23, 8), body.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 23, 14), body.GetProperty("dueAt").GetDateTimeOffset()); // 3 h 30 in the morning, 30 min after lunch
    }

    [Fact]
    public async Task An_unknown_or_inactive_procedure_is_a_400_naming_procedureCode()
    {
        using var officer = dossiers.Officer("06112");
        var inactive = await ProcedureAsync(officer, 1, active: false);

        using var unknown = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = "khong-co", channel = "in-person", applicantReference = "BN-1" });
        using var stopped = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = inactive, channel = "in-person", applicantReference = "BN-1" });
        using var badChannel = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = inactive, channel = "fax", applicantReference = "BN-1" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["procedureCode"], await ErrorFieldsAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, stopped.StatusCode);
        Assert.Equal(["procedureCode"], await ErrorFieldsAsync(stopped));
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(["channel"], await ErrorFieldsAsync(badChannel));
    }

    [Fact]
    public async Task A_second_dossier_with_the_same_external_id_is_a_409_and_is_not_written()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        var externalId = $"DVC/{Guid.NewGuid():N}";

        using var first = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "online", applicantReference = "BN-1", externalId });
        using var second = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "in-person", applicantReference = "BN-2", externalId });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var found = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?externalId={Uri.EscapeDataString(externalId)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("BN-1", found.GetProperty("items")[0].GetProperty("applicantReference").GetString());
    }

    [Fact]
    public async Task Concurrent_intakes_of_one_external_id_write_one_dossier_and_the_others_are_409()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        var externalId = $"DVC/{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "in-person", applicantReference = $"BN-{i}", externalId })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var response in responses)
            response.Dispose();
        var found = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?externalId={Uri.EscapeDataString(externalId)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var id = found.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(2, (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}/history")).GetArrayLength());
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierReceived", id));
    }

    [Fact]
    public async Task A_burst_of_intakes_queues_for_the_intakes_own_connections()
    {
        using var officer = dossiers.Officer("06112");
        var procedure = await ProcedureAsync(officer, 1);

        var intakes = await Task.WhenAll(Enumerable.Range(0, 48).Select(async _ =>
        {
            using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = procedure, channel = "in-person", applicantReference = "BN-0001" });
            return response.StatusCode;
        }));

        Assert.All(intakes, status => Assert.Equal(HttpStatusCode.Created, status));
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'dossiersdb-intake'", connection);
        var opened = (long)(await count.ExecuteScalarAsync())!;
        Assert.InRange(opened, 1, new DossiersOptions().IntakeConnections);
    }

    [Fact]
    public async Task Another_units_procedure_code_is_unknown_at_intake()
    {
        using var tamThanh = dossiers.Officer("06112");
        var code = await ProcedureAsync(tamThanh, 1);
        using var chiLang = dossiers.Officer("06181");

        using var response = await chiLang.PostAsJsonAsync(
            "/api/v1/units/06181/dossiers", new { procedureCode = code, channel = "in-person", applicantReference = "BN-1" });

        Assert.Equal(["procedureCode"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task An_intake_at_the_desk_writes_its_received_event_with_the_dossier_and_an_online_one_none()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);

        var atDesk = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        var online = (await CreateAsync(officer, code, "online")).GetProperty("id").GetGuid();

        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierReceived", atDesk));
        Assert.Equal(0, await dossiers.OutboxCountAsync("DossierReceived", online));
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{online}/history")).EnumerateArray());
    }

    [Fact]
    public async Task An_intake_in_a_year_the_calendar_does_not_know_is_a_400_naming_the_year_and_writes_nothing()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        var externalId = $"Y2028-{Guid.NewGuid():N}";
        dossiers.Freeze(Vn(2028, 3, 1, 9));

        using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "in-person", applicantReference = "BN-1", externalId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("2028", text, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("calendar", out _));
        var found = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?externalId={externalId}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }
}
