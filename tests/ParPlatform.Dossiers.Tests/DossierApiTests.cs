using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// Dossiers, their lifecycle, apology, rating, feedback, the calendar years and the overdue scan
/// through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ. Every test that stops
/// the service's clock is in this class (its tests run one after another); the clock is set free
/// again after each test.
/// </summary>
public sealed class DossierApiTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>, IDisposable
{
    private const string TamThanh = "/api/v1/units/06112/dossiers";
    private const string Years = "/api/v1/admin/calendar/years";

    private static readonly string[] IntakeActions = ["request-withdrawal", "return-not-eligible", "start"];
    private static readonly string[] StartAndResolve = ["start", "resolve"];

    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task An_in_person_intake_is_received_at_once_with_its_due_date()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        Freeze(Vn(2026, 11, 20, 16, 59)); // Friday, one minute before closing

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
        Freeze(Vn(2026, 11, 20, 18)); // Friday evening

        var registered = await CreateAsync(officer, code, "online");
        Freeze(Vn(2026, 11, 23, 8)); // Monday 08:00
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
    public async Task A_dossier_goes_through_to_result_returned_and_its_history_names_the_user_and_each_state()
    {
        using var officer = dossiers.Officer("06112");
        var user = SubjectOf(officer);
        var code = await ProcedureAsync(officer, 5, fee: 8000);
        Freeze(Vn(2026, 11, 16, 8));
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();

        var steps = new (string Action, object Body)[]
        {
            ("start", new { }),
            ("request-supplement", new { note = "Thiếu bản sao giấy chứng sinh" }),
            ("supplement", new { }),
            ("request-fees", new { }),
            ("pay-fees", new { paidOnline = true }),
            ("resolve", new { electronicResult = true }),
            ("return-result", new { }),
        };
        var statuses = new List<HttpStatusCode>();
        foreach (var (action, body) in steps)
        {
            Freeze(dossiers.Clock.Now!.Value.AddHours(1));
            using var response = await officer.PostAsJsonAsync($"{TamThanh}/{id}/actions/{action}", body);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}");
        Assert.Equal("result-returned", dossier.GetProperty("status").GetString());
        Assert.Equal("early", dossier.GetProperty("timeliness").GetString());
        Assert.True(dossier.GetProperty("electronicResult").GetBoolean());
        Assert.True(dossier.GetProperty("paidOnline").GetBoolean());
        Assert.True(dossier.GetProperty("hasFee").GetBoolean());
        Assert.Equal(1, dossier.GetProperty("supplementRequests").GetInt32());
        Assert.Equal(Vn(2026, 11, 16, 14), dossier.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 16, 15), dossier.GetProperty("resultReturnedAt").GetDateTimeOffset());
        Assert.Empty(dossier.GetProperty("allowedActions").EnumerateArray());

        var history = (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(
            [
                (null, null, "registered"), ("receive", "registered", "received"), ("start", "received", "processing"),
                ("request-supplement", "processing", "supplement-requested"), ("supplement", "supplement-requested", "processing"),
                ("request-fees", "processing", "fees-requested"), ("pay-fees", "fees-requested", "processing"),
                ("resolve", "processing", "resolved"), ("return-result", "resolved", "result-returned"),
            ],
            history.Select(h => (h.GetProperty("action").GetString(), h.GetProperty("from").GetString(), h.GetProperty("to").GetString())));
        Assert.All(history, h => Assert.Equal(user, h.GetProperty("userId").GetString()));
        Assert.Equal("Thiếu bản sao giấy chứng sinh", history[3].GetProperty("note").GetString());
        Assert.Equal(Vn(2026, 11, 16, 8), history[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 16, 15), history[8].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_history_of_an_in_person_intake_lists_the_registration_before_the_receipt()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);

        var firstSteps = new List<(string? Action, string? To)>();
        for (var i = 0; i < 10; i++)
        {
            var id = (await CreateAsync(officer, code, i % 2 == 0 ? "in-person" : "postal")).GetProperty("id").GetGuid();
            var history = (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}/history")).EnumerateArray().ToList();
            Assert.Equal(2, history.Count);
            firstSteps.AddRange(history.Select(h => (h.GetProperty("action").GetString(), h.GetProperty("to").GetString())));
        }

        (string?, string?)[] intake = [(null, "registered"), ("receive", "received")];
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(_ => intake), firstSteps);
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_is_a_409_naming_the_current_state_and_changes_nothing()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();

