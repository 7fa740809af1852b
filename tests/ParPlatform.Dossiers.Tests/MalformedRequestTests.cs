using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// Every route of the dossiers service, walked with malformed bodies, query strings and route values
/// (TestSupport/MalformedRequests), as each role the route lets through: never a 5xx, a body or query
/// value of the wrong type is a 400 naming its field, and nothing is written. Its own service and
/// database (a class fixture), so no other test's writes move the counts.
/// </summary>
public sealed class MalformedRequestTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    private static readonly string[] Tables =
    [
        "dossiers.dossiers", "dossiers.dossier_transitions", "dossiers.procedures", "dossiers.feedback", "dossiers.dossier_imports",
        "dossiers.dossier_import_rows", "dossiers.calendar_years", "dossiers.outbox_messages",
    ];

    [Fact]
    public async Task No_route_answers_a_malformed_request_with_a_5xx_and_none_writes()
    {
        var requests = MalformedRequests.For(dossiers.Service.Services, new Dictionary<string, string>
        {
            ["unitCode"] = "06112",
            ["provinceCode"] = "20",
            ["action"] = "receive",
            ["year"] = "1999", // a year the calendar refuses, so that {} writes no calendar either
        });
        HttpClient[] callers = [dossiers.Officer("06112"), dossiers.Chairman("06112"), dossiers.Reviewer("20"), dossiers.Admin()];
        var before = await MalformedRequests.CountRowsAsync(dossiers.Database, Tables);

        var failures = await MalformedRequests.FailuresAsync(requests, callers, unitProvince: "20");

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} malformed requests:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await MalformedRequests.CountRowsAsync(dossiers.Database, Tables));
        // The walk reached the routes: intake, procedures, feedback, actions, calendar years, imports.
        Assert.True(requests.Count(r => r.Field is not null) > 100, $"only {requests.Count(r => r.Field is not null)} requests with a field to name");
    }

    [Fact]
    public async Task A_text_with_a_NUL_character_that_only_the_database_refuses_is_a_400_and_nothing_is_written()
    {
        using var officer = dossiers.Officer("06112");
        var before = await MalformedRequests.CountRowsAsync(dossiers.Database, "dossiers.procedures");

        using var response = await officer.PostAsJsonAsync("/api/v1/units/06112/dossiers/procedures", new
        {
            code = "nul-name", name = "Đăng ký\u0000 khai sinh", field = "Hộ tịch", timeLimit = 1, fee = 0, onlineLevel = "full", interLevel = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MalformedRequests.InvalidTitle, problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$", out _), problem.ToString());
        Assert.Equal(before, await MalformedRequests.CountRowsAsync(dossiers.Database, "dossiers.procedures"));
    }
}
