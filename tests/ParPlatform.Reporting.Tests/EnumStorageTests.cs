using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Identity;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.TestSupport;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The names the reporting database holds for each enum, and that the statistics SQL counts each channel,
/// timeliness and rating the fact consumers store in its own column, through both the step events and
/// DossiersRecorded (a literal that matches no stored name would zero it).
/// </summary>
public sealed class EnumStorageTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    /// <summary>What the rows of reportingdb hold, written out by hand.</summary>
    private static readonly Dictionary<Type, string[]> StoredNames = new()
    {
        [typeof(DossierChannel)] = ["Online", "InPerson", "Postal"],
        [typeof(DossierTimeliness)] = ["Early", "OnTime", "Late"],
        [typeof(DossierReturnReason)] = ["NotEligible", "Withdrawn"],
        [typeof(DossierRating)] = ["VerySatisfied", "Satisfied", "NotSatisfied"],
        [typeof(UnitKind)] = ["Ward", "Commune", "SpecialZone"],
        [typeof(ReportStatus)] = ["Draft", "Submitted", "Returned", "Accepted"],
    };

    /// <summary>Each channel, timeliness and rating a different number of times (1, 2, 3), so a literal matching another member shows.</summary>
    private static readonly (DossierChannel Channel, DossierTimeliness Timeliness, DossierRating Rating)[] Plan =
    [
        (DossierChannel.Online, DossierTimeliness.Early, DossierRating.VerySatisfied),
        (DossierChannel.InPerson, DossierTimeliness.OnTime, DossierRating.Satisfied),
        (DossierChannel.InPerson, DossierTimeliness.OnTime, DossierRating.Satisfied),
        (DossierChannel.Postal, DossierTimeliness.Late, DossierRating.NotSatisfied),
        (DossierChannel.Postal, DossierTimeliness.Late, DossierRating.NotSatisfied),
        (DossierChannel.Postal, DossierTimeliness.Late, DossierRating.NotSatisfied),
    ];

    private static readonly DateTimeOffset Received = new(2014, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Due = Received.AddDays(2);
    private static readonly DateTimeOffset Finished = Received.AddDays(1);

    [Fact]
    public void Every_enum_column_stores_its_member_names_in_a_column_wide_enough()
    {
        using var scope = reporting.Service.Services.CreateScope();
        EnumColumns.AssertStoredByName(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), StoredNames);
    }

    [Fact]
    public async Task The_statistics_count_each_channel_timeliness_and_rating_of_the_step_events_in_its_column()
    {
        var events = new List<IntegrationEvent>();
        foreach (var (channel, timeliness, rating) in Plan)
        {
            var id = Guid.CreateVersion7();
            events.Add(new DossierReceived
            {
                UnitCode = "06112", ProvinceCode = "20", OccurredAt = Received, DossierId = id, ProcedureCode = "P1", Field = "Chứng thực",
                Channel = channel, ReceivedAt = Received, DueAt = Due, Digitised = false, HasFee = false,
            });
            events.Add(new DossierResolved
            {
                UnitCode = "06112", ProvinceCode = "20", OccurredAt = Finished, DossierId = id, Field = "Chứng thực", ResolvedAt = Finished,
                DueAt = Due, Timeliness = timeliness, ElectronicResult = false,
            });
            events.Add(new DossierRated
            {
                UnitCode = "06112", ProvinceCode = "20", OccurredAt = Finished, DossierId = id, Field = "Chứng thực", Rating = rating, RatedAt = Finished,
            });
        }
        await PublishAndWaitAsync([.. events]);

        Assert.Equal(Expected, await CountsAsync("06112"));
    }

    [Fact]
    public async Task The_statistics_count_each_channel_timeliness_and_rating_of_DossiersRecorded_in_its_column()
    {
        await PublishAndWaitAsync(new DossiersRecorded
        {
            UnitCode = "06181", ProvinceCode = "20", OccurredAt = Finished, ImportId = Guid.CreateVersion7(),
            Dossiers =
            [
                .. Plan.Select(p => new RecordedDossier
                {
                    DossierId = Guid.CreateVersion7(), ProcedureCode = "P1", Field = "Chứng thực", Channel = p.Channel, ReceivedAt = Received,
                    DueAt = Due, FinishedAt = Finished, Timeliness = p.Timeliness, Rating = p.Rating, RatedAt = Finished,
                    ElectronicResult = false, Digitised = false, HasFee = false, PaidOnline = false,
                }),
            ],
        });

        Assert.Equal(Expected, await CountsAsync("06181"));
    }

    private const string Expected =
        "received: online=1 inPersonOrPostal=5 | resolved: early=1 onTime=2 late=3 | ratings: verySatisfied=1 satisfied=2 notSatisfied=3";

    private async Task<string> CountsAsync(string unit)
    {
        using var officer = reporting.Officer(unit);
        var total = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/reports/statistics/dossiers?from=2014-03-01&to=2014-03-31"))
            .GetProperty("total");
        string Counts(string group, params string[] columns) =>
            $"{group}: " + string.Join(" ", columns.Select(c => $"{c}={total.GetProperty(group).GetProperty(c).GetInt64()}"));
        return string.Join(" | ",
            Counts("received", "online", "inPersonOrPostal"), Counts("resolved", "early", "onTime", "late"),
            Counts("ratings", "verySatisfied", "satisfied", "notSatisfied"));
    }

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync(events);
        await reporting.WaitForInboxAsync(before, events.Length);
    }
}
