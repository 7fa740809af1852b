using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>The working calendar's years, as the administrator configures them. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class CalendarApiTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task The_administrator_configures_a_year_of_the_calendar_and_intakes_use_it()
    {
        using var admin = dossiers.Admin();
        using var officer = dossiers.Officer("06112");
        await using var audit = await EventFeed.BindAsync(dossiers.Servers.Messaging, "events.audit.administrative-change-recorded");

        using var created = await admin.PutAsJsonAsync($"{Years}/2028", new { daysOff = Days("2028-01-03", "2028-05-01"), makeUpWorkingDays = Days() });
        var afterCreate = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2028");
        using var changed = await admin.PutAsJsonAsync($"{Years}/2028", new { daysOff = Days("2028-01-03", "2028-05-02", "2028-05-01"), makeUpWorkingDays = Days("2028-05-06") });
        var afterChange = await admin.GetFromJsonAsync<JsonElement>($"{Years}/2028");
        var list = await admin.GetFromJsonAsync<JsonElement>(Years);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["2028-01-03", "2028-05-01"], afterCreate.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(SubjectOf(admin), afterCreate.GetProperty("updatedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["2028-01-03", "2028-05-01", "2028-05-02"], afterChange.GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2028-05-06"], afterChange.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([2025, 2026, 2027, 2028], list.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));

        // Both changes are in the audit log's events, by the administrator, with what each changed.
        var recorded = await audit.NextAsync(e => e.GetProperty("entityKey").GetString() == "2028");
        var updated = await audit.NextAsync(e => e.GetProperty("entityKey").GetString() == "2028");
        Assert.Equal(("dossiers", "calendar-year.created", SubjectOf(admin), "platform-admin", ""),
            (Text(recorded, "service"), Text(recorded, "action"), Text(recorded, "actorId"), Text(recorded, "actorRole"), Text(recorded, "unitCode")));
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("before").ValueKind);
        AssertJson("""{"daysOff":["2028-01-03","2028-05-01"],"makeUpWorkingDays":[]}""", recorded.GetProperty("after"));
        Assert.Equal("calendar-year.updated", Text(updated, "action"));
        AssertJson("""{"daysOff":["2028-01-03","2028-05-01"],"makeUpWorkingDays":[]}""", updated.GetProperty("before"));
        AssertJson("""{"daysOff":["2028-01-03","2028-05-01","2028-05-02"],"makeUpWorkingDays":["2028-05-06"]}""", updated.GetProperty("after"));

        // A dossier received on the last afternoon of 2027 (a Friday) is due after the configured Monday 03/01/2028.
        var code = await ProcedureAsync(officer, 1);
        dossiers.Freeze(Vn(2027, 12, 31, 16));
        var dossier = await CreateAsync(officer, code, "in-person");
        Assert.Equal(Vn(2028, 1, 4, 16), dossier.GetProperty("dueAt").GetDateTimeOffset());
    }

    private static string? Text(JsonElement audited, string field) => audited.GetProperty(field).GetString();

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(JsonSerializer.Deserialize<JsonElement>(expected), actual), $"expected {expected}, got {actual.GetRawText()}");

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
}
