using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.StatisticsHistory;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// Form II.06a (GET /api/v1/units/{unit}/dossiers/statistics) against dossier rows written straight
/// into PostgreSQL: random histories checked against a plain reference computed here, a small
/// history computed by hand, and the bad requests.
/// </summary>
public sealed class DossierStatisticsTests : IClassFixture<DossiersFixture>, IDisposable
{
    private readonly DossiersFixture dossiers;

    public DossierStatisticsTests(DossiersFixture dossiers)
    {
        this.dossiers = dossiers;
        dossiers.Clock.Now = Now;
    }

    public void Dispose() => dossiers.Clock.Now = null;

    private const string Province = "20";

    /// <summary>What every random history must exercise in some window, or the comparison proves little.</summary>
    private static readonly string[] RequiredCoverage =
    [
        "carried-over", "received-online", "received-other", "early", "on-time", "late", "late-with-apology", "electronic-result",
        "pending-within", "pending-overdue", "paused-before-due", "paused-after-due", "due-at-end", "returned-NotEligible", "returned-Withdrawn",
        "digitised", "paid-online", "rated-VerySatisfied", "rated-Satisfied", "rated-NotSatisfied", "finished-at-start",
        "received-at-start", "received-at-end", "finished-at-end", "paused-at-end", "rated-at-start", "rated-at-end", "empty-window",
        "feedback-within", "feedback-late", "feedback-received-at-start", "feedback-resolved-at-end",
    ];

    // ---------------------------------------------------------------- 1. random histories

