using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Reporting.Apis;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// A unit's periodic report from draft to accepted: the officers write, the chairman submits (a numbered, dated version
/// whose figures stay as submitted), the province's reviewer returns it with a reason or accepts it; the province sees who
/// submitted on time, late, was returned or has not submitted.
/// </summary>
public sealed class ReportWorkflowTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static string Report(string unit, string period) => $"/api/v1/units/{unit}/reports/periods/{period}";

    private static string Province(string period) => $"/api/v1/provinces/20/reports/periods/{period}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return response.StatusCode;
    }

    private void Today(int year, int month, int day) => reporting.Clock.Now = new DateTimeOffset(year, month, day, 10, 0, 0, Vietnam);

    [Fact]
    public async Task The_chairman_submits_the_officers_draft_and_each_version_keeps_the_figures_it_was_submitted_with()
    {
        await PublishAndWaitAsync(Received("06112", new DateOnly(2026, 1, 12)));
        var officer = reporting.Officer("06112");
        var chairman = reporting.Chairman("06112");
        var reviewer = reporting.Reviewer("20");
        var draft = await ReadAsync<ReportResponse>(await officer.PutAsJsonAsync($"{Report("06112", "2026-Q1")}/narrative/I",
            new NarrativeInput("UBND phường đã ban hành Kế hoạch CCHC năm 2026."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        Assert.Equal(("draft", new DateOnly(2026, 3, 5), 17), (draft.Status, draft.Due, draft.Narrative.Count));

        Today(2026, 3, 5);
        var first = await ReadAsync<VersionResponse>(await chairman.PostAsJsonAsync($"{Report("06112", "2026-Q1")}/submit",
            new SubmitInput(188, null), JsonSerializerOptions.Web), HttpStatusCode.Created);
        await PublishAndWaitAsync(Received("06112", new DateOnly(2026, 2, 20))); // a dossier entered after the submission
        var returned = await ReadAsync<VersionSummary>(await reviewer.PostAsJsonAsync($"{Province("2026-Q1")}/units/06112/return",
            new ReturnInput("Bổ sung số liệu hồ sơ tháng 02."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        var seenByUnit = await officer.GetFromJsonAsync<ReportResponse>(Report("06112", "2026-Q1"), JsonSerializerOptions.Web);
        await ReadAsync<ReportResponse>(await officer.PutAsJsonAsync($"{Report("06112", "2026-Q1")}/narrative/II.2.1",
            new NarrativeInput("Đã rà soát 12 TTHC."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        Today(2026, 3, 9);
        var second = await ReadAsync<VersionResponse>(await chairman.PostAsJsonAsync($"{Report("06112", "2026-Q1")}/submit",
            new SubmitInput(null, null), JsonSerializerOptions.Web), HttpStatusCode.Created);
        var accepted = await ReadAsync<VersionSummary>(await reviewer.PostAsync($"{Province("2026-Q1")}/units/06112/accept", null), HttpStatusCode.OK);
        var firstAgain = await reviewer.GetFromJsonAsync<VersionResponse>($"{Report("06112", "2026-Q1")}/versions/1", JsonSerializerOptions.Web);

        Assert.Equal((1, "188/BC-UBND", new DateOnly(2026, 3, 5), true), (first.Version.Number, first.Version.DocumentNumber, first.Version.SubmittedOn, first.Version.OnTime));
        Assert.Equal((2, "189/BC-UBND", false), (second.Version.Number, second.Version.DocumentNumber, second.Version.OnTime));
        Assert.Equal(("returned", "Bổ sung số liệu hồ sơ tháng 02."), (returned.Decision, returned.ReturnReason));
        Assert.Equal(("returned", "Bổ sung số liệu hồ sơ tháng 02."), (seenByUnit!.Status, seenByUnit.ReturnReason));
        Assert.Equal("accepted", accepted.Decision);
        // The first version keeps the one dossier it was submitted with; the second counts both.
        Assert.Equal(1, Received(firstAgain!.Content));
        Assert.Equal(1, Received(first.Content));
        Assert.Equal(2, Received(second.Content));
        Assert.Equal("", Narrative(first.Content, "II.2.1"));
        Assert.Equal("Đã rà soát 12 TTHC.", Narrative(second.Content, "II.2.1"));
        Assert.Equal(2, await reporting.CountAsync("SELECT count(*) FROM reporting.outbox_messages WHERE event_type LIKE 'ParPlatform.Contracts.Reporting.ReportSubmitted,%' AND payload->>'period' = '2026-Q1'"));
        Assert.Equal(1, await reporting.CountAsync("SELECT count(*) FROM reporting.outbox_messages WHERE event_type LIKE 'ParPlatform.Contracts.Reporting.ReportReturned,%' AND payload->>'period' = '2026-Q1'"));
        Assert.Equal(1, await reporting.CountAsync("SELECT count(*) FROM reporting.outbox_messages WHERE event_type LIKE 'ParPlatform.Contracts.Reporting.ReportAccepted,%' AND payload->>'period' = '2026-Q1'"));
    }

    [Fact]
    public async Task Each_role_does_only_its_step_and_a_step_the_status_does_not_allow_is_refused()
    {
        var path = Report("06181", "2026-6M");
        var officer = reporting.Officer("06181");
        var reviewer = reporting.Reviewer("20");
        Today(2026, 6, 1);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer.PostAsJsonAsync($"{path}/submit", new SubmitInput(null, null))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reviewer.PutAsJsonAsync($"{path}/narrative/I", new NarrativeInput("x"))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reporting.Officer("06112").GetAsync(path)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reporting.Reviewer("68").GetAsync(path)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporting.Chairman("06181").PostAsync($"{Province("2026-6M")}/units/06181/accept", null)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reviewer.PostAsync($"{Province("2026-6M")}/units/06181/accept", null)));
        foreach (var (call, field) in new (Func<Task<HttpResponseMessage>> Call, string Field)[]
        {
            (() => officer.PutAsJsonAsync($"{path}/narrative/VI", new NarrativeInput("x")), "key"),
            (() => officer.PutAsJsonAsync($"{path}/narrative/I", new NarrativeInput(null)), "text"),
            (() => officer.GetAsync(Report("06181", "2026-Q5")), "period"),
            (() => reporting.Chairman("06181").PostAsJsonAsync($"{path}/submit", new SubmitInput(0, null)), "sequence"),
            (() => reporting.Chairman("06181").PostAsJsonAsync($"{path}/submit", new SubmitInput(null, "BC UBND")), "symbol"),
        })
        {
            using var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named: {body.RootElement}");
        }
        Assert.Equal(0, await reporting.CountAsync("SELECT count(*) FROM reporting.reports WHERE unit_code = '06181'"));

        await ReadAsync<VersionResponse>(await reporting.Chairman("06181").PostAsJsonAsync($"{path}/submit", new SubmitInput(null, null)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(reporting.Chairman("06181").PostAsJsonAsync($"{path}/submit", new SubmitInput(null, null))));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(officer.PutAsJsonAsync($"{path}/narrative/I", new NarrativeInput("x"))));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(reviewer.PostAsJsonAsync($"{Province("2026-6M")}/units/06181/return", new ReturnInput(" "))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(reviewer.PostAsync($"{Province("2026-6M")}/units/06181/accept", null)));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(reviewer.PostAsJsonAsync($"{Province("2026-6M")}/units/06181/return", new ReturnInput("Sai số liệu"))));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(officer.PutAsJsonAsync($"{path}/narrative/I", new NarrativeInput("x"))));
    }

    [Fact]
    public async Task The_province_sees_who_submitted_on_time_late_was_returned_or_is_missing()
    {
        Today(2026, 9, 4);
        await ReadAsync<VersionResponse>(await reporting.Chairman("06112").PostAsJsonAsync($"{Report("06112", "2026-Q3")}/submit", new SubmitInput(null, null)), HttpStatusCode.Created);
        Today(2026, 9, 8);
        await ReadAsync<VersionResponse>(await reporting.Chairman("06118").PostAsJsonAsync($"{Report("06118", "2026-Q3")}/submit", new SubmitInput(null, null)), HttpStatusCode.Created);
        await ReadAsync<VersionSummary>(await reporting.Reviewer("20").PostAsJsonAsync($"{Province("2026-Q3")}/units/06118/return", new ReturnInput("Thiếu phụ lục I.")), HttpStatusCode.OK);

        var overview = await reporting.Reviewer("20").GetFromJsonAsync<SubmissionsResponse>($"{Province("2026-Q3")}/submissions", JsonSerializerOptions.Web);

        Assert.Equal(
            [("06112", "submitted", (bool?)true, (string?)null), ("06118", "returned", false, "Thiếu phụ lục I."), ("06181", "missing", null, null)],
            overview!.UnitReports.Select(u => (u.UnitCode, u.Status, u.OnTime, u.ReturnReason)));
        Assert.Equal((3, 2, 1, 1, 1, 1), (overview.Units, overview.Submitted, overview.OnTime, overview.Late, overview.Returned, overview.Missing));
        Assert.Equal((66.67m, 33.33m), (overview.ReportingRate.Percent, overview.OnTimeRate.Percent));
        Assert.Equal(new DateOnly(2026, 9, 5), overview.Due);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporting.Officer("06112").GetAsync($"{Province("2026-Q3")}/submissions")));
    }

    [Fact]
    public async Task Tam_Thanh_s_entered_facts_print_as_seed_001_and_go_into_the_submitted_version()
    {
        var path = $"{Report("06112", "2026-Y")}/facts";
        var officer = reporting.Officer("06112");
        (string Code, decimal Value, bool AtLeast, string Printed)[] seed =
        [
            ("communication-participants", 9_000m, true, "trên 9.000"), // 001:37
            ("desk-computers", 7m, false, "7"), // 001:63
            ("desk-digitally-signed-rate", 100m, false, "100%"), // 001:65
            ("eoffice-outgoing-electronic", 2_057m, false, "2.057"), // 001:176
            ("eoffice-incoming-electronic", 4_843m, false, "4.843"),
            ("eoffice-outgoing-paper", 26m, false, "26"),
            ("eoffice-incoming-paper", 80m, false, "80"),
            ("electronic-documents-rate", 98.75m, false, "98,75%"),
            ("video-meetings", 10m, false, "10"), // 001:180
            ("website-directive-documents", 330m, false, "330"), // 001:184
            ("website-news", 50m, false, "50"), // 001:186
        ];
        foreach (var (code, value, atLeast, printed) in seed)
        {
            var fact = await ReadAsync<FactResponse>(await officer.PutAsJsonAsync($"{path}/{code}", new FactInput(value, atLeast, "Sổ theo dõi văn bản"),
                JsonSerializerOptions.Web), HttpStatusCode.OK);
            Assert.Equal(printed, fact.Text);
        }
        foreach (var (code, input, field) in new[]
        {
            ("video-meeting", new FactInput(10m, null, null), "code"),
            ("electronic-documents-rate", new FactInput(101m, null, null), "value"),
            ("video-meetings", new FactInput(1.5m, null, null), "value"),
            ("video-meetings", new FactInput(-1m, null, null), "value"),
            ("video-meetings", new FactInput(null, null, null), "value"),
            ("video-meetings", new FactInput(10m, null, " "), "evidence"),
        })
        {
            using var response = await officer.PutAsJsonAsync($"{path}/{code}", input, JsonSerializerOptions.Web);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{code}: {response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named: {body.RootElement}");
        }

        Today(2026, 12, 1);
        var version = await ReadAsync<VersionResponse>(await reporting.Chairman("06112").PostAsJsonAsync($"{Report("06112", "2026-Y")}/submit",
            new SubmitInput(null, null), JsonSerializerOptions.Web), HttpStatusCode.Created);
        using var locked = await officer.PutAsJsonAsync($"{path}/video-meetings", new FactInput(11m, null, null), JsonSerializerOptions.Web);
        var report = await officer.GetFromJsonAsync<ReportResponse>(Report("06112", "2026-Y"), JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal(EnteredFactsCount, report!.Facts.Count);
        Assert.Equal([.. seed.Select(f => f.Printed)], report.Facts.Where(f => f.Text is not null).Select(f => f.Text!));
        var frozen = version.Content.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "video-meetings");
        Assert.Equal(("10", "Sổ theo dõi văn bản"), (frozen.GetProperty("text").GetString(), frozen.GetProperty("evidence").GetString()));
    }

    private static readonly int EnteredFactsCount = Domain.EnteredFacts.All.Count;

    private static long Received(JsonElement content) => content.GetProperty("dossiers").GetProperty("received").GetProperty("total").GetInt64();

    private static string Narrative(JsonElement content, string key) =>
        content.GetProperty("narrative").EnumerateArray().Single(n => n.GetProperty("key").GetString() == key).GetProperty("text").GetString()!;

    private async Task PublishAndWaitAsync(params IntegrationEvent[] events)
    {
        var before = await reporting.InboxCountAsync();
        await reporting.PublishAsync(events);
        await reporting.WaitForInboxAsync(before, events.Length);
    }

    /// <summary>A dossier received in person on <paramref name="day"/> (Vietnam), still open.</summary>
    private static DossierReceived Received(string unit, DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Vietnam).ToUniversalTime();
        return new DossierReceived
        {
            UnitCode = unit, ProvinceCode = "20", OccurredAt = at, DossierId = Guid.CreateVersion7(), ProcedureCode = "P1", Field = "Chứng thực",
            Channel = DossierChannel.InPerson, ReceivedAt = at, DueAt = at.AddDays(30), Digitised = false, HasFee = false,
        };
    }
}