        using var resolve = await ActAsync(officer, id, "resolve");
        using var returnResult = await ActAsync(officer, id, "return-result");

        Assert.Equal(HttpStatusCode.Conflict, resolve.StatusCode);
        var problem = await resolve.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("received", problem.GetProperty("currentStatus").GetString());
        Assert.Contains("(received)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("(resolve)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, returnResult.StatusCode);
        Assert.Equal("received", (await returnResult.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentStatus").GetString());
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}");
        Assert.Equal("received", dossier.GetProperty("status").GetString());
        Assert.Equal(2, (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}/history")).GetArrayLength());
    }

    [Fact]
    public async Task An_action_on_a_dossier_saved_meanwhile_by_the_overdue_scan_is_applied_to_the_dossier_as_it_is_now()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();
        // The scan's mark, committed only once the officer's save waits for it: that save finds the dossier changed.
        await using var scan = new NpgsqlConnection(dossiers.Database);
        await scan.OpenAsync();
        await using var mark = await scan.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(
            "SELECT set_config('parplatform.all_tenants', 'on', true); UPDATE dossiers.dossiers SET overdue_at = now() WHERE id = @id", scan, mark))
        {
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync();
        }

        var start = ActAsync(officer, id, "start");
        await WaitUntilASessionWaitsForAsync(scan.ProcessID);
        await mark.CommitAsync();
        using var started = await start;

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var history = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}/history");
        Assert.Equal(["received", "processing"], history.EnumerateArray().Skip(1).Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("processing", (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
        await using var read = new NpgsqlCommand(
            "SELECT set_config('parplatform.all_tenants', 'on', false); SELECT overdue_at IS NOT NULL FROM dossiers.dossiers WHERE id = @id", scan);
        read.Parameters.AddWithValue("id", id);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.NextResultAsync();
        Assert.True(await reader.ReadAsync() && reader.GetBoolean(0)); // the scan's mark is kept
    }

    [Fact]
    public async Task An_unknown_action_is_a_404_and_an_action_needing_a_reason_without_one_is_a_400()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, id, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);

        using var approve = await ActAsync(officer, id, "approve");
        using var withoutNote = await ActAsync(officer, id, "request-supplement");
        using var unknownDossier = await ActAsync(officer, Guid.NewGuid(), "resolve");

        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Contains("approve", (await approve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.True((await withoutNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownDossier.StatusCode);
        Assert.Equal("processing", (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
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
        Assert.Equal(1, await OutboxCountAsync("DossierReceived", id));
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

        Assert.Equal(1, await OutboxCountAsync("DossierReceived", atDesk));
        Assert.Equal(0, await OutboxCountAsync("DossierReceived", online));
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{online}/history")).EnumerateArray());
    }

    [Fact]
    public async Task Another_units_officer_gets_404_for_a_dossier_whichever_route_is_asked()
    {
        using var tamThanh = dossiers.Officer("06112");
        var id = (await CreateAsync(tamThanh, await ProcedureAsync(tamThanh, 1), "in-person")).GetProperty("id").GetGuid();
        using var chiLang = dossiers.Officer("06181");

        using var throughTamThanh = await chiLang.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));
        using var throughChiLang = await chiLang.GetAsync(new Uri($"/api/v1/units/06181/dossiers/{id}", UriKind.Relative));
        using var actThroughChiLang = await chiLang.PostAsJsonAsync($"/api/v1/units/06181/dossiers/{id}/actions/start", new { });
        using var history = await chiLang.GetAsync(new Uri($"/api/v1/units/06181/dossiers/{id}/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, throughTamThanh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughChiLang.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, actThroughChiLang.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal("received", (await tamThanh.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewer_of_the_province_reads_a_dossier_but_may_not_act_on_it_and_another_provinces_gets_404()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();
        using var langSon = dossiers.Reviewer("20");
        using var lamDong = dossiers.Reviewer("68");

        using var read = await langSon.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));
        using var act = await langSon.PostAsJsonAsync($"{TamThanh}/{id}/actions/start", new { });
        using var create = await langSon.PostAsJsonAsync(TamThanh, new { procedureCode = "x", channel = "in-person", applicantReference = "BN-1" });
        using var otherProvince = await lamDong.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherProvince.StatusCode);
        Assert.Equal("received", (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_intake_in_a_year_the_calendar_does_not_know_is_a_400_naming_the_year_and_writes_nothing()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1);
        var externalId = $"Y2028-{Guid.NewGuid():N}";
        Freeze(Vn(2028, 3, 1, 9));

        using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode = code, channel = "in-person", applicantReference = "BN-1", externalId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("2028", text, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("calendar", out _));
        var found = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?externalId={externalId}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_administrator_configures_a_year_of_the_calendar_and_intakes_use_it()
    {
        using var admin = dossiers.Admin();
        using var officer = dossiers.Officer("06112");

        using var created = await admin.PutAsJsonAsync($"{Years}/2027", new { daysOff = Days("2027-01-01", "2027-04-30"), makeUpWorkingDays = Days() });
        var afterCreate = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2027");
        using var changed = await admin.PutAsJsonAsync($"{Years}/2027", new { daysOff = Days("2027-01-01", "2027-05-03", "2027-04-30"), makeUpWorkingDays = Days("2027-05-08") });
        var afterChange = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2027");
        var list = await admin.GetFromJsonAsync<JsonElement>(Years);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["2027-01-01", "2027-04-30"], afterCreate.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(SubjectOf(admin), afterCreate.GetProperty("updatedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["2027-01-01", "2027-04-30", "2027-05-03"], afterChange.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2027-05-08"], afterChange.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([2025, 2026, 2027], list.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));

        // A dossier received on the last afternoon of 2026 is due after the configured 01/01/2027.
        var code = await ProcedureAsync(officer, 1);
        Freeze(Vn(2026, 12, 31, 16));
        var dossier = await CreateAsync(officer, code, "in-person");
        Assert.Equal(Vn(2027, 1, 4, 16), dossier.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_calendar_api_refuses_officers_past_years_and_weekdays_as_make_up_days()
    {
        using var admin = dossiers.Admin();
        using var officer = dossiers.Officer("06112");
        var before = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2026");

        using var officerPut = await officer.PutAsJsonAsync($"{Years}/2027", new { daysOff = Days("2027-01-01") });
        using var officerGet = await officer.GetAsync(new Uri($"{Years}/2026", UriKind.Relative));
        using var pastYear = await admin.PutAsJsonAsync($"{Years}/2025", new { daysOff = Days("2025-01-01") });
        using var tooManyDays = await admin.PutAsJsonAsync($"{Years}/2027",
            new { daysOff = Enumerable.Range(0, 61).Select(i => new DateOnly(2027, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) });
        using var weekday = await admin.PutAsJsonAsync($"{Years}/2026", new { daysOff = Days("2026-01-01"), makeUpWorkingDays = Days("2026-08-19") });
        using var otherYear = await admin.PutAsJsonAsync($"{Years}/2026", new { daysOff = Days("2027-01-01") });
        using var makeUpOfOtherYear = await admin.PutAsJsonAsync($"{Years}/2026", new { daysOff = Days("2026-01-01"), makeUpWorkingDays = Days("2027-01-02") });
        using var notADate = await admin.PutAsJsonAsync($"{Years}/2026", new { daysOff = Days("01/01/2026") });

        Assert.Equal(HttpStatusCode.Forbidden, officerPut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerGet.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, pastYear.StatusCode);
        Assert.Equal(["daysOff"], await ErrorFieldsAsync(tooManyDays));
        Assert.Equal(HttpStatusCode.BadRequest, weekday.StatusCode);
        Assert.Equal(["makeUpWorkingDays"], await ErrorFieldsAsync(weekday));
        Assert.Contains("19/08/2026", await weekday.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherYear.StatusCode);
        Assert.Equal(["daysOff"], await ErrorFieldsAsync(otherYear));
        Assert.Equal(["makeUpWorkingDays"], await ErrorFieldsAsync(makeUpOfOtherYear));
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal(["daysOff"], await ErrorFieldsAsync(notADate));
        var after = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2026");
        Assert.Equal(before.GetProperty("daysOff").GetArrayLength(), after.GetProperty("daysOff").GetArrayLength());
        Assert.Equal(12, after.GetProperty("daysOff").GetArrayLength());
        Assert.Equal(["2026-08-22"], after.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("seed", after.GetProperty("updatedBy").GetString());
        var seeded2025 = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2025");
        Assert.Equal("seed", seeded2025.GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task A_past_year_never_configured_may_be_added_once_for_imports_and_then_stays()
    {
        using var admin = dossiers.Admin();

        using var added = await admin.PutAsJsonAsync($"{Years}/2019", new { daysOff = Days("2019-01-01"), makeUpWorkingDays = Array.Empty<string>() });
        using var changed = await admin.PutAsJsonAsync($"{Years}/2019", new { daysOff = Days("2019-01-01", "2019-04-30") });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2019");
        Assert.Equal(["2019-01-01"], stored.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_apology_is_accepted_once_with_a_new_date_after_the_due_date()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        Freeze(Vn(2026, 11, 16, 8));
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid(); // due Monday 23/11 08:00
        var late = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        Freeze(Vn(2026, 11, 18, 9));

        using var notAfterDue = await ApologizeAsync(officer, id, "2026-11-23");
        using var badDate = await ApologizeAsync(officer, id, "23/11/2026");
        using var yearsLater = await ApologizeAsync(officer, id, "2028-11-25");
        using var first = await ApologizeAsync(officer, id, "2026-11-25");
        using var second = await ApologizeAsync(officer, id, "2026-11-26");
        using var secondWithABadDate = await ApologizeAsync(officer, id, "2026-11-20");
        Freeze(Vn(2026, 11, 20, 9)); // 7 working hours before the due instant
        using var tooLate = await ApologizeAsync(officer, late, "2026-11-25");

        Assert.Equal(HttpStatusCode.BadRequest, notAfterDue.StatusCode);
        Assert.Equal(["newDueDate"], await ErrorFieldsAsync(notAfterDue));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(["newDueDate"], await ErrorFieldsAsync(badDate));
        Assert.Equal(["newDueDate"], await ErrorFieldsAsync(yearsLater));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondWithABadDate.StatusCode); // the one apology is the answer, not the date
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        var apology = (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("apology");
        Assert.Equal("2026-11-25", apology.GetProperty("newDueDate").GetString());
        Assert.Equal("Chờ ý kiến của cơ quan thuế", apology.GetProperty("reason").GetString());
        Assert.Equal(Vn(2026, 11, 18, 9), apology.GetProperty("issuedAt").GetDateTimeOffset());
        Assert.Equal(SubjectOf(officer), apology.GetProperty("issuedBy").GetString());
        Assert.Equal("mot-cua-06112", apology.GetProperty("agencyCode").GetString());
        Assert.Equal(JsonValueKind.Null, (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{late}")).GetProperty("apology").ValueKind);
        Assert.Equal(1, await OutboxCountAsync("DossierApologyIssued", id));
        Assert.Equal(0, await OutboxCountAsync("DossierApologyIssued", late));
    }

    [Fact]
    public async Task A_dossier_is_rated_once_after_it_is_resolved()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();

        using var beforeResolved = await RateAsync(officer, id, "satisfied");
        using var badValue = await RateAsync(officer, id, "happy");
        foreach (var action in StartAndResolve)
        {
            using var response = await ActAsync(officer, id, action);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var rated = await RateAsync(officer, id, "very-satisfied");
        using var again = await RateAsync(officer, id, "not-satisfied");

        Assert.Equal(HttpStatusCode.Conflict, beforeResolved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Equal(["rating"], await ErrorFieldsAsync(badValue));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal("very-satisfied", (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rating").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("very-satisfied", (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("rating").GetString());
        Assert.Equal(1, await OutboxCountAsync("DossierRated", id));
    }

    [Fact]
    public async Task The_list_filters_by_status_channel_field_overdue_and_received_date_and_pages()
    {
        using var officer = dossiers.Officer("06112");
        var field = $"Lĩnh vực {Guid.NewGuid():N}"[..20];
        var hourly = await ProcedureAsync(officer, 1, "hours", field: field);
        var daily = await ProcedureAsync(officer, 1, field: field);
        var elsewhere = await ProcedureAsync(officer, 1, "hours");
        Freeze(Vn(2026, 11, 9, 8)); // Monday
        var first = await CreateAsync(officer, hourly, "in-person"); // due 09:00
        var second = await CreateAsync(officer, hourly, "postal"); // due 09:00
        await CreateAsync(officer, elsewhere, "in-person");
        Freeze(Vn(2026, 11, 10, 8)); // Tuesday
        var third = await CreateAsync(officer, daily, "in-person"); // due Wednesday 08:00
        var online = await CreateAsync(officer, daily, "online");
        foreach (var action in StartAndResolve)
        {
            using var response = await ActAsync(officer, first.GetProperty("id").GetGuid(), action);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Freeze(Vn(2026, 11, 10, 8, 30));

        async Task<List<Guid>> IdsAsync(string query)
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field={Uri.EscapeDataString(field)}&{query}");
            var ids = page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
            return ids;
        }
        Guid Id(JsonElement dossier) => dossier.GetProperty("id").GetGuid();

        Assert.Equal([Id(online), Id(third), Id(second), Id(first)], await IdsAsync("pageSize=50"));
        Assert.Equal([Id(third), Id(second)], await IdsAsync("status=received"));
        Assert.Equal([Id(first)], await IdsAsync("status=resolved"));
        Assert.Equal([Id(online)], await IdsAsync("status=registered"));
        Assert.Equal([Id(online)], await IdsAsync("channel=online"));
        Assert.Equal([Id(second)], await IdsAsync("channel=postal"));
        Assert.Equal([Id(third), Id(first)], await IdsAsync("channel=in-person"));
        Assert.Equal([Id(second)], await IdsAsync("overdue=true"));
        Assert.Equal([Id(online), Id(third), Id(first)], await IdsAsync("overdue=false"));
        Assert.Equal([Id(second), Id(first)], await IdsAsync("from=2026-11-09&to=2026-11-09"));
        Assert.Equal([Id(third)], await IdsAsync("from=2026-11-10"));
        Assert.Equal([Id(second), Id(first)], await IdsAsync("to=2026-11-09"));
        Assert.Equal([Id(third)], await IdsAsync("status=received&overdue=false"));
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{Id(second)}")).GetProperty("overdue").GetBoolean());
        Assert.False((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{Id(third)}")).GetProperty("overdue").GetBoolean());

        var page2 = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field={Uri.EscapeDataString(field)}&page=2&pageSize=3");
        Assert.Equal(4, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("pageNumber").GetInt32());
        Assert.Equal(3, page2.GetProperty("pageSize").GetInt32());
        Assert.Equal([Id(first)], page2.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));

        using var badStatus = await officer.GetAsync(new Uri($"{TamThanh}?status=done", UriKind.Relative));
        using var badChannel = await officer.GetAsync(new Uri($"{TamThanh}?channel=fax", UriKind.Relative));
        using var badDate = await officer.GetAsync(new Uri($"{TamThanh}?from=09/11/2026", UriKind.Relative));
        Assert.Equal(["status"], await ErrorFieldsAsync(badStatus));
        Assert.Equal(["channel"], await ErrorFieldsAsync(badChannel));
        Assert.Equal(["from"], await ErrorFieldsAsync(badDate));
    }

    [Fact]
    public async Task The_overdue_scan_marks_a_dossier_past_its_due_date_once_and_writes_one_event()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 1, "hours");
        Freeze(Vn(2025, 3, 3, 8)); // long before any other test's dossiers are due
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid(); // due 09:00
        var paused = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, paused, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        using (var request = await ActAsync(officer, paused, "request-supplement", new { note = "Thiếu tờ khai" }))
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var pausedLate = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, pausedLate, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Freeze(Vn(2025, 3, 3, 9, 30)); // half an hour after the due time: asking for papers now stops no clock
        using (var request = await ActAsync(officer, pausedLate, "request-supplement", new { note = "Thiếu tờ khai" }))
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Freeze(Vn(2025, 3, 3, 10));
        var now = dossiers.Clock.GetUtcNow();

        var first = await ScanAsync(now);
        var second = await ScanAsync(now);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(1, await OutboxCountAsync("DossierOverdue", id));
        Assert.Equal(0, await OutboxCountAsync("DossierOverdue", paused));
        Assert.Equal(1, await OutboxCountAsync("DossierOverdue", pausedLate));
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}");
        Assert.True(dossier.GetProperty("overdue").GetBoolean());
        Assert.False((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{paused}")).GetProperty("overdue").GetBoolean());
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{pausedLate}")).GetProperty("overdue").GetBoolean());
        var overdueList = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?overdue=true&from=2025-03-03&to=2025-03-03");
        Assert.Equal(new[] { id, pausedLate }.Order(), overdueList.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task A_replay_request_publishes_every_dossier_and_feedback_of_the_unit_and_then_their_counts()
    {
        var amqp = dossiers.Servers.Messaging;
        await using var completions = await EventFeed.BindAsync(amqp, "events.dossiers.dossier-replay-completed");
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var feedback = await officer.PostAsJsonAsync($"{TamThanh}/feedback", new { channel = "portal", subject = "Hỏi thủ tục", senderReference = "PAKN-R1" }))
            Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        var replay = Guid.CreateVersion7();

        await EventFeed.PublishAsync(amqp, new ParPlatform.Contracts.Reporting.ReadModelReplayRequested { UnitCode = "06112", ProvinceCode = "20", ReplayId = replay });
        var completed = await completions.NextAsync(e => e.GetProperty("replayId").GetGuid() == replay);

        var (unitDossiers, unitFeedback) = (await CountAsync("dossiers.dossiers", "06112"), await CountAsync("dossiers.feedback", "06112"));
        Assert.Equal(("06112", unitDossiers, unitFeedback), (completed.GetProperty("unitCode").GetString(), completed.GetProperty("dossiers").GetInt32(),
            completed.GetProperty("feedback").GetInt32()));
        Assert.True(unitDossiers >= 1 && unitFeedback >= 1);
        var replayed = await ReplayedDossiersAsync(replay);
        Assert.Equal(unitDossiers, replayed.Count);
        Assert.Equal(unitDossiers, replayed.Distinct().Count());
        Assert.Single(replayed, d => d == id); // this dossier, once, for this replay
        Assert.Equal(unitFeedback, await ReplayedAsync("FeedbackRecorded", replay));
    }

    [Fact]
    public async Task Resolving_a_dossier_publishes_dossier_resolved_through_the_outbox()
    {
        await using var events = await EventFeed.BindAsync(
            dossiers.Servers.Messaging, "events.dossiers.dossier-resolved");
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        Freeze(Vn(2026, 11, 16, 8));
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, id, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Freeze(Vn(2026, 11, 18, 9));

        using var resolved = await ActAsync(officer, id, "resolve", new { electronicResult = true });
        var published = await events.NextAsync(e => e.GetProperty("dossierId").GetGuid() == id);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(1, await OutboxCountAsync("DossierResolved", id));
        Assert.Equal("early", published.GetProperty("timeliness").GetString());
        Assert.True(published.GetProperty("electronicResult").GetBoolean());
        Assert.Equal("06112", published.GetProperty("unitCode").GetString());
        Assert.Equal("20", published.GetProperty("provinceCode").GetString());
        Assert.Equal("Hộ tịch", published.GetProperty("field").GetString());
        Assert.Equal(Vn(2026, 11, 18, 9), published.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 23, 8), published.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Feedback_is_received_forwarded_resolved_and_published_with_its_deadlines()
    {
        using var officer = dossiers.Officer("06112");
        const string Feedback = $"{TamThanh}/feedback";
        Freeze(Vn(2026, 11, 16, 8));

        using var created = await officer.PostAsJsonAsync(Feedback, new { channel = "portal", subject = "Thời gian chờ tại bộ phận một cửa", senderReference = "PAKN-2026-001" });
        var received = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = received.GetProperty("id").GetGuid();
        Freeze(Vn(2026, 11, 17, 9));
        using var forwarded = await officer.PostAsJsonAsync($"{Feedback}/{id}/forward", new { agencyCode = "van-phong" });
        Freeze(Vn(2026, 12, 7, 16));
        using var resolved = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Đã bố trí thêm cán bộ tiếp nhận." });
        using var resolvedAgain = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Lần hai" });
        Freeze(Vn(2026, 12, 8, 9));
        using var published = await officer.PostAsync(new Uri($"{Feedback}/{id}/publish", UriKind.Relative), null);
        using var badChannel = await officer.PostAsJsonAsync(Feedback, new { channel = "email", subject = "X", senderReference = "PAKN-2026-002" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal("portal", received.GetProperty("channel").GetString());
        Assert.Equal(Vn(2026, 11, 18, 8), received.GetProperty("forwardDueAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 12, 7, 8), received.GetProperty("resolveDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        var afterForward = await forwarded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("forwarded", afterForward.GetProperty("status").GetString());
        Assert.Equal("van-phong", afterForward.GetProperty("forwardedTo").GetString());
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var afterResolve = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", afterResolve.GetProperty("status").GetString());
        Assert.True(afterResolve.GetProperty("resolvedWithinDeadline").GetBoolean());
        Assert.Equal(Vn(2026, 12, 9, 16), afterResolve.GetProperty("publishDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, resolvedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badChannel.StatusCode);
        Assert.Equal(["channel"], await ErrorFieldsAsync(badChannel));
        var read = await officer.GetFromJsonAsync<JsonElement>($"{Feedback}/{id}");
        Assert.Equal("Đã bố trí thêm cán bộ tiếp nhận.", read.GetProperty("answer").GetString());
        Assert.Equal(Vn(2026, 12, 8, 9), read.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(1, await OutboxCountAsync("FeedbackResolved", id));
    }

    [Fact]
    public async Task Feedback_resolved_after_the_day_of_its_deadline_is_not_within_it()
    {
        using var officer = dossiers.Officer("06112");
        const string Feedback = $"{TamThanh}/feedback";
        Freeze(Vn(2026, 11, 16, 8));
        using var created = await officer.PostAsJsonAsync(Feedback, new { channel = "in-person", subject = "Phí chứng thực", senderReference = "PAKN-2026-003" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Freeze(Vn(2026, 12, 8, 7, 30));

        using var resolved = await officer.PostAsJsonAsync($"{Feedback}/{id}/resolve", new { answer = "Đã trả lời." });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.False((await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resolvedWithinDeadline").GetBoolean());
    }

    [Fact]
    public async Task With_the_scope_set_to_another_unit_no_dossier_of_06112_is_there()
    {
        using var officer = dossiers.Officer("06112");
        await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person");
        var total = (await officer.GetFromJsonAsync<JsonElement>(TamThanh)).GetProperty("total").GetInt32();

        var fromChiLang = await CountTamThanhDossiersAsync("06181", "off");
        var fromEverywhere = await CountTamThanhDossiersAsync("06181", "on");
        var fromTamThanh = await CountTamThanhDossiersAsync("06112", "off");

        Assert.Equal(0, fromChiLang);
        Assert.True(fromEverywhere > 0);
        Assert.Equal(total, fromEverywhere);
        Assert.Equal(total, fromTamThanh);
    }

    /// <summary>The dates of a calendar year as the API takes them (yyyy-MM-dd).</summary>
    private static List<string> Days(params string[] days) => [.. days];

    private void Freeze(DateTimeOffset at) => dossiers.Clock.Now = at;

    private static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static string SubjectOf(HttpClient client) => new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Subject;

    /// <summary>A new procedure of unit 06112; returns its code.</summary>
    private static async Task<string> ProcedureAsync(
        HttpClient officer, decimal timeLimit, string unit = "days", string field = "Hộ tịch", long fee = 0, bool active = true)
    {
        var code = $"t{Guid.NewGuid():N}"[..12];
        using var response = await officer.PostAsJsonAsync($"{TamThanh}/procedures", new
        {
            code, name = "Đăng ký khai sinh", field, timeLimit, timeLimitUnit = unit, fee, onlineLevel = "full", active,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static async Task<JsonElement> CreateAsync(HttpClient officer, string procedureCode, string channel)
    {
        using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode, channel, applicantReference = "BN-0001" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient officer, Guid id, string action, object? body = null) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/actions/{action}", body ?? new { });

    private static Task<HttpResponseMessage> ApologizeAsync(HttpClient officer, Guid id, string newDueDate) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/apology", new { reason = "Chờ ý kiến của cơ quan thuế", newDueDate });

    private static Task<HttpResponseMessage> RateAsync(HttpClient officer, Guid id, string rating) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/rating", new { rating });

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>Waits until a session waits for a lock the session <paramref name="blocker"/> holds (an officer's save behind the test's open transaction).</summary>
    private async Task WaitUntilASessionWaitsForAsync(int blocker)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @blocker = ANY(pg_blocking_pids(pid))", connection);
        waiting.Parameters.AddWithValue("blocker", blocker);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "No save waited for the dossier's row within 20 s.");
            await Task.Delay(20);
        }
    }

    private async Task<int> ScanAsync(DateTimeOffset now)
    {
        using var scope = dossiers.Service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueScan>().RunAsync(now, CancellationToken.None);
    }

    /// <summary>How many <paramref name="eventType"/> events of the replay <paramref name="replay"/> the outbox holds.</summary>
    private async Task<int> ReplayedAsync(string eventType, Guid replay)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM dossiers.outbox_messages WHERE payload->>'replayId' = @replay AND event_type LIKE @type", connection);
        command.Parameters.AddWithValue("replay", replay.ToString());
        command.Parameters.AddWithValue("type", $"ParPlatform.Contracts.%.{eventType},%");
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The dossiers the <c>DossiersRecorded</c> events of <paramref name="replay"/> carry, in the outbox.</summary>
    private async Task<List<Guid>> ReplayedDossiersAsync(Guid replay)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (d->>'dossierId')::uuid FROM dossiers.outbox_messages o CROSS JOIN jsonb_array_elements(o.payload->'dossiers') d
            WHERE o.payload->>'replayId' = @replay AND o.event_type LIKE 'ParPlatform.Contracts.Dossiers.DossiersRecorded,%'
            """, connection);
        command.Parameters.AddWithValue("replay", replay.ToString());
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The rows of <paramref name="table"/> of <paramref name="unit"/>, every tenant's rows in reach.</summary>
    private async Task<int> CountAsync(string table, string unit)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('parplatform.all_tenants', 'on', false); SELECT count(*) FROM {table} WHERE unit_code = @unit", connection);
        command.Parameters.AddWithValue("unit", unit);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return (int)reader.GetInt64(0);
    }

    /// <summary>How many events of the type the outbox holds for the aggregate (dispatched or not).</summary>
    private async Task<int> OutboxCountAsync(string eventType, Guid aggregate)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM dossiers.outbox_messages WHERE aggregate_key = @key AND event_type LIKE @type", connection);
        command.Parameters.AddWithValue("key", aggregate.ToString());
        command.Parameters.AddWithValue("type", $"ParPlatform.Contracts.%.{eventType},%");
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Unit 06112's dossiers as the service's own role sees them with the scope set to <paramref name="unit"/>.</summary>
    private async Task<int> CountTamThanhDossiersAsync(string unit, string allTenants)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand(
            "SELECT set_config('parplatform.unit_code', @unit, false), set_config('parplatform.province_code', '', false), " +
            "set_config('parplatform.all_tenants', @all, false)", connection))
        {
            set.Parameters.AddWithValue("unit", unit);
            set.Parameters.AddWithValue("all", allTenants);
            await set.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM dossiers.dossiers WHERE unit_code = '06112'", connection);
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }
}
