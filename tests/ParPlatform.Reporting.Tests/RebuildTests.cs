using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Reporting;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// Rebuilding a unit's read model from a replay of the source: the old model answers until the new
/// one has all of it, events arriving meanwhile reach both, and the rebuilt numbers are the source's
/// even where the old model was wrong. The dossiers service's side of the replay is played here.
/// </summary>
public sealed class RebuildTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    private const string Unit = "06118";
    private const string Statistics = "/api/v1/units/06118/reports/statistics/dossiers?from=2017-01-01&to=2017-12-31";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_damaged_read_model_is_rebuilt_from_the_source_while_the_old_one_keeps_answering()
    {
        // The source: five dossiers of 2017 (two early, one late with an apology, one returned, one open and overdue) and two pieces of feedback.
        var dossiers = new[]
        {
            Dossier(Vn(2017, 3, 1), Vn(2017, 3, 8), Vn(2017, 3, 3), DossierTimeliness.Early),
            Dossier(Vn(2017, 3, 2), Vn(2017, 3, 9), Vn(2017, 3, 6), DossierTimeliness.Early) with { Rating = DossierRating.VerySatisfied, RatedAt = Vn(2017, 3, 7) },
            Dossier(Vn(2017, 4, 3), Vn(2017, 4, 6), Vn(2017, 4, 12), DossierTimeliness.Late) with { ApologyIssuedAt = Vn(2017, 4, 4) },
            Dossier(Vn(2017, 5, 2), Vn(2017, 5, 9), Vn(2017, 5, 4), null) with { ReturnReason = DossierReturnReason.NotEligible },
            Dossier(Vn(2017, 12, 1), Vn(2017, 12, 8), null, null) with { Channel = DossierChannel.Online, HasFee = true, PaidOnline = true },
        };
        var feedback = new[] { Feedback(Vn(2017, 6, 1), Vn(2017, 6, 10), true), Feedback(Vn(2017, 7, 1), null, null) };
        await PublishAndWaitAsync([Recorded(dossiers, Vn(2017, 12, 31), importId: Guid.CreateVersion7(), replayId: null), .. feedback.SelectMany(Steps)]);
        using var officer = reporting.Officer(Unit);
        var source = await StatisticsAsync(officer);
        Assert.Equal(5, source.GetProperty("total").GetProperty("total").GetInt64());
        Assert.Equal((2, 1), Feedback(source));

        // The model goes wrong (a bug, a lost event): every resolution became late.
        await reporting.ExecuteAsync($"UPDATE reporting.dossier_facts SET timeliness = 'Late' WHERE unit_code = '{Unit}' AND timeliness IS NOT NULL");
        var damaged = await StatisticsAsync(officer);
        Assert.Equal(3, damaged.GetProperty("total").GetProperty("resolved").GetProperty("late").GetInt64());

        var requests = await reporting.ListenAsync<ReadModelReplayRequested>();
        using var admin = reporting.Admin();
        using var started = await admin.PostAsJsonAsync("/api/v1/admin/reports/rebuilds", new { unitCode = Unit });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var replay = await reporting.NextAsync<ReadModelReplayRequested>(requests);
        Assert.Equal((Unit, "20"), (replay.UnitCode, replay.ProvinceCode));

        // The dossiers service replays: half of it first. Until all of it is in, the old model answers.
        await PublishAndWaitAsync(Recorded(dossiers.Take(3), Vn(2026, 11, 30), importId: null, replay.ReplayId));
        Assert.Equal(ReportingFixture.NumbersOf(damaged), ReportingFixture.NumbersOf(await StatisticsAsync(officer)));

        // Meanwhile the desk resolves the open feedback: the event reaches the old model and the new one.
        var resolved = new FeedbackResolved
        {
            UnitCode = Unit, ProvinceCode = "20", OccurredAt = Vn(2017, 7, 5), FeedbackId = feedback[1].Id, ResolvedAt = Vn(2017, 7, 5), WithinDeadline = true,
        };
        await PublishAndWaitAsync(resolved);
        Assert.Equal((2, 2), Feedback(await StatisticsAsync(officer)));

        await PublishAndWaitAsync(
        [
            Recorded(dossiers.Skip(3), Vn(2026, 11, 30), importId: null, replay.ReplayId),
            .. feedback.Select(f => Recorded(f, replay.ReplayId)),
            new DossierReplayCompleted { UnitCode = Unit, ProvinceCode = "20", ReplayId = replay.ReplayId, Dossiers = 5, Feedback = 2 },
        ]);
        var rebuild = await admin.GetFromJsonAsync<JsonElement>(started.Headers.Location);
        var rebuilt = await StatisticsAsync(officer);

        Assert.Equal(("completed", 1, 1), (rebuild.GetProperty("status").GetString(), rebuild.GetProperty("units").GetInt32(), rebuild.GetProperty("finishedUnits").GetInt32()));
        Assert.Equal(source.GetProperty("total").GetRawText(), rebuilt.GetProperty("total").GetRawText());
        Assert.Equal(source.GetProperty("fields").GetRawText(), rebuilt.GetProperty("fields").GetRawText());
        Assert.Equal((2, 2), Feedback(rebuilt));
        Assert.Equal(0, await reporting.CountAsync($"SELECT count(*) FROM reporting.dossier_facts WHERE unit_code = '{Unit}' AND generation = 0")); // the old model is gone
    }

    [Fact]
    public async Task Only_a_platform_administrator_starts_a_rebuild_and_an_unknown_unit_is_a_400()
    {
        using var byReviewer = await reporting.Reviewer("20").PostAsJsonAsync("/api/v1/admin/reports/rebuilds", new { unitCode = Unit });
        using var unknown = await reporting.Admin().PostAsJsonAsync("/api/v1/admin/reports/rebuilds", new { unitCode = "99999" });

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Rebuilds_requested_at_the_same_time_are_each_accepted_and_one_of_them_fills_the_unit()
    {
        using var admin = reporting.Admin();

        var requests = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/admin/reports/rebuilds", new { unitCode = "06112" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(requests, r => Assert.True(r.StatusCode == HttpStatusCode.Accepted, $"{(int)r.StatusCode}: {r.Body}"));
        var accepted = string.Join(", ", requests.Select(r => $"'{JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetGuid()}'"));
        Assert.Equal(1, await reporting.CountAsync(
            $"SELECT count(*) FROM reporting.unit_generations WHERE unit_code = '06112' AND building IS NOT NULL AND rebuild_id IN ({accepted})"));
        Assert.Equal(1, await reporting.CountAsync("SELECT count(*) FROM reporting.unit_generations WHERE unit_code = '06112'"));
    }

    private static async Task<JsonElement> StatisticsAsync(HttpClient officer) => await officer.GetFromJsonAsync<JsonElement>(Statistics);

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync(events);
        await reporting.WaitForInboxAsync(before, events.Length);
    }

    private static DossiersRecorded Recorded(IEnumerable<RecordedDossier> dossiers, DateTimeOffset at, Guid? importId, Guid? replayId) => new()
    {
        UnitCode = Unit, ProvinceCode = "20", OccurredAt = at, ImportId = importId, ReplayId = replayId, Dossiers = [.. dossiers],
    };

    private static RecordedDossier Dossier(DateTimeOffset received, DateTimeOffset due, DateTimeOffset? finished, DossierTimeliness? timeliness) => new()
    {
        DossierId = Guid.CreateVersion7(), ProcedureCode = "P1", Field = "Hộ tịch",
        Channel = DossierChannel.InPerson, ReceivedAt = received, DueAt = due, FinishedAt = finished, Timeliness = timeliness,
        ElectronicResult = timeliness is not null, Digitised = true, HasFee = false, PaidOnline = false,
    };

    private sealed record FeedbackItem(Guid Id, DateTimeOffset ReceivedAt, DateTimeOffset? ResolvedAt, bool? Within);

    private static FeedbackItem Feedback(DateTimeOffset received, DateTimeOffset? resolved, bool? within) => new(Guid.CreateVersion7(), received, resolved, within);

    /// <summary>The desk's events of a piece of feedback: received, and resolved if it was.</summary>
    private static IEnumerable<IntegrationEvent> Steps(FeedbackItem f)
    {
        yield return new FeedbackReceived
        {
            UnitCode = Unit, ProvinceCode = "20", OccurredAt = f.ReceivedAt, FeedbackId = f.Id, Channel = FeedbackChannel.Portal, ReceivedAt = f.ReceivedAt,
            ResolveDueAt = f.ReceivedAt.AddDays(21),
        };
        if (f.ResolvedAt is { } resolved)
        {
            yield return new FeedbackResolved
            {
                UnitCode = Unit, ProvinceCode = "20", OccurredAt = resolved, FeedbackId = f.Id, ResolvedAt = resolved, WithinDeadline = f.Within!.Value,
            };
        }
    }

    private static (long Received, long Resolved) Feedback(JsonElement statistics) =>
        (statistics.GetProperty("feedback").GetProperty("received").GetInt64(), statistics.GetProperty("feedback").GetProperty("resolvedWithinDeadline").GetInt64());

    private static FeedbackRecorded Recorded(FeedbackItem f, Guid replay) => new()
    {
        UnitCode = Unit, ProvinceCode = "20", OccurredAt = Vn(2026, 11, 30), FeedbackId = f.Id, ReplayId = replay, Channel = FeedbackChannel.Portal,
        ReceivedAt = f.ReceivedAt, ResolvedAt = f.ResolvedAt, ResolvedWithinDeadline = f.Within,
    };

    private static DateTimeOffset Vn(int year, int month, int day) => new DateTimeOffset(year, month, day, 9, 0, 0, Vietnam).ToUniversalTime();
}