    [Theory]
    [InlineData(1, "06118")]
    [InlineData(20251001, "06119")]
    [InlineData(424242, "06121")]
    public async Task Random_histories_match_a_plain_reference_in_every_window(int seed, string unit)
    {
        var random = new Random(seed);
        var history = GenerateDossiers(random, unit);
        var feedback = GenerateFeedback(random, unit);
        await AddUnitAsync(unit);
        await InsertAsync(history, feedback);
        var windows = RandomWindows(random, history, feedback);
        using var officer = dossiers.Officer(unit);

        var mismatches = new List<string>();
        var coverage = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in windows)
        {
            var where = $"seed {seed}, unit {unit}, window {Day(from)}..{Day(to)}";
            var body = await GetStatisticsAsync(officer, unit, from, to, where);
            var expected = Reference(history, feedback, from, to, coverage);

            Compare(mismatches, where, "unitCode", unit, body.GetProperty("unitCode").GetString());
            Compare(mismatches, where, "from", Day(from), body.GetProperty("from").GetString());
            Compare(mismatches, where, "to", Day(to), body.GetProperty("to").GetString());
            var total = body.GetProperty("total");
            Compare(mismatches, where, "total.field", null, total.GetProperty("field").GetString());
            CompareRow(mismatches, $"{where}, total", expected.Total, Flatten(total));
            var fields = body.GetProperty("fields").EnumerateArray().ToList();
            Compare(mismatches, where, "fields", string.Join(" | ", expected.Fields.Keys),
                string.Join(" | ", fields.Select(f => f.GetProperty("field").GetString())));
            foreach (var field in fields)
            {
                var name = field.GetProperty("field").GetString()!;
                if (expected.Fields.TryGetValue(name, out var row))
                    CompareRow(mismatches, $"{where}, field {name}", row, Flatten(field));
            }
            CompareRow(mismatches, $"{where}, feedback", expected.Feedback, Flatten(body.GetProperty("feedback")));

            // (a) the identity, read from the answer alone, for the total and each field.
            foreach (var row in fields.Prepend(total))
            {
                var label = row.GetProperty("field").GetString() ?? "total";
                var left = row.GetProperty("carriedOver").GetInt64() + row.GetProperty("received").GetProperty("total").GetInt64();
                var right = row.GetProperty("resolved").GetProperty("total").GetInt64() + row.GetProperty("pending").GetProperty("total").GetInt64()
                    + row.GetProperty("returnedWithdrawnNotEligible").GetInt64();
                if (left != right)
                    mismatches.Add($"{where}, {label}: carried over + received = {left} but resolved + pending + returned = {right}");
                if (row.GetProperty("total").GetInt64() != left)
                    mismatches.Add($"{where}, {label}: total {row.GetProperty("total").GetInt64()} is not carried over + received = {left}");
            }

            // (c) the field rows add up to the total row (every count, and every rate's numerator and denominator).
            var sums = new SortedDictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var (key, value) in fields.SelectMany(Flatten).Where(e => !e.Key.EndsWith(".percent", StringComparison.Ordinal)))
                sums[key] = (sums.GetValueOrDefault(key) ?? 0) + value;
            foreach (var (key, value) in Flatten(total).Where(e => !e.Key.EndsWith(".percent", StringComparison.Ordinal)))
            {
                var sum = sums.GetValueOrDefault(key) ?? 0;
                if (sum != value)
                    mismatches.Add($"{where}: the fields' {key} add up to {Text(sum)}, the total row says {Text(value)}");
            }
        }

        Assert.True(mismatches.Count == 0, $"seed {seed}: {mismatches.Count} mismatches\n" + string.Join('\n', mismatches.Take(60)));
        var missing = RequiredCoverage.Where(c => !coverage.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"seed {seed}: the random history never exercised {string.Join(", ", missing)}");
    }

    // ---------------------------------------------------------------- 2. a history computed by hand

    [Fact]
    public async Task A_small_history_gives_the_hand_computed_II_06a_rows_for_March_2026()
    {
        const string unit = "06124";
        const string civil = "Hộ tịch", certify = "Chứng thực";
        DossierRow D(string field, DossierChannel channel, DateTimeOffset? received, DateTimeOffset? due, DossierStatus status) => new()
        {
            UnitCode = unit, Field = field, Channel = channel, Status = status, RegisteredAt = received ?? Vietnam(2026, 3, 10),
            ReceivedAt = received, DueAt = due,
        };
        var history = new List<DossierRow>
        {
            // 1 carried over (received in February), resolved late at exactly 00:00 of 1 March, with an apology, electronic result.
            D(civil, DossierChannel.InPerson, Vietnam(2026, 2, 20, 9), Vietnam(2026, 2, 27, 17), DossierStatus.Resolved) with
            {
                FinishedAt = Vietnam(2026, 3, 1), Timeliness = Timeliness.Late, ApologyIssuedAt = Vietnam(2026, 2, 25, 10), ElectronicResult = true,
            },
            // 2 online, resolved early, electronic, digitised, fee paid online, rated very satisfied.
            D(civil, DossierChannel.Online, Vietnam(2026, 3, 2, 8), Vietnam(2026, 3, 5, 17), DossierStatus.ResultReturned) with
            {
                FinishedAt = Vietnam(2026, 3, 4, 10), Timeliness = Timeliness.Early, ElectronicResult = true, Digitised = true,
                HasFee = true, PaidOnline = true, Rating = DossierRating.VerySatisfied, RatedAt = Vietnam(2026, 3, 6, 9),
            },
            // 3 online, resolved on the due day, paper result, digitised, fee paid at the desk, rated satisfied.
            D(civil, DossierChannel.Online, Vietnam(2026, 3, 10, 8), Vietnam(2026, 3, 12, 17), DossierStatus.Resolved) with
            {
                FinishedAt = Vietnam(2026, 3, 12, 15), Timeliness = Timeliness.OnTime, Digitised = true, HasFee = true,
                Rating = DossierRating.Satisfied, RatedAt = Vietnam(2026, 3, 13, 10),
            },
            // 4 in person, open and within its deadline at the end of March, digitised.
            D(civil, DossierChannel.InPerson, Vietnam(2026, 3, 20, 9), Vietnam(2026, 4, 10, 17), DossierStatus.Processing) with { Digitised = true },
            // 5 in person, returned as not eligible, with a fee never paid.
            D(civil, DossierChannel.InPerson, Vietnam(2026, 3, 5, 9), Vietnam(2026, 3, 15, 17), DossierStatus.ReturnedNotEligible) with
            {
                FinishedAt = Vietnam(2026, 3, 6, 10), ReturnReason = DossierReturnReason.NotEligible, HasFee = true,
            },
            // 6 received exactly at 00:00 of 1 April, the window's end: not counted.
            D(civil, DossierChannel.Online, Vietnam(2026, 4, 1), Vietnam(2026, 4, 3, 17), DossierStatus.Received) with { Digitised = true },
            // 7 resolved in February, rated very satisfied in March: only the rating counts.
            D(civil, DossierChannel.Online, Vietnam(2026, 2, 2, 8), Vietnam(2026, 2, 6, 17), DossierStatus.ResultReturned) with
            {
                FinishedAt = Vietnam(2026, 2, 5, 10), Timeliness = Timeliness.Early, Rating = DossierRating.VerySatisfied, RatedAt = Vietnam(2026, 3, 2, 9),
            },
            // 8 registered online in March, never received: not counted.
            D(civil, DossierChannel.Online, null, null, DossierStatus.Registered),
            // 9 in person, resolved late, no apology, electronic, fee paid at the desk, rated not satisfied.
            D(certify, DossierChannel.InPerson, Vietnam(2026, 3, 3, 9), Vietnam(2026, 3, 4, 17), DossierStatus.Resolved) with
            {
                FinishedAt = Vietnam(2026, 3, 6, 10), Timeliness = Timeliness.Late, ElectronicResult = true, HasFee = true,
                Rating = DossierRating.NotSatisfied, RatedAt = Vietnam(2026, 3, 9, 9),
            },
            // 10 by post, open past its due date: overdue; digitised, fee paid online.
            D(certify, DossierChannel.Postal, Vietnam(2026, 3, 16, 9), Vietnam(2026, 3, 20, 17), DossierStatus.Processing) with
            {
                Digitised = true, HasFee = true, PaidOnline = true,
            },
            // 11 online, past its due date but waiting for supplements since before it: within deadline; digitised.
            D(certify, DossierChannel.Online, Vietnam(2026, 3, 17, 9), Vietnam(2026, 3, 20, 17), DossierStatus.SupplementRequested) with
            {
                PausedAt = Vietnam(2026, 3, 19, 10), Digitised = true,
            },
            // 12 carried over (received in February), withdrawn in March.
            D(certify, DossierChannel.Online, Vietnam(2026, 2, 25, 9), Vietnam(2026, 3, 10, 17), DossierStatus.Stopped) with
            {
                FinishedAt = Vietnam(2026, 3, 9, 10), ReturnReason = DossierReturnReason.Withdrawn,
            },
            // 13 in person, resolved exactly at 00:00 of 1 April: still pending (within deadline) in March.
            D(certify, DossierChannel.InPerson, Vietnam(2026, 3, 25, 9), Vietnam(2026, 4, 2, 17), DossierStatus.Resolved) with
            {
                FinishedAt = Vietnam(2026, 4, 1), Timeliness = Timeliness.Early, ElectronicResult = true,
            },
            // 14 returned one second before 1 March: finished before the window, not counted.
            D(certify, DossierChannel.InPerson, Vietnam(2026, 2, 10, 9), Vietnam(2026, 2, 20, 17), DossierStatus.ReturnedNotEligible) with
            {
                FinishedAt = Vietnam(2026, 2, 28, 23, 59, 59), ReturnReason = DossierReturnReason.NotEligible,
            },
        };
        var feedback = new List<FeedbackRow>
        {
            new(unit, Vietnam(2026, 2, 20, 9), Vietnam(2026, 3, 3, 9), true), // resolved in March, within deadline
            new(unit, Vietnam(2026, 3, 5, 9), Vietnam(2026, 3, 20, 9), true), // received and resolved, within deadline
            new(unit, Vietnam(2026, 3, 10, 9), Vietnam(2026, 4, 1), true), // received; resolved at the end: not in March
            new(unit, Vietnam(2026, 3, 2, 9), Vietnam(2026, 3, 30, 9), false), // received and resolved, late
            new(unit, Vietnam(2026, 1, 10, 9), Vietnam(2026, 2, 28, 23), true), // all before March
            new(unit, Vietnam(2026, 4, 1), null, null), // received at the end: not in March
            new(unit, Vietnam(2026, 3, 1), null, null), // received at the start, open
            new(unit, Vietnam(2026, 3, 15, 9), Vietnam(2026, 3, 31, 23, 59, 59), true), // received and resolved, within deadline
        };
        await AddUnitAsync(unit);
        await InsertAsync(history, feedback);
        using var officer = dossiers.Officer(unit);

        var body = await GetStatisticsAsync(officer, unit, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "March 2026");
        var fields = body.GetProperty("fields").EnumerateArray().ToList();

        // carriedOver | received total/online/other | resolved total/early/onTime/late | pending total/within/overdue | returned | total
        // | ratings total/very/satisfied/not | rates numerator/denominator/percent.
        Assert.Equal(
            "carriedOver=2 received=8/3/5 resolved=4/1/1/2 pending=4/3/1 returned=2 total=10 ratings=4/2/1/1 " +
            "onTime=2/4/50 online=3/8/37.5 electronicResult=3/4/75 digitisation=5/8/62.5 satisfaction=3/4/75 " +
            "verySatisfied=2/4/50 onlinePayment=2/5/40 apologyCoverage=1/2/50",
            Describe(body.GetProperty("total")));
        Assert.Equal($"{certify} | {civil}", string.Join(" | ", fields.Select(f => f.GetProperty("field").GetString())));
        Assert.Equal(
            "carriedOver=1 received=4/1/3 resolved=1/0/0/1 pending=3/2/1 returned=1 total=5 ratings=1/0/0/1 " +
            "onTime=0/1/0 online=1/4/25 electronicResult=1/1/100 digitisation=2/4/50 satisfaction=0/1/0 " +
            "verySatisfied=0/1/0 onlinePayment=1/2/50 apologyCoverage=0/1/0",
            Describe(fields[0]));
        Assert.Equal(
            "carriedOver=1 received=4/2/2 resolved=3/1/1/1 pending=1/1/0 returned=1 total=5 ratings=3/2/1/0 " +
            "onTime=2/3/66.67 online=2/4/50 electronicResult=2/3/66.67 digitisation=3/4/75 satisfaction=3/3/100 " +
            "verySatisfied=2/3/66.67 onlinePayment=1/3/33.33 apologyCoverage=1/1/100",
            Describe(fields[1]));
        Assert.Equal("received=5 resolved=4 resolvedWithinDeadline=3 onTime=3/4/75", DescribeFeedback(body.GetProperty("feedback")));

        // February: dossier 1 was received (carried into March), 7 resolved early, 12 received; 14 returned on the last second.
        var february = await GetStatisticsAsync(officer, unit, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), "February 2026");
        Assert.Equal(
            "carriedOver=0 received=4/2/2 resolved=1/1/0/0 pending=2/1/1 returned=1 total=4 ratings=0/0/0/0 " +
            "onTime=1/1/100 online=2/4/50 electronicResult=0/1/0 digitisation=0/4/0 satisfaction=0/0/- " +
            "verySatisfied=0/0/- onlinePayment=0/0/- apologyCoverage=0/0/-",
            Describe(february.GetProperty("total")));

        // One day, 1 April: dossier 6 received, 13 resolved early at 00:00 sharp, and everything open carried over.
        var april = await GetStatisticsAsync(officer, unit, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1), "1 April 2026");
        Assert.Equal(
            "carriedOver=4 received=1/1/0 resolved=1/1/0/0 pending=4/3/1 returned=0 total=5 ratings=0/0/0/0 " +
            "onTime=1/1/100 online=1/1/100 electronicResult=1/1/100 digitisation=1/1/100 satisfaction=0/0/- " +
            "verySatisfied=0/0/- onlinePayment=0/0/- apologyCoverage=0/0/-",
            Describe(april.GetProperty("total")));
        Assert.Equal("received=1 resolved=1 resolvedWithinDeadline=1 onTime=1/1/100", DescribeFeedback(april.GetProperty("feedback")));
    }

    /// <summary>A row as one line: the counts, then each rate as numerator/denominator/percent ("-" when null).</summary>
    private static string Describe(JsonElement row)
    {
        string Columns(string name, params string[] columns) =>
            name + "=" + string.Join('/', columns.Select(c => row.GetProperty(name).GetProperty(c).GetInt64().ToString(CultureInfo.InvariantCulture)));
        var parts = new List<string>
        {
            "carriedOver=" + row.GetProperty("carriedOver").GetInt64().ToString(CultureInfo.InvariantCulture),
            Columns("received", "total", "online", "inPersonOrPostal"),
            Columns("resolved", "total", "early", "onTime", "late"),
            Columns("pending", "total", "withinDeadline", "overdue"),
            "returned=" + row.GetProperty("returnedWithdrawnNotEligible").GetInt64().ToString(CultureInfo.InvariantCulture),
            "total=" + row.GetProperty("total").GetInt64().ToString(CultureInfo.InvariantCulture),
            Columns("ratings", "total", "verySatisfied", "satisfied", "notSatisfied"),
        };
        parts.AddRange(RateNames.Select(r => r + "=" + DescribeRate(row.GetProperty("rates").GetProperty(r))));
        return string.Join(' ', parts);
    }

    private static string DescribeFeedback(JsonElement feedback) =>
        $"received={feedback.GetProperty("received").GetInt64()} resolved={feedback.GetProperty("resolved").GetInt64()} " +
        $"resolvedWithinDeadline={feedback.GetProperty("resolvedWithinDeadline").GetInt64()} onTime={DescribeRate(feedback.GetProperty("onTime"))}";

    private static string DescribeRate(JsonElement rate) =>
        $"{rate.GetProperty("numerator").GetInt64()}/{rate.GetProperty("denominator").GetInt64()}/" +
        Text(rate.GetProperty("percent").ValueKind == JsonValueKind.Null ? null : rate.GetProperty("percent").GetDecimal());

    // ---------------------------------------------------------------- 3. bad requests and access

    [Fact]
    public async Task Without_from_the_answer_is_a_400_naming_from()
    {
        using var officer = dossiers.Officer("06112");

        using var response = await officer.GetAsync(new Uri("/api/v1/units/06112/dossiers/statistics?to=2026-03-31", UriKind.Relative));

        await AssertFieldErrorsAsync(response, "from");
    }

    [Theory]
    [InlineData("from=2026-03-31&to=2026-03-01", "to")]
    [InlineData("from=2026-3-1&to=2026-03-31", "from")]
    [InlineData("from=2026-03-01&to=31/03/2026", "to")]
    [InlineData("from=2026-02-30&to=2026-03-31", "from")]
    [InlineData("from=2020-01-01&to=2025-12-31", "to")]
    public async Task A_bad_window_is_a_400_naming_the_field(string query, string field)
    {
        using var officer = dossiers.Officer("06112");

        using var response = await officer.GetAsync(new Uri($"/api/v1/units/06112/dossiers/statistics?{query}", UriKind.Relative));

        await AssertFieldErrorsAsync(response, field);
    }

    [Fact]
    public async Task Another_units_officer_and_another_provinces_reviewer_get_404_the_provinces_reviewer_reads()
    {
        const string query = "/api/v1/units/06112/dossiers/statistics?from=2026-01-01&to=2026-03-31";
        using var chiLang = dossiers.Officer("06181");
        using var langSon = dossiers.Reviewer("20");
        using var lamDong = dossiers.Reviewer("68");

        using var otherUnit = await chiLang.GetAsync(new Uri(query, UriKind.Relative));
        using var ofProvince = await langSon.GetAsync(new Uri(query, UriKind.Relative));
        using var otherProvince = await lamDong.GetAsync(new Uri(query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ofProvince.StatusCode);
        var body = await ofProvince.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("06112", body.GetProperty("unitCode").GetString());
        Assert.Equal("2026-01-01", body.GetProperty("from").GetString());
        Assert.Equal("2026-03-31", body.GetProperty("to").GetString());
        Assert.Equal(HttpStatusCode.NotFound, otherProvince.StatusCode);
    }

    private static async Task AssertFieldErrorsAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal(field, string.Join(", ", errors.EnumerateObject().Select(e => e.Name)));
        Assert.NotEmpty(errors.GetProperty(field).EnumerateArray());
    }

    // ---------------------------------------------------------------- plumbing

    private Task AddUnitAsync(string unit) => HistoryRows.AddUnitAsync(dossiers.Database, unit, Province);

    private Task InsertAsync(List<DossierRow> history, List<FeedbackRow> feedback) => HistoryRows.InsertAsync(dossiers.Database, Province, history, feedback);

    private static async Task<JsonElement> GetStatisticsAsync(HttpClient client, string unit, DateOnly from, DateOnly to, string where)
    {
        using var response = await client.GetAsync(new Uri(
            $"/api/v1/units/{unit}/dossiers/statistics?from={Day(from)}&to={Day(to)}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{where}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every number (or null) of a JSON row, by its dotted path; the field name left out.</summary>
    private static SortedDictionary<string, decimal?> Flatten(JsonElement row)
    {
        var values = new SortedDictionary<string, decimal?>(StringComparer.Ordinal);
        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject().Where(p => !(path.Length == 0 && p.Name == "field")))
                        Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name);
                    break;
                case JsonValueKind.Number:
                    values[path] = element.GetDecimal();
                    break;
                case JsonValueKind.Null:
                    values[path] = null;
                    break;
                default:
                    throw new InvalidOperationException($"{path}: unexpected {element.ValueKind} in a statistics row");
            }
        }
        Walk(row, "");
        return values;
    }

    private static void CompareRow(List<string> mismatches, string where, SortedDictionary<string, decimal?> expected, SortedDictionary<string, decimal?> actual)
    {
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            if (!actual.TryGetValue(key, out var got))
                mismatches.Add($"{where}: {key} missing from the answer (expected {Text(expected[key])})");
            else if (!expected.TryGetValue(key, out var want))
                mismatches.Add($"{where}: {key} = {Text(got)} is not in the reference");
            else if (want != got)
                mismatches.Add($"{where}: {key} expected {Text(want)}, got {Text(got)}");
        }
    }

    private static void Compare(List<string> mismatches, string where, string what, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            mismatches.Add($"{where}: {what} expected \"{expected}\", got \"{actual}\"");
    }

    /// <summary>A number exactly as it is, without trailing zeros ("66.67", "50", "37.5"), or "-" for null.</summary>
    private static string Text(decimal? value)
    {
        if (value is not { } v)
            return "-";
        var text = v.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

}
