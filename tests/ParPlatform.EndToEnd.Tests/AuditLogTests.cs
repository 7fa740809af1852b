using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// Administrative changes made in the dossiers and reporting services reach the identity service's audit log, read
/// through the gateway with real tokens: who (as the token names them), what, and the fields changed before → after.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class AuditLogTests(PlatformFixture platform)
{
    private const string Settings = "/api/v1/provinces/68/reports/period-settings";

    private static readonly string[] NewYear2031 = ["2031-01-01"];

    [Fact]
    public async Task A_calendar_year_set_in_dossiers_and_period_settings_changed_in_reporting_are_in_the_audit_log()
    {
        var admin = await platform.AppHost.TokenAsync("admin");
        var reviewer = await platform.AppHost.TokenAsync("lamdong.sonoivu");
        using (var year = await platform.AppHost.SendAsync(HttpMethod.Put, "/api/v1/admin/calendar/years/2031", admin,
            new { daysOff = NewYear2031, makeUpWorkingDays = Array.Empty<string>() }))
        {
            Assert.Equal(HttpStatusCode.Created, year.StatusCode);
        }
        JsonElement original;
        using (var read = await platform.AppHost.SendAsync(HttpMethod.Get, Settings, reviewer))
            original = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settings");
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(original.GetRawText())!;
        changed["year"] = JsonSerializer.SerializeToElement(new
        {
            start = new { month = 12, day = 1 }, startsInPreviousYear = true, end = new { month = 11, day = 20 }, due = new { month = 11, day = 25 },
        });
        // Lâm Đồng changes its year's window, then puts it back (the other tests read the province's settings as they were).
        using (var saved = await platform.AppHost.SendAsync(HttpMethod.Put, Settings, reviewer, changed))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using (var restored = await platform.AppHost.SendAsync(HttpMethod.Put, Settings, reviewer, original))
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);

        var calendar = Assert.Single(await EntriesAsync("service=dossiers&action=calendar-year", "2031", count: 1));
        var settings = await EntriesAsync("service=reporting&action=period-settings.updated&provinceCode=68", "68", count: 2);

        Assert.Equal(("calendar-year.created", "admin", "platform-admin"), (Text(calendar, "action"), Text(calendar, "actorName"), Text(calendar, "actorRole")));
        Assert.Equal(JsonValueKind.Null, calendar.GetProperty("before").ValueKind);
        Assert.Equal(["2031-01-01"], calendar.GetProperty("after").GetProperty("daysOff").EnumerateArray().Select(d => d.GetString()));
        Assert.All(settings, e => Assert.Equal(("lamdong.sonoivu", "province-reviewer"), (Text(e, "actorName"), Text(e, "actorRole"))));
        // Newest first: the restore, then the change; each shows only the year's window.
        Assert.True(JsonElement.DeepEquals(original.GetProperty("year"), settings[1].GetProperty("before").GetProperty("year")));
        Assert.True(JsonElement.DeepEquals(changed["year"], settings[1].GetProperty("after").GetProperty("year")));
        Assert.Equal(["year"], settings[1].GetProperty("after").EnumerateObject().Select(p => p.Name));
        Assert.True(JsonElement.DeepEquals(changed["year"], settings[0].GetProperty("before").GetProperty("year")));
        Assert.True(JsonElement.DeepEquals(original.GetProperty("year"), settings[0].GetProperty("after").GetProperty("year")));
    }

    /// <summary>The operator's read of the audit log's entries of <paramref name="entityKey"/>, once there are <paramref name="count"/> (30 s at most).</summary>
    private async Task<JsonElement[]> EntriesAsync(string query, string entityKey, int count)
    {
        var operatorToken = await platform.AppHost.TokenAsync("vanhanh");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await platform.AppHost.SendAsync(HttpMethod.Get, $"/api/v1/admin/audit?{query}", operatorToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var entries = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Where(e => Text(e, "entityKey") == entityKey).ToArray();
            if (entries.Length >= count || DateTimeOffset.UtcNow > deadline)
                return entries;
            await Task.Delay(200);
        }
    }

    private static string? Text(JsonElement entry, string field) => entry.GetProperty(field).GetString();
}
