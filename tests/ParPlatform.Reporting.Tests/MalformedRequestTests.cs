using ParPlatform.TestSupport;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// Every route of the reporting service, walked with malformed bodies, query strings and route values
/// (TestSupport/MalformedRequests), as each role the route lets through: never a 5xx, a body or query
/// value of the wrong type is a 400 naming its field, and nothing is written. Its own service and
/// database (a class fixture), so no other test's writes move the counts.
/// </summary>
public sealed class MalformedRequestTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    /// <summary>Not the rebuilds: {} is a well-formed request to rebuild every unit.</summary>
    private static readonly string[] Tables = ["reporting.period_settings", "reporting.ad_hoc_periods", "reporting.dossier_facts", "reporting.feedback_facts", "reporting.known_units"];

    [Fact]
    public async Task No_route_answers_a_malformed_request_with_a_5xx_and_none_writes()
    {
        var requests = MalformedRequests.For(reporting.Service.Services, new Dictionary<string, string>
        {
            ["unitCode"] = "06112",
            ["provinceCode"] = "20",
        });
        HttpClient[] callers = [reporting.Officer("06112"), reporting.Chairman("06112"), reporting.Reviewer("20"), reporting.Admin()];
        var before = await MalformedRequests.CountRowsAsync(reporting.Database, Tables);

        var failures = await MalformedRequests.FailuresAsync(requests, callers, unitProvince: "20");

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} malformed requests:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await MalformedRequests.CountRowsAsync(reporting.Database, Tables));
        // The walk reached the routes: period settings (a body of nested rules), periods, statistics, rebuilds.
        Assert.True(requests.Count(r => r.Field is not null) > 50, $"only {requests.Count(r => r.Field is not null)} requests with a field to name");
    }
}
