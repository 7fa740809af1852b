using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Reporting;
using ParPlatform.Reporting.Data;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The counts kept per unit and day, and per unit, field and day, answer form II.06a exactly as a scan of the facts does (<see cref="DossierStatisticsSql"/>
/// over <see cref="ReportingStatisticsQuery.Tables"/>), for windows of a day to a year, for each unit and each province: after the
/// events of many dossiers arrive in any order and twice, after the facts are changed in place, and after a rebuild of a unit.
/// </summary>
public sealed class DayCountsTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly string[] Units = ["06112", "06118", "24778"];
    private static readonly string[] Fields = ["Hộ tịch", "Chứng thực", "Đất đai"];

    [Fact]
    public async Task The_counts_and_a_scan_of_the_facts_agree_after_events_in_any_order_twice_and_after_a_rebuild()
    {
        var random = new Random(21);
        var dossiers = Units.SelectMany(unit => Enumerable.Range(0, 40).Select(i => (Unit: unit, Dossier: Dossier(random, i)))).ToList();
        // Imported whole, one of them finished (by a wrong record) before it was received; the others told step by step, some imported too.
        var imported = dossiers.Where((_, i) => i % 7 == 3).ToList();
        imported[0] = (imported[0].Unit, imported[0].Dossier with
        {
            FinishedAt = imported[0].Dossier.ReceivedAt!.Value.AddDays(-2), Timeliness = DossierTimeliness.Early, ReturnReason = null,
        });
        IntegrationEvent[] events =
        [
            .. imported.GroupBy(d => d.Unit).Select(g => Recorded(g.Key, [.. g.Select(d => d.Dossier)], replayId: null)),
            .. dossiers.Where((_, i) => i % 7 != 3 || i % 2 == 0).SelectMany(d => Steps(d.Unit, d.Dossier)),
        ];
        var shuffled = events.OrderBy(_ => random.Next()).ToArray();

        await PublishAndWaitAsync(shuffled);
        await AssertCountsAgreeAsync("the events in any order");

        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync([.. shuffled.Reverse()]); // the same event ids again, as a redelivery would bring them
        var marker = Steps("06181", Dossier(random, 0)).ToArray(); // events after them, applied after them
        await reporting.PublishAsync(marker);
        await reporting.WaitForInboxAsync(before, marker.Length);
        await AssertCountsAgreeAsync("the events twice");

        // The facts changed in place (as an operator's repair would): the counts follow every row the statement changes.
        await reporting.ExecuteAsync("""
            UPDATE reporting.dossier_facts SET timeliness = 'Late', finished_at = finished_at + interval '3 days' WHERE timeliness = 'Early';
            UPDATE reporting.dossier_facts SET received_at = received_at - interval '20 hours', rated_at = NULL WHERE unit_code = '06118' AND channel = 'Online';
            """);
        await AssertCountsAgreeAsync("the facts changed in place");

        // The unit rebuilt from its source: the new generation's counts answer, the old one's are gone.
        var requests = await reporting.ListenAsync<ReadModelReplayRequested>();
        using var admin = reporting.Admin();
        using var started = await admin.PostAsJsonAsync("/api/v1/admin/reports/rebuilds", new { unitCode = "06118" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var replay = await reporting.NextAsync<ReadModelReplayRequested>(requests);
        var source = dossiers.Where(d => d.Unit == "06118").Select(d => d.Dossier).ToList();
        await PublishAndWaitAsync(
            Recorded("06118", [.. source.Take(15)], replay.ReplayId),
            Recorded("06118", [.. source.Skip(15)], replay.ReplayId),
            new DossierReplayCompleted { UnitCode = "06118", ProvinceCode = "20", ReplayId = replay.ReplayId, Dossiers = source.Count, Feedback = 0 });
        var rebuild = await admin.GetFromJsonAsync<JsonElement>(started.Headers.Location);
        Assert.Equal("completed", rebuild.GetProperty("status").GetString());
        Assert.Equal(0, await reporting.CountAsync("SELECT count(*) FROM reporting.dossier_day_counts WHERE unit_code = '06118' AND generation = 0"));
        Assert.NotEqual(0, await reporting.CountAsync("SELECT count(*) FROM reporting.dossier_day_counts WHERE unit_code = '06118' AND generation = 1"));
        Assert.Equal(0, await reporting.CountAsync("SELECT count(*) FROM reporting.dossier_field_day_counts WHERE unit_code = '06118' AND generation = 0"));
        Assert.NotEqual(0, await reporting.CountAsync("SELECT count(*) FROM reporting.dossier_field_day_counts WHERE unit_code = '06118' AND generation = 1"));
        await AssertCountsAgreeAsync("a rebuild of 06118");
    }

    /// <summary>
    /// The answers of the counts and of the scan, a row per unit and a row per unit and field, for each unit and each province, over every month, quarter and the
    /// year 2018, ten single days, and a window that is not over yet (now within it: pending is pending at now).
    /// </summary>
    private async Task AssertCountsAgreeAsync(string after)
    {
        var windows = new List<(DateWindow Window, DateTimeOffset Now)>();
        var year = new DateOnly(2018, 1, 1);
        windows.Add((new DateWindow(year, year.AddYears(1).AddDays(-1)), DateTimeOffset.MaxValue));
        for (var month = 0; month < 12; month++)
            windows.Add((new DateWindow(year.AddMonths(month), year.AddMonths(month + 1).AddDays(-1)), DateTimeOffset.MaxValue));
        for (var quarter = 0; quarter < 4; quarter++)
            windows.Add((new DateWindow(year.AddMonths(3 * quarter), year.AddMonths(3 * quarter + 3).AddDays(-1)), DateTimeOffset.MaxValue));
        for (var day = 3; day < 365; day += 37)
            windows.Add((new DateWindow(year.AddDays(day), year.AddDays(day)), DateTimeOffset.MaxValue));
        windows.Add((new DateWindow(new DateOnly(2018, 10, 1), new DateOnly(2018, 12, 31)), Vn(2018, 11, 14, 15)));

        await using var connection = new NpgsqlConnection(reporting.Database);
        await connection.OpenAsync();
        await using (var allTenants = new NpgsqlCommand("SELECT set_config('parplatform.all_tenants', 'on', false)", connection))
            await allTenants.ExecuteNonQueryAsync();
        var scopes = Units.Select(u => ("unit_code", u)).Concat([("province_code", "20"), ("province_code", "68")]);
        var compared = 0;
        var fieldsCompared = 0;
        foreach (var (scopeColumn, scope) in scopes)
        {
            foreach (var ((window, now), byField) in windows.SelectMany(w => new[] { (w, false), (w, true) }))
            {
                var counted = await DossierStatisticsSql.RunAsync(connection, ReportingStatisticsQuery.Queries(scopeColumn, byField), scope, window, now, CancellationToken.None);
                var scanned = await DossierStatisticsSql.RunAsync(connection, ReportingStatisticsQuery.Tables, scopeColumn, scope,
                    byField ? "unit_code || '/' || field" : "unit_code", window, now, CancellationToken.None);
                var where = $"{scope} {window.From}–{window.To}{(byField ? " by field" : "")}, after {after}";
                Assert.True(scanned.Total == counted.Total, $"{where}: scanned {scanned.Total}, counted {counted.Total}");
                Assert.Equal(scanned.Groups.OrderBy(g => g.Key, StringComparer.Ordinal), counted.Groups.OrderBy(g => g.Key, StringComparer.Ordinal));
                Assert.Equal(scanned.Feedback, counted.Feedback);
                if (byField)
                {
                    // The scorecard's statements: each unit, and each unit in two of the fields, without the window's edges; every rate is the scan's.
                    string[] named = [Fields[0], Fields[2]];
                    var windowOnly = await DossierStatisticsSql.RunAsync(connection, ReportingStatisticsQuery.WindowQueries(scopeColumn, named), scope, window, now, CancellationToken.None);
                    var byUnit = await DossierStatisticsSql.RunAsync(connection, ReportingStatisticsQuery.Tables, scopeColumn, scope, "unit_code", window, now, CancellationToken.None);
                    var expected = byUnit.Groups.Concat(scanned.Groups.Where(g => named.Contains(g.Key[(g.Key.IndexOf('/', StringComparison.Ordinal) + 1)..])))
                        .ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
                    fieldsCompared += windowOnly.Groups.Keys.Count(k => k.Contains('/', StringComparison.Ordinal));
                    foreach (var key in expected.Keys.Union(windowOnly.Groups.Keys))
                        Assert.True(DossierRates.Of(expected.GetValueOrDefault(key) ?? new()) == DossierRates.Of(windowOnly.Groups.GetValueOrDefault(key) ?? new()),
                            $"{where}: the rates of {key} differ");
                }
                compared += scanned.Total != new DossierCounts() ? 1 : 0;
            }
        }
        Assert.True(compared > 120, $"only {compared} windows had dossiers"); // the windows compared something
        Assert.True(fieldsCompared > 100, $"only {fieldsCompared} rows of a unit in a field were compared");
    }

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync(events);
        await reporting.WaitForInboxAsync(before, events.Length);
    }

    /// <summary>A dossier of 2018 at any hour (days begin at midnight in Vietnam): open, resolved early, on time or late, or returned; some paused, paid, rated.</summary>
    private static RecordedDossier Dossier(Random random, int i)
    {
        var received = Vn(2018, 1, 1, 0).AddHours(random.Next(365 * 24)).AddMinutes(random.Next(60));
        var due = received.AddDays(random.Next(1, 10));
        var outcome = random.Next(6);
        var finished = outcome == 0 ? (DateTimeOffset?)null : received.AddHours(random.Next(1, 20 * 24));
        DossierTimeliness? timeliness = outcome switch
        {
            1 => DossierTimeliness.Early,
            2 => DossierTimeliness.OnTime,
            3 or 4 => DossierTimeliness.Late,
            _ => null,
        };
        var hasFee = random.Next(3) == 0;
        var rated = finished is not null && random.Next(3) == 0;
        return new RecordedDossier
        {
            DossierId = Guid.CreateVersion7(), ProcedureCode = "P1", Field = Fields[i % Fields.Length], Channel = (DossierChannel)random.Next(3),
            ReceivedAt = received, DueAt = due, PausedAt = outcome == 0 && random.Next(2) == 0 ? received.AddHours(random.Next(1, 300)) : null,
            FinishedAt = finished, Timeliness = timeliness, ReturnReason = outcome == 5 ? DossierReturnReason.NotEligible : null,
            ElectronicResult = timeliness is not null && random.Next(2) == 0, Digitised = random.Next(2) == 0, HasFee = hasFee,
            PaidOnline = hasFee && random.Next(2) == 0,
            ApologyIssuedAt = timeliness == DossierTimeliness.Late && random.Next(2) == 0 ? finished!.Value.AddHours(-2) : null,
            Rating = rated ? (DossierRating)random.Next(3) : null, RatedAt = rated ? finished!.Value.AddHours(random.Next(1, 48)) : null,
        };
    }

    /// <summary>The dossiers service's events of the dossier, one per step it took.</summary>
    private static IEnumerable<IntegrationEvent> Steps(string unit, RecordedDossier d)
    {
        var province = unit == "24778" ? "68" : "20";
        var (received, due) = (d.ReceivedAt!.Value, d.DueAt!.Value);
        yield return new DossierReceived
        {
            UnitCode = unit, ProvinceCode = province, OccurredAt = received, DossierId = d.DossierId, ProcedureCode = "P1", Field = d.Field,
            Channel = d.Channel, ReceivedAt = received, DueAt = due, Digitised = d.Digitised, HasFee = d.HasFee,
        };
        if (d.PausedAt is { } paused)
        {
            yield return new DossierSupplementRequested
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = paused, DossierId = d.DossierId, Field = d.Field, RequestedAt = paused,
            };
        }
        if (d.HasFee)
        {
            yield return new DossierFeesPaid
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = received.AddHours(1), DossierId = d.DossierId, Field = d.Field,
                PaidAt = received.AddHours(1), PaidOnline = d.PaidOnline,
            };
        }
        if (d.FinishedAt is { } finished && d.ReturnReason is { } reason)
        {
            yield return new DossierReturned
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = finished, DossierId = d.DossierId, Field = d.Field, ReturnedAt = finished, Reason = reason,
            };
        }
        else if (d.FinishedAt is { } resolved)
        {
            yield return new DossierResolved
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = resolved, DossierId = d.DossierId, Field = d.Field, ResolvedAt = resolved,
                DueAt = due, Timeliness = d.Timeliness!.Value, ElectronicResult = d.ElectronicResult,
            };
        }
        if (d.ApologyIssuedAt is { } apology)
        {
            yield return new DossierApologyIssued
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = apology, DossierId = d.DossierId, Field = d.Field, IssuedAt = apology,
                NewDueDate = DateOnly.FromDateTime(apology.AddDays(3).DateTime),
            };
        }
        if (d.RatedAt is { } rated)
        {
            yield return new DossierRated
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = rated, DossierId = d.DossierId, Field = d.Field, Rating = d.Rating!.Value, RatedAt = rated,
            };
        }
    }

    private static DossiersRecorded Recorded(string unit, IReadOnlyList<RecordedDossier> dossiers, Guid? replayId) => new()
    {
        UnitCode = unit, ProvinceCode = unit == "24778" ? "68" : "20", OccurredAt = Vn(2018, 12, 31, 9),
        ImportId = replayId is null ? Guid.CreateVersion7() : null, ReplayId = replayId, Dossiers = [.. dossiers],
    };

    private static DateTimeOffset Vn(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, Vietnam).ToUniversalTime();
}
