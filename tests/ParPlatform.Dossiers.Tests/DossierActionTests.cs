using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>A dossier's lifecycle actions, its history, the apology letter and the rating. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class DossierActionTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task A_dossier_goes_through_to_result_returned_and_its_history_names_the_user_and_each_state()
    {
        using var officer = dossiers.Officer("06112");
        var user = SubjectOf(officer);
        var code = await ProcedureAsync(officer, 5, fee: 8000);
        dossiers.Freeze(Vn(2026, 11, 16, 8));
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
            dossiers.Freeze(dossiers.Clock.Now!.Value.AddHours(1));
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
        await dossiers.WaitUntilASessionWaitsForAsync(scan.ProcessID);
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
    public async Task An_apology_is_accepted_once_with_a_new_date_after_the_due_date()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        dossiers.Freeze(Vn(2026, 11, 16, 8));
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid(); // due Monday 23/11 08:00
        var late = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        dossiers.Freeze(Vn(2026, 11, 18, 9));

        using var notAfterDue = await ApologizeAsync(officer, id, "2026-11-23");
        using var badDate = await ApologizeAsync(officer, id, "23/11/2026");
        using var yearsLater = await ApologizeAsync(officer, id, "2028-11-25");
        using var first = await ApologizeAsync(officer, id, "2026-11-25");
        using var second = await ApologizeAsync(officer, id, "2026-11-26");
        using var secondWithABadDate = await ApologizeAsync(officer, id, "2026-11-20");
        dossiers.Freeze(Vn(2026, 11, 20, 9)); // 7 working hours before the due instant
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
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierApologyIssued", id));
        Assert.Equal(0, await dossiers.OutboxCountAsync("DossierApologyIssued", late));
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
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierRated", id));
    }

    [Fact]
    public async Task Resolving_a_dossier_publishes_dossier_resolved_through_the_outbox()
    {
        await using var events = await EventFeed.BindAsync(
            dossiers.Servers.Messaging, "events.dossiers.dossier-resolved");
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 5);
        dossiers.Freeze(Vn(2026, 11, 16, 8));
        var id = (await CreateAsync(officer, code, "in-person")).GetProperty("id").GetGuid();
        using (var start = await ActAsync(officer, id, "start"))
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        dossiers.Freeze(Vn(2026, 11, 18, 9));

        using var resolved = await ActAsync(officer, id, "resolve", new { electronicResult = true });
        var published = await events.NextAsync(e => e.GetProperty("dossierId").GetGuid() == id);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(1, await dossiers.OutboxCountAsync("DossierResolved", id));
        Assert.Equal("early", published.GetProperty("timeliness").GetString());
        Assert.True(published.GetProperty("electronicResult").GetBoolean());
        Assert.Equal("06112", published.GetProperty("unitCode").GetString());
        Assert.Equal("20", published.GetProperty("provinceCode").GetString());
        Assert.Equal("Hộ tịch", published.GetProperty("field").GetString());
        Assert.Equal(Vn(2026, 11, 18, 9), published.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal(Vn(2026, 11, 23, 8), published.GetProperty("dueAt").GetDateTimeOffset());
    }
}
