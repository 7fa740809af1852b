using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Reporting.Events;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The read model fed by dossier events published to RabbitMQ, and what it answers: the province's
/// table against a hand-computed example, events twice or out of order, the periods and their
/// settings, and who may read what. Each test uses its own year, so their dossiers never meet.
/// </summary>
public sealed class ReportingTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_province_rate_is_its_units_numerators_over_their_denominators_and_every_unit_is_a_row()
    {
        // Lương Văn Tri: 1 dossier, resolved on time (100 %). Chi Lăng: 10 resolved, 1 of them on time (10 %).
        // An average of the percentages would say 55 %; the province resolved 2 of 11 on time: 18.18 %.
        var events = new List<IntegrationEvent>();
        events.AddRange(Resolved("06118", Vn(2023, 3, 6, 9), Vn(2023, 3, 10, 16), Vn(2023, 3, 10, 10), DossierTimeliness.OnTime));
        for (var i = 0; i < 10; i++)
        {
            events.AddRange(Resolved("06181", Vn(2023, 3, 6, 9), Vn(2023, 3, 8, 16), Vn(2023, 3, i == 0 ? 7 : 15, 10),
                i == 0 ? DossierTimeliness.Early : DossierTimeliness.Late));
        }
        await PublishAndWaitAsync([.. events]);
        using var reviewer = reporting.Reviewer("20");

        var body = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/provinces/20/reports/statistics/dossiers?from=2023-03-01&to=2023-03-31");

        var total = body.GetProperty("total");
        Assert.Equal(11, total.GetProperty("resolved").GetProperty("total").GetInt64());
        Assert.Equal((2, 11, 18.18m), RateOf(total, "onTime"));
        var units = body.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["06118", "06181", "06112"], units.Select(u => u.GetProperty("unitCode").GetString()));
        Assert.Equal([1, 2, (int?)null], units.Select(u => u.GetProperty("rank").ValueKind == JsonValueKind.Null ? null : (int?)u.GetProperty("rank").GetInt32()));
        Assert.Equal((1, 1, 100m), RateOf(units[0].GetProperty("statistics"), "onTime"));
        Assert.Equal((1, 10, 10m), RateOf(units[1].GetProperty("statistics"), "onTime"));
        Assert.Equal("Phường Tam Thanh", units[2].GetProperty("unitName").GetString());
        Assert.Equal(0, units[2].GetProperty("statistics").GetProperty("total").GetInt64()); // no dossiers: a row of zeros, not missing
        Assert.Equal("onTime", body.GetProperty("rankBy").GetString());
        Assert.DoesNotContain(units, u => u.GetProperty("unitCode").GetString() == "24778"); // another province's unit
    }

    [Fact]
    public async Task Events_delivered_twice_change_nothing()
    {
        var id = Guid.CreateVersion7();
        IntegrationEvent[] events =
        [
            .. Resolved("06118", Vn(2022, 5, 2, 9), Vn(2022, 5, 6, 16), Vn(2022, 5, 5, 10), DossierTimeliness.Early, id),
            Rated(id, "06118", Vn(2022, 5, 5, 11), DossierRating.VerySatisfied),
        ];
        await PublishAndWaitAsync(events);
        using var officer = reporting.Officer("06118");
        var once = await UnitStatisticsAsync(officer, "06118", "2022-05-01", "2022-05-31");
        var before = await reporting.InboxCountAsync();

        await reporting.PublishAsync(events); // the same event ids again, as a redelivery would bring them
        await reporting.PublishAsync(Resolved("06118", Vn(2022, 6, 1, 9), Vn(2022, 6, 3, 16), Vn(2022, 6, 2, 9), DossierTimeliness.Early)); // a marker after them
        await reporting.WaitForInboxAsync(before, 2);
        var twice = await UnitStatisticsAsync(officer, "06118", "2022-05-01", "2022-05-31");

        Assert.Equal(1, once.GetProperty("total").GetProperty("resolved").GetProperty("early").GetInt64());
        Assert.Equal(1, once.GetProperty("total").GetProperty("ratings").GetProperty("verySatisfied").GetInt64());
        Assert.Equal(ReportingFixture.NumbersOf(once), ReportingFixture.NumbersOf(twice));
    }

    [Fact]
    public async Task An_applied_event_is_a_measurement_of_the_read_model_lag_histogram()
    {
        using var lag = new MetricCollector<double>(
            reporting.Service.Services.GetRequiredService<IMeterFactory>(), ReadModelLag.MeterName, ReadModelLag.InstrumentName);
        var anHourAgo = reporting.Clock.GetUtcNow().AddHours(-1); // changes at the source an hour ago, say the broker was down

        await PublishAndWaitAsync([.. Resolved("06112", Vn(2016, 6, 1, 9), Vn(2016, 6, 3, 16), Vn(2016, 6, 2, 10), DossierTimeliness.Early)
            .Select(e => e with { OccurredAt = anHourAgo })]);

        // One measurement per event: an hour, and the little time the publishing and the applying took.
        var measurements = lag.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.InRange(m.Value, 3600, 3600 + 60));
    }

    [Fact]
    public async Task The_statistics_say_whether_events_are_not_in_the_numbers_yet()
    {
        await PublishAndWaitAsync([.. Resolved("06112", Vn(2015, 6, 1, 9), Vn(2015, 6, 3, 16), Vn(2015, 6, 2, 10), DossierTimeliness.Early)]);
        using var officer = reporting.Officer("06112");
        using var reviewer = reporting.Reviewer("20");
        var upToDate = await EventuallyReadModelAsync(officer, "/api/v1/units/06112/reports/statistics/dossiers?from=2015-06-01&to=2015-06-30",
            m => m.GetProperty("upToDate").GetBoolean());
        Assert.Equal((0, 0), (upToDate.GetProperty("waitingEvents").GetInt64(), upToDate.GetProperty("failedEvents").GetInt64()));
        Assert.True(upToDate.GetProperty("medianLagSeconds").GetDouble() >= 0);

        // An event set aside in an error queue (it failed; an operator has not replayed it) is not in the numbers.
        const string errorQueue = "reporting.dossier-received_error";
        await reporting.PutInQueueAsync(errorQueue, "{}");
        try
        {
            foreach (var (client, path) in new[]
            {
                (officer, "/api/v1/units/06112/reports/statistics/dossiers?from=2015-06-01&to=2015-06-30"),
                (reviewer, "/api/v1/provinces/20/reports/statistics/dossiers?from=2015-06-01&to=2015-06-30"),
            })
            {
                var behind = await EventuallyReadModelAsync(client, path, m => m.GetProperty("failedEvents").GetInt64() == 1);
                Assert.False(behind.GetProperty("upToDate").GetBoolean());
            }
        }
        finally
        {
            await reporting.PurgeAsync(errorQueue);
        }
    }

    private static async Task<JsonElement> EventuallyReadModelAsync(HttpClient client, string path, Func<JsonElement, bool> until)
    {
        for (var attempt = 0; ; attempt++)
        {
            var readModel = (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("readModel");
            if (until(readModel))
                return readModel;
            if (attempt == 100)
                Assert.Fail($"The read model's status never came to the expected one: {readModel.GetRawText()}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_events_of_a_dossier_in_any_order_give_the_same_numbers()
    {
        // One dossier: received 02/03 due 09/03, paused 04/03 (before its due date), supplemented 08/03 with a new due date 12/03,
        // paid online, then left open. In order, it is pending within its deadline at the end of 10/03 and overdue at the end of 12/03.
        // Its four events may be applied in any of their 24 orders: each order is the same story in a year of its own.
        var orders = Permutations([0, 1, 2, 3]).ToList();
        Assert.Equal(24, orders.Count);
        var years = Enumerable.Range(1990, orders.Count).ToList();
        var stories = years.Select(Story).ToList();
        // Each event type has its own queue, so one story's events are applied in its order only if each waits for the one before.
        for (var step = 0; step < 4; step++)
            await PublishAndWaitAsync([.. orders.Zip(stories).Select(o => o.Second[o.First[step]])]);
        using var officer = reporting.Officer("06181");

        // The dossiers of the earlier years are still open: carried over into each later window, and overdue in it.
        foreach (var (order, year, earlier) in orders.Zip(years, Enumerable.Range(0, orders.Count)))
        {
            var tenth = (await UnitStatisticsAsync(officer, "06181", $"{year}-03-01", $"{year}-03-10")).GetProperty("total");
            var twelfth = (await UnitStatisticsAsync(officer, "06181", $"{year}-03-01", $"{year}-03-12")).GetProperty("total");

            var delivered = $"events delivered in the order {string.Join(", ", order)}, in {year}";
            Assert.True((1L, (long)earlier) == Pending(tenth), $"pending at the end of 10/03, {delivered}: {tenth}");
            Assert.True((0L, earlier + 1L) == Pending(twelfth), $"pending at the end of 12/03, {delivered}: {twelfth}");
            Assert.True((1L, 1L, 100m) == RateOf(tenth, "onlinePayment"), $"online payment, {delivered}: {tenth}");
            Assert.True((1L, 1L, 100m) == RateOf(tenth, "digitisation"), $"digitisation, {delivered}: {tenth}");
        }
    }

    /// <summary>The dossier of <see cref="The_events_of_a_dossier_in_any_order_give_the_same_numbers"/> in <paramref name="year"/>, its events in their order.</summary>
    private static IntegrationEvent[] Story(int year)
    {
        var id = Guid.CreateVersion7();
        return
        [
            new DossierReceived
            {
                UnitCode = "06181", ProvinceCode = "20", OccurredAt = Vn(year, 3, 2, 9), DossierId = id, ProcedureCode = "P1", Field = "Hộ tịch",
                Channel = DossierChannel.Online, ReceivedAt = Vn(year, 3, 2, 9), DueAt = Vn(year, 3, 9, 9), Digitised = true, HasFee = true,
            },
            new DossierSupplementRequested { UnitCode = "06181", ProvinceCode = "20", OccurredAt = Vn(year, 3, 4, 9), DossierId = id, Field = "Hộ tịch", RequestedAt = Vn(year, 3, 4, 9) },
            new DossierSupplemented
            {
                UnitCode = "06181", ProvinceCode = "20", OccurredAt = Vn(year, 3, 8, 9), DossierId = id, Field = "Hộ tịch", SupplementedAt = Vn(year, 3, 8, 9),
                DueAt = Vn(year, 3, 12, 9),
            },
            new DossierFeesPaid { UnitCode = "06181", ProvinceCode = "20", OccurredAt = Vn(year, 3, 8, 10), DossierId = id, Field = "Hộ tịch", PaidAt = Vn(year, 3, 8, 10), PaidOnline = true },
        ];
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(first => Permutations([.. items.Where(i => i != first)]).Select(rest => (int[])[first, .. rest]));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_imported_dossier_and_its_later_steps_merge_in_either_order(bool recordedFirst)
    {
        // Imported open and paused on 05/04/2019 (due 03/04, so overdue since the pause came after it); then the desk resolves it late on 10/04.
        var id = Guid.CreateVersion7();
        var unit = recordedFirst ? "06112" : "06118";
        var recorded = new DossiersRecorded
        {
            UnitCode = unit, ProvinceCode = "20", OccurredAt = Vn(2019, 4, 6, 9), ImportId = Guid.CreateVersion7(),
            Dossiers =
            [
                new RecordedDossier
                {
                    DossierId = id, ProcedureCode = "P1", Field = "Đất đai", Channel = DossierChannel.Postal, ReceivedAt = Vn(2019, 4, 1, 9),
                    DueAt = Vn(2019, 4, 3, 9), PausedAt = Vn(2019, 4, 5, 9), ElectronicResult = false, Digitised = true, HasFee = true, PaidOnline = false,
                },
            ],
        };
        IntegrationEvent[] steps =
        [
            new DossierSupplemented
            {
                UnitCode = unit, ProvinceCode = "20", OccurredAt = Vn(2019, 4, 8, 9), DossierId = id, Field = "Đất đai", SupplementedAt = Vn(2019, 4, 8, 9),
                DueAt = Vn(2019, 4, 3, 9),
            },
            new DossierResolved
            {
                UnitCode = unit, ProvinceCode = "20", OccurredAt = Vn(2019, 4, 10, 9), DossierId = id, Field = "Đất đai", ResolvedAt = Vn(2019, 4, 10, 9),
                DueAt = Vn(2019, 4, 3, 9), Timeliness = DossierTimeliness.Late, ElectronicResult = true,
            },
        ];
        await PublishAndWaitAsync(recordedFirst ? [recorded, .. steps] : [.. steps, recorded]);
        using var officer = reporting.Officer(unit);

        var sixth = (await UnitStatisticsAsync(officer, unit, "2019-04-01", "2019-04-06")).GetProperty("total");
        var april = (await UnitStatisticsAsync(officer, unit, "2019-04-01", "2019-04-30")).GetProperty("total");

        Assert.Equal((0, 1), Pending(sixth)); // paused after its due date: still overdue
        Assert.Equal(1, sixth.GetProperty("received").GetProperty("inPersonOrPostal").GetInt64());
        Assert.Equal(1, april.GetProperty("resolved").GetProperty("late").GetInt64());
        Assert.Equal((1, 1, 100m), RateOf(april, "electronicResult"));
        Assert.Equal((1, 1, 100m), RateOf(april, "digitisation"));
        Assert.Equal((0, 1, 0m), RateOf(april, "onlinePayment"));
    }

    [Fact]
    public async Task Periods_follow_the_province_settings_and_a_statistics_period_is_its_window()
    {
        using var reviewer = reporting.Reviewer("68");
        var defaults = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/provinces/68/reports/periods?year=2024");
        var q1 = defaults.GetProperty("periods")[0];
        Assert.Equal(["2024-Q1", "2024-6M", "2024-Q3", "2024-Y"], defaults.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(("2023-12-01", "2024-02-29", "2024-03-05"), (q1.GetProperty("from").GetString(), q1.GetProperty("to").GetString(), q1.GetProperty("due").GetString()));

        var settings = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/provinces/68/reports/period-settings")).GetProperty("settings");
        Assert.True((await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/provinces/68/reports/period-settings")).GetProperty("isDefault").GetBoolean());
        // Lâm Đồng moves its third-quarter window to June–September, due 10 October.
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        changed["q3"] = JsonSerializer.SerializeToElement(new
        {
            start = new { month = 6, day = 1 }, startsInPreviousYear = false, end = new { month = 9, day = 30 }, due = new { month = 10, day = 10 },
        });
        var backwards = new Dictionary<string, JsonElement>(changed)
        {
            ["q3"] = JsonSerializer.SerializeToElement(new
            {
                start = new { month = 9, day = 1 }, startsInPreviousYear = false, end = new { month = 6, day = 30 }, due = new { month = 10, day = 10 },
            }),
        };
        using var refused = await reviewer.PutAsJsonAsync("/api/v1/provinces/68/reports/period-settings", backwards);
        using var saved = await reviewer.PutAsJsonAsync("/api/v1/provinces/68/reports/period-settings", changed);
        using var byOfficer = await reporting.Officer("24778").PutAsJsonAsync("/api/v1/provinces/68/reports/period-settings", changed);
        var q3 = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/provinces/68/reports/periods?year=2026")).GetProperty("periods")[2];
        var unaffected = (await reporting.Reviewer("20").GetFromJsonAsync<JsonElement>("/api/v1/provinces/20/reports/periods?year=2026")).GetProperty("periods")[2];

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("quý III", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(("2026-06-01", "2026-09-30", "2026-10-10"), (q3.GetProperty("from").GetString(), q3.GetProperty("to").GetString(), q3.GetProperty("due").GetString()));
        Assert.Equal("2026-08-31", unaffected.GetProperty("to").GetString());

        // A period's statistics are those of its window, in the unit's province's settings.
        await PublishAndWaitAsync([.. Resolved("24778", Vn(2020, 9, 15, 9), Vn(2020, 9, 25, 16), Vn(2020, 9, 21, 10), DossierTimeliness.Early)]);
        using var officer = reporting.Officer("24778");
        var byPeriod = await officer.GetFromJsonAsync<JsonElement>("/api/v1/units/24778/reports/statistics/dossiers?period=2020-q3");
        var byDates = await UnitStatisticsAsync(officer, "24778", "2020-06-01", "2020-09-30");
        Assert.Equal("2020-Q3", byPeriod.GetProperty("period").GetString());
        Assert.Equal(("2020-06-01", "2020-09-30"), (byPeriod.GetProperty("from").GetString(), byPeriod.GetProperty("to").GetString()));
        Assert.Equal(1, byPeriod.GetProperty("total").GetProperty("resolved").GetProperty("total").GetInt64());
        Assert.Equal(byDates.GetProperty("total").GetRawText(), byPeriod.GetProperty("total").GetRawText());
    }

    [Theory]
    [InlineData("period=2026-Q5", "period")]
    [InlineData("period=2026-Q1&from=2026-01-01&to=2026-01-31", "period")]
    [InlineData("", "period")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("period=2026-Q1&rankBy=speed", "rankBy")]
    public async Task A_bad_window_or_rate_is_a_400_naming_the_field(string query, string field)
    {
        using var reviewer = reporting.Reviewer("20");

        using var response = await reviewer.GetAsync(new Uri($"/api/v1/provinces/20/reports/statistics/dossiers?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Province_views_are_the_province_reviewers_and_a_unit_is_its_own_and_its_provinces()
    {
        const string Province = "/api/v1/provinces/20/reports/statistics/dossiers?period=2026-Q1";
        const string Unit = "/api/v1/units/06112/reports/statistics/dossiers?period=2026-Q1";

        using var officer = await reporting.Officer("06112").GetAsync(new Uri(Province, UriKind.Relative));
        using var otherReviewer = await reporting.Reviewer("68").GetAsync(new Uri(Province, UriKind.Relative));
        using var otherReviewerUnit = await reporting.Reviewer("68").GetAsync(new Uri(Unit, UriKind.Relative));
        using var otherOfficer = await reporting.Officer("06181").GetAsync(new Uri(Unit, UriKind.Relative));
        using var reviewerUnit = await reporting.Reviewer("20").GetAsync(new Uri(Unit, UriKind.Relative));
        using var ownOfficer = await reporting.Officer("06112").GetAsync(new Uri(Unit, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReviewerUnit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewerUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownOfficer.StatusCode);
    }

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync(events);
        await reporting.WaitForInboxAsync(before, events.Length);
    }

    private static async Task<JsonElement> UnitStatisticsAsync(HttpClient client, string unit, string from, string to) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/reports/statistics/dossiers?from={from}&to={to}");

    /// <summary>A dossier received in person and resolved: its DossierReceived and DossierResolved.</summary>
    private static IntegrationEvent[] Resolved(
        string unit, DateTimeOffset received, DateTimeOffset due, DateTimeOffset resolved, DossierTimeliness timeliness, Guid? id = null)
    {
        var dossier = id ?? Guid.CreateVersion7();
        var province = unit == "24778" ? "68" : "20";
        return
        [
            new DossierReceived
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = received, DossierId = dossier, ProcedureCode = "P1", Field = "Chứng thực",
                Channel = DossierChannel.InPerson, ReceivedAt = received, DueAt = due, Digitised = false, HasFee = false,
            },
            new DossierResolved
            {
                UnitCode = unit, ProvinceCode = province, OccurredAt = resolved, DossierId = dossier, Field = "Chứng thực", ResolvedAt = resolved,
                DueAt = due, Timeliness = timeliness, ElectronicResult = true,
            },
        ];
    }

    private static DossierRated Rated(Guid id, string unit, DateTimeOffset at, DossierRating rating) => new()
    {
        UnitCode = unit, ProvinceCode = "20", OccurredAt = at, DossierId = id, Field = "Chứng thực", Rating = rating, RatedAt = at,
    };

    private static (long Within, long Overdue) Pending(JsonElement row) =>
        (row.GetProperty("pending").GetProperty("withinDeadline").GetInt64(), row.GetProperty("pending").GetProperty("overdue").GetInt64());

    private static (long Numerator, long Denominator, decimal? Percent) RateOf(JsonElement row, string rate)
    {
        var r = row.GetProperty("rates").GetProperty(rate);
        return (r.GetProperty("numerator").GetInt64(), r.GetProperty("denominator").GetInt64(),
            r.GetProperty("percent").ValueKind == JsonValueKind.Null ? null : r.GetProperty("percent").GetDecimal());
    }

    private static DateTimeOffset Vn(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, Vietnam).ToUniversalTime();
}
