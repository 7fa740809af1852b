using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Identity;
using ParPlatform.Contracts.Plans;
using ParPlatform.Contracts.Staffing;
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
        Assert.Equal(("draft", new DateOnly(2026, 3, 5), 19), (draft.Status, draft.Due, draft.Narrative.Count));

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
        var changes = (await reviewer.GetFromJsonAsync<List<Domain.VersionChange>>($"{Report("06112", "2026-Q1")}/versions/compare?from=1&to=2", JsonSerializerOptions.Web))!;

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
        Assert.Contains(new Domain.VersionChange("narrative[II.2.1].text", "", "Đã rà soát 12 TTHC."), changes);
        Assert.Contains(new Domain.VersionChange("dossiers.received.total", "1", "2"), changes);
        Assert.DoesNotContain(changes, c => c.Path.StartsWith("narrative[I]", StringComparison.Ordinal));
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
        Assert.Equal(0, await reporting.CountAsync("SELECT count(*) FROM reporting.reports WHERE unit_code = '06181' AND period = '2026-6M'"));

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

    [Fact]
    public async Task A_submitted_version_downloads_as_a_Word_document_in_the_official_layout()
    {
        await PublishAndWaitAsync(Received("06118", new DateOnly(2025, 12, 15)), Received("06118", new DateOnly(2026, 2, 2)));
        var path = Report("06118", "2026-Q1");
        await ReadAsync<ReportResponse>(await reporting.Officer("06118").PutAsJsonAsync($"{path}/narrative/I",
            new NarrativeInput("UBND phường ban hành Kế hoạch CCHC năm 2026.\nCông tác thông tin, tuyên truyền được đẩy mạnh."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        await ReadAsync<FactResponse>(await reporting.Officer("06118").PutAsJsonAsync($"{path}/facts/video-meetings", new FactInput(10m, null, null),
            JsonSerializerOptions.Web), HttpStatusCode.OK);
        Today(2026, 3, 5);
        await ReadAsync<VersionResponse>(await reporting.Chairman("06118").PostAsJsonAsync($"{path}/submit", new SubmitInput(57, null), JsonSerializerOptions.Web),
            HttpStatusCode.Created);

        using var response = await reporting.Reviewer("20").GetAsync($"{path}/versions/1/document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Documents.ReportDocument.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var layout = WordLayout.Read(document);
        Assert.Equal((11906, 16838), layout.PortraitPage);
        Assert.InRange(layout.Margins.Top, 1134, 1417); // 20–25 mm
        Assert.InRange(layout.Margins.Bottom, 1134, 1417);
        Assert.InRange(layout.Margins.Left, 1701, 1984); // 30–35 mm
        Assert.InRange(layout.Margins.Right, 850, 1134); // 15–20 mm
        Assert.Equal("Times New Roman", layout.Font);
        Assert.InRange(layout.BodyHalfPoints, 26, 28); // 13–14 pt
        Assert.True(layout.TitlePageWithoutNumber && layout.PageNumberCentredAtTop, "page numbers centred at the top, not on page 1");
        Assert.True(layout.AppendixLandscape, "appendix I on a landscape page");
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", layout.Text);
        Assert.Contains("Số: 57/BC-UBND", layout.Text);
        Assert.Contains("Lương Văn Tri, ngày 05 tháng 3 năm 2026", layout.Text);
        Assert.Contains("Công tác cải cách hành chính phường Lương Văn Tri", layout.Text);
        Assert.Contains("Từ ngày 01/12/2025 đến ngày 28/02/2026: Đã tiếp nhận 02 hồ sơ (trong đó: 0 hồ sơ trực tuyến, 02 hồ sơ trực tiếp)", layout.Text);
        Assert.Contains("Công tác thông tin, tuyên truyền được đẩy mạnh.", layout.Text);
        Assert.Contains("Số cuộc họp trực tuyến qua Hệ thống Hội nghị truyền hình: 10.", layout.Text);
        Assert.True(layout.BodyParagraphsJustifiedAndIndented, "body justified, first line indented 1–1,27 cm, ≥ 6 pt after");
        Assert.True(layout.RecipientsBoldItalic12, "\"Nơi nhận:\" bold italic 12 pt");

        using var appendix = await reporting.Reviewer("20").GetAsync($"{path}/versions/1/appendix");
        Assert.Equal(HttpStatusCode.OK, appendix.StatusCode);
        using var workbookFile = new MemoryStream(await appendix.Content.ReadAsByteArrayAsync());
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(workbookFile, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(Documents.AppendixTable.Columns, rows[2]);
        // Both still open on 28/02; the one of 15/12 was due 30 days later, so it is overdue.
        Assert.Equal(["Tổng cộng", "0", "2", "0", "2", "0", "0", "0", "0", "2", "1", "1", "0"], rows[^1]);
    }

    [Fact]
    public async Task A_draft_previews_in_the_official_layout_without_a_number()
    {
        Today(2026, 2, 27);
        using var response = await reporting.Chairman("06181").GetAsync($"{Report("06181", "2026-Q1")}/document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        var text = WordLayout.Read(document).Text;
        Assert.Contains("Số:       /BC-UBND", text);
        Assert.Contains("Chi Lăng, ngày 27 tháng 2 năm 2026", text);
        Assert.Contains("Công tác cải cách hành chính xã Chi Lăng", text);
        Assert.Equal(0, await reporting.CountAsync("SELECT count(*) FROM reporting.reports WHERE unit_code = '06181' AND period = '2026-Q1'"));
    }

    [Fact]
    public async Task The_figures_come_from_the_services_events_and_a_submitted_version_keeps_those_it_was_submitted_with()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        T E<T>(T e, int minutes) where T : IntegrationEvent => e with { UnitCode = "06181", ProvinceCode = "20", OccurredAt = at.AddMinutes(minutes) };
        QuotaSet Quota(int civilServants, DateOnly decidedOn, int minutes) => E(new QuotaSet
        {
            UnitCode = "", ProvinceCode = "", Year = 2026, CivilServants = civilServants, BudgetPaidPublicEmployees = 323, SelfPaidPublicEmployees = 4,
            Total = civilServants + 327, Provisional = true, DecidedOn = decidedOn,
        }, minutes);
        AgencyRegistered Office(string name, int minutes) => E(new AgencyRegistered
        {
            UnitCode = "", ProvinceCode = "", AgencyCode = "VP", AgencyName = name, Kind = AgencyKind.Administrative,
        }, minutes);
        ProcedureCatalogueChanged Catalogue(int active, int minutes) => E(new ProcedureCatalogueChanged
        {
            UnitCode = "", ProvinceCode = "", ActiveProcedures = active, FullyOnline = 80, PartlyOnline = 30, InterLevel = 12,
        }, minutes);
        // Out of order: the registration arrives after the rename that followed it, and does not undo it; so does the
        // catalogue's count before its last change.
        await PublishAndWaitAsync(
            Catalogue(121, 6),
            Catalogue(118, 5),
            E(new AgencyUpdated { UnitCode = "", ProvinceCode = "", AgencyCode = "VP", AgencyName = "Văn phòng HĐND và UBND", Kind = AgencyKind.Administrative }, 2),
            Office("Văn phòng UBND", 1),
            E(new AgencyRegistered { UnitCode = "", ProvinceCode = "", AgencyCode = "TH1", AgencyName = "Trường Tiểu học Chi Lăng", Kind = AgencyKind.School }, 1),
            Quota(52, new DateOnly(2026, 1, 10), 3),
            E(new HeadcountRecorded { UnitCode = "", ProvinceCode = "", AsOf = new DateOnly(2026, 10, 31), CivilServants = 45, PublicEmployees = 319, Total = 364 }, 4));
        Today(2026, 12, 3);
        var path = Report("06181", "2026-Y");

        var figures = await ReadAsync<FiguresResponse>(await reporting.Officer("06181").GetAsync($"{path}/figures"), HttpStatusCode.OK);
        var chairman = reporting.Chairman("06181");
        var submitted = await ReadAsync<VersionResponse>(await chairman.PostAsJsonAsync($"{path}/submit", new SubmitInput(null, null), JsonSerializerOptions.Web),
            HttpStatusCode.Created);
        await PublishAndWaitAsync(Quota(60, new DateOnly(2026, 11, 20), 5)); // a new decision after the submission
        var after = await ReadAsync<FiguresResponse>(await reporting.Officer("06181").GetAsync($"{path}/figures"), HttpStatusCode.OK);
        using var document = await chairman.GetAsync($"{path}/versions/1/document");
        using var file = new MemoryStream(await document.Content.ReadAsByteArrayAsync());
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        var text = WordLayout.Read(word).Text;

        var section = string.Join("\n", figures.Sentences.Single(s => s.Key == "II.3").Paragraphs);
        Assert.Equal(["Có 121 TTHC thuộc thẩm quyền quản lý và giải quyết của UBND xã."], figures.Sentences.Single(s => s.Key == "II.2.2").Paragraphs);
        Assert.Equal(80m, figures.Figures.Single(f => f.Code == "Procedures.FullyOnline").Number);
        Assert.Contains("với 01 cơ quan chuyên môn (Văn phòng HĐND và UBND), 01 đơn vị sự nghiệp công lập (01 trường học).", section);
        Assert.Contains("UBND xã được tạm giao biên chế: 379 chỉ tiêu (trong đó: biên chế cán bộ, công chức: 52 chỉ tiêu", section);
        Assert.Contains("tính đến ngày 31/10/2026 có 45 người", section);
        Assert.Equal("có mặt tại ngày 31/10/2026", figures.Figures.Single(f => f.Code == "Staffing.Headcount").TimeBase);
        Assert.Equal(379m, Figure(submitted.Content, "Staffing.Quota"));
        Assert.Equal(387m, after.Figures.Single(f => f.Code == "Staffing.Quota").Number);
        Assert.Contains("UBND xã được tạm giao biên chế: 379 chỉ tiêu", text);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reporting.Officer("06112").GetAsync($"{path}/figures")));
    }

    [Fact]
    public async Task The_scorecard_holds_each_unit_s_targets_against_its_indicators_and_the_province_ranks_them()
    {
        PlanIssued Plan(string unit, Guid id) => new()
        {
            UnitCode = unit, ProvinceCode = "20", PlanId = id, Reference = "12/KH-UBND", IssueDate = new DateOnly(2025, 1, 20), FromYear = 2025, ToYear = 2025,
            TargetCount = 2, TaskCount = 0,
        };
        TargetSet Target(string unit, Guid plan, string indicator, TargetComparator comparator, decimal threshold) => new()
        {
            UnitCode = unit, ProvinceCode = "20", PlanId = plan, TargetId = Guid.NewGuid(), IndicatorCode = indicator, Comparator = comparator,
            Threshold = threshold, FromYear = 2025, ToYear = 2025,
        };
        var (plan12, plan18) = (Guid.NewGuid(), Guid.NewGuid());
        var dossier = Received("06112", new DateOnly(2025, 7, 1));
        var resolvedAt = new DateTimeOffset(2025, 7, 3, 9, 0, 0, Vietnam);
        await PublishAndWaitAsync(
            Plan("06112", plan12), Target("06112", plan12, "Dossiers.OnTimeRate", TargetComparator.GreaterThan, 90),
            Target("06112", plan12, "EOffice.ElectronicDocumentRate", TargetComparator.AtLeast, 95),
            Plan("06118", plan18), Target("06118", plan18, "EOffice.ElectronicDocumentRate", TargetComparator.AtLeast, 95),
            dossier, new DossierResolved
            {
                UnitCode = "06112", ProvinceCode = "20", OccurredAt = resolvedAt, DossierId = dossier.DossierId, Field = dossier.Field, ResolvedAt = resolvedAt,
                DueAt = dossier.DueAt, Timeliness = DossierTimeliness.Early, ElectronicResult = true,
            });
        Today(2025, 9, 10);
        string Indicator(string unit) => $"{Report(unit, "2025-Q3")}/indicators/EOffice.ElectronicDocumentRate";

        var entered = await ReadAsync<Domain.IndicatorValue>(await reporting.Officer("06112").PutAsJsonAsync(Indicator("06112"),
            new IndicatorInput(98, 100, "Sổ theo dõi văn bản đi quý III"), JsonSerializerOptions.Web), HttpStatusCode.OK);
        await ReadAsync<Domain.IndicatorValue>(await reporting.Officer("06118").PutAsJsonAsync(Indicator("06118"), new IndicatorInput(90, 100, null),
            JsonSerializerOptions.Web), HttpStatusCode.OK);
        var tooMany = await ReadAsync<JsonElement>(await reporting.Officer("06118").PutAsJsonAsync(Indicator("06118"), new IndicatorInput(101, 100, null),
            JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        var unit = await reporting.Officer("06112").GetFromJsonAsync<Domain.UnitScorecard>($"{Report("06112", "2025-Q3")}/scorecard", JsonSerializerOptions.Web);
        var indicators = await reporting.Officer("06112").GetFromJsonAsync<IndicatorsResponse>($"{Report("06112", "2025-Q3")}/indicators", JsonSerializerOptions.Web);
        var province = await reporting.Reviewer("20").GetFromJsonAsync<ProvinceScorecardResponse>($"{Province("2025-Q3")}/scorecard", JsonSerializerOptions.Web);

        Assert.Equal(98m, entered.Value);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("numerator", out _), tooMany.ToString());
        Assert.Equal(["met", "met"], unit!.Lines.Select(l => l.Result));
        Assert.Equal((100m, 1m, 1m), indicators!.Indicators.Where(i => i.Code == "Dossiers.OnTimeRate").Select(i => (i.Value, i.Numerator, i.Denominator)).Single());
        Assert.Equal(new DateOnly(2025, 9, 5), indicators.AsOf); // the due date: the period's figures as the report gives them
        Assert.Equal([(1, "06112", 2), (2, "06118", 0), ((int?)null, "06181", 0)], province!.Units.Select(u => (u.Rank, u.UnitCode, u.Met)));
        Assert.Equal(94m, province.Indicators.Single(i => i.Code == "EOffice.ElectronicDocumentRate").Value); // (98 + 90) ÷ (100 + 100)
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporting.Reviewer("20").PutAsJsonAsync(Indicator("06112"), new IndicatorInput(1, 1, null))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporting.Officer("06112").GetAsync($"{Province("2025-Q3")}/scorecard")));

        using var consolidated = await reporting.Reviewer("20").GetAsync($"{Province("2025-Q3")}/document");
        Assert.Equal(HttpStatusCode.OK, consolidated.StatusCode);
        using var file = new MemoryStream(await consolidated.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var layout = WordLayout.Read(document);
        Assert.Contains("SỞ NỘI VỤ", layout.Text);
        Assert.Contains("Có 0/3 đơn vị đã gửi báo cáo (đạt 0%)", layout.Text);
        Assert.Contains("Phường Tam Thanh\n0\n1\n0\n1\n1\n1\n0\n0\n0\n0\n0\n0", layout.Text); // its II.06a row: one dossier, resolved early
        Assert.Contains("Toàn tỉnh", layout.Text);
        Assert.Contains("1\nPhường Tam Thanh\n2\n2\n0\n0\n100%", layout.Text); // first in the ranking, both targets met
        Assert.True(layout.AppendixLandscape, "the tables of units on landscape pages");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(reporting.Officer("06112").GetAsync($"{Province("2025-Q3")}/document")));
    }

    [Fact]
    public async Task A_figure_is_replaced_only_with_a_reason_the_reviewer_reads_and_the_province_s_preamble_heads_the_report()
    {
        const string preamble = "Thực hiện Công văn số 2043/SNV-TCBC ngày 16/7/2025 của Sở Nội vụ tỉnh Lạng Sơn về việc triển khai công tác cải cách " +
            "hành chính tại các xã, phường.";
        await PublishAndWaitAsync(new HeadcountRecorded
        {
            UnitCode = "06118", ProvinceCode = "20", AsOf = new DateOnly(2026, 5, 31), CivilServants = 40, PublicEmployees = 60, Total = 100,
        });
        var reviewer = reporting.Reviewer("20");
        var wrongHeading = await ReadAsync<JsonElement>(await reviewer.PutAsJsonAsync("/api/v1/provinces/20/reports/template",
            new TemplateInput(null, null, [new Domain.TemplateParagraph("II.9", "x")]), JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        var wrongFormat = await ReadAsync<JsonElement>(await reviewer.PutAsJsonAsync("/api/v1/provinces/20/reports/template",
            new TemplateInput(null, null, [new Domain.TemplateParagraph("II.3", "{Staffing.Headcount:xx} người")]), JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        var template = await ReadAsync<TemplateResponse>(await reviewer.PutAsJsonAsync("/api/v1/provinces/20/reports/template",
            new TemplateInput(preamble, null, null), JsonSerializerOptions.Web), HttpStatusCode.OK);
        Today(2026, 6, 4);
        var path = Report("06118", "2026-6M");
        var officer = reporting.Officer("06118");
        var noReason = await ReadAsync<JsonElement>(await officer.PutAsJsonAsync($"{path}/figures/Staffing.Headcount/override", new OverrideInput(98, " "),
            JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        var replaced = await ReadAsync<Domain.ComputedFigure>(await officer.PutAsJsonAsync($"{path}/figures/Staffing.Headcount/override",
            new OverrideInput(98, "2 người nghỉ hưu ngày 31/5 chưa cập nhật vào phần mềm"), JsonSerializerOptions.Web), HttpStatusCode.OK);
        var submitted = await ReadAsync<VersionResponse>(await reporting.Chairman("06118").PostAsJsonAsync($"{path}/submit", new SubmitInput(null, null),
            JsonSerializerOptions.Web), HttpStatusCode.Created);
        using var document = await reviewer.GetAsync($"{path}/versions/1/document");
        using var file = new MemoryStream(await document.Content.ReadAsByteArrayAsync());
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false);
        var text = WordLayout.Read(word).Text;

        Assert.True(wrongHeading.GetProperty("errors").TryGetProperty("paragraphs[0].sectionKey", out _), wrongHeading.ToString());
        Assert.True(wrongFormat.GetProperty("errors").TryGetProperty("paragraphs[0].text", out _), wrongFormat.ToString());
        Assert.False(template.IsDefault);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        Assert.Equal((98m, 100m), (replaced.Number, replaced.Override!.Computed));
        var frozen = submitted.Content.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "Staffing.Headcount");
        Assert.Equal((98m, 100m, "2 người nghỉ hưu ngày 31/5 chưa cập nhật vào phần mềm"), (frozen.GetProperty("number").GetDecimal(),
            frozen.GetProperty("override").GetProperty("computed").GetDecimal(), frozen.GetProperty("override").GetProperty("reason").GetString()));
        Assert.Contains("Biên chế hiện có: 98 người", text);
        Assert.Contains(preamble + " UBND phường Lương Văn Tri báo cáo kết quả", text);
        Assert.Contains("TT HĐND phường;", text);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(officer.PutAsJsonAsync($"{path}/figures/Finance.Unknown/override", new OverrideInput(1, "x"))));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(officer.PutAsJsonAsync($"{path}/figures/Staffing.Headcount/override", new OverrideInput(97, "x"))));
    }

    [Fact]
    public async Task Agencies_write_their_parts_and_send_them_to_the_unit_which_sees_them_under_their_headings()
    {
        var path = Report("06181", "2026-Q3");
        var desk = reporting.Officer("06181"); // the one-stop desk's officer, agency mot-cua-06181
        using var culture = reporting.Officer("06181", "vh-xh");
        using var finance = reporting.Officer("06181", "tc-kh");
        Today(2026, 9, 2);

        await ReadAsync<ReportResponse>(await desk.PutAsJsonAsync($"{path}/agencies/mot-cua-06181/parts/II.2.3.1",
            new NarrativeInput("Bộ phận Một cửa có 07 bộ máy tính, 05 máy scan."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        await ReadAsync<ReportResponse>(await culture.PutAsJsonAsync($"{path}/agencies/vh-xh/parts/II.1.3",
            new NarrativeInput("Tổ chức 12 hội nghị tuyên truyền."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        var sent = await ReadAsync<ReportResponse>(await culture.PostAsync($"{path}/agencies/vh-xh/send", null), HttpStatusCode.OK);
        var othersPart = await StatusAsync(desk.PutAsJsonAsync($"{path}/agencies/vh-xh/parts/I", new NarrativeInput("x")));
        var chairmanWrites = await StatusAsync(reporting.Chairman("06181").PutAsJsonAsync($"{path}/agencies/vh-xh/parts/I", new NarrativeInput("x")));
        var nothingToSend = await StatusAsync(finance.PostAsync($"{path}/agencies/tc-kh/send", null));
        var noHeading = await StatusAsync(culture.PutAsJsonAsync($"{path}/agencies/vh-xh/parts/II.9", new NarrativeInput("x")));
        var seen = await reporting.Chairman("06181").GetFromJsonAsync<ReportResponse>(path, JsonSerializerOptions.Web);
        var changed = await ReadAsync<ReportResponse>(await culture.PutAsJsonAsync($"{path}/agencies/vh-xh/parts/II.1.3",
            new NarrativeInput("Tổ chức 13 hội nghị tuyên truyền."), JsonSerializerOptions.Web), HttpStatusCode.OK);

        Assert.Equal(new DateTimeOffset(2026, 9, 2, 10, 0, 0, Vietnam), sent.AgencyParts.Single(p => p.AgencyCode == "vh-xh").SentAt);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.BadRequest),
            (othersPart, chairmanWrites, nothingToSend, noHeading));
        Assert.Equal([("mot-cua-06181", "II.2.3.1", false), ("vh-xh", "II.1.3", true)],
            seen!.AgencyParts.Select(p => (p.AgencyCode, p.SectionKey, p.SentAt is not null)));
        Assert.Null(changed.AgencyParts.Single(p => p.AgencyCode == "vh-xh").SentAt); // changed after it was sent: to be sent again
    }

    [Fact]
    public async Task A_province_collects_monthly_reports_once_it_sets_their_rule_and_calls_for_ad_hoc_ones_its_units_see_and_submit_corrects_and_withdraws_them()
    {
        Today(2026, 4, 1);
        var reviewer = reporting.Reviewer("20");
        var officer = reporting.Officer("06181");
        var chairman = reporting.Chairman("06181");
        static IEnumerable<string> Codes(PeriodsResponse periods) => periods.Periods.Select(p => p.Code);

        // Until the province sets a monthly rule, a unit's periods are the four statutory ones and a month is none of them.
        var before = await officer.GetFromJsonAsync<PeriodsResponse>("/api/v1/units/06181/reports/periods?year=2026", JsonSerializerOptions.Web);
        Assert.Equal(["2026-Q1", "2026-6M", "2026-Q3", "2026-Y"], Codes(before!));
        using (var notCollected = await officer.GetAsync(Report("06181", "2026-M03")))
        {
            Assert.Equal(HttpStatusCode.NotFound, notCollected.StatusCode);
            Assert.Contains("không thu báo cáo tháng", await notCollected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var settings = (await reviewer.GetFromJsonAsync<PeriodSettingsResponse>("/api/v1/provinces/20/reports/period-settings", JsonSerializerOptions.Web))!.Settings;
        var badRule = settings with { Monthly = new SharedKernel.Reporting.MonthlyReportRule(EndDay: 32, DueDay: 5) };
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(reviewer.PutAsJsonAsync("/api/v1/provinces/20/reports/period-settings", badRule, JsonSerializerOptions.Web)));
        await ReadAsync<PeriodSettingsResponse>(await reviewer.PutAsJsonAsync("/api/v1/provinces/20/reports/period-settings",
            settings with { Monthly = SharedKernel.Reporting.MonthlyReportRule.CalendarMonth }, JsonSerializerOptions.Web), HttpStatusCode.OK);

        var monthly = (await officer.GetFromJsonAsync<PeriodsResponse>("/api/v1/units/06181/reports/periods?year=2026", JsonSerializerOptions.Web))!;
        Assert.Equal(
            ["2026-M01", "2026-Q1", "2026-M02", "2026-M03", "2026-M04", "2026-6M", "2026-M05", "2026-M06", "2026-M07", "2026-Q3", "2026-M08", "2026-M09",
                "2026-M10", "2026-M11", "2026-Y", "2026-M12"],
            Codes(monthly));
        var march = monthly.Periods.Single(p => p.Code == "2026-M03");
        Assert.Equal(("M", "Tháng 3 năm 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 5)),
            (march.Kind, march.Name, march.From, march.To, march.Due));

        // March's report: written, submitted on the 3rd of April, on time for the 5th.
        Today(2026, 4, 3);
        await ReadAsync<ReportResponse>(await officer.PutAsJsonAsync($"{Report("06181", "2026-M03")}/narrative/I",
            new NarrativeInput("Tháng 3, UBND xã tổ chức hội nghị triển khai Kế hoạch CCHC."), JsonSerializerOptions.Web), HttpStatusCode.OK);
        await ReadAsync<VersionResponse>(await chairman.PostAsJsonAsync($"{Report("06181", "2026-M03")}/submit", new SubmitInput(null, null)), HttpStatusCode.Created);
        var marchReport = await officer.GetFromJsonAsync<ReportResponse>(Report("06181", "2026-M03"), JsonSerializerOptions.Web);
        Assert.Equal(("submitted", "Tháng 3 năm 2026", new DateOnly(2026, 4, 5)), (marchReport!.Status, marchReport.PeriodName, marchReport.Due));
        var marchOverview = await reviewer.GetFromJsonAsync<SubmissionsResponse>($"{Province("2026-M03")}/submissions", JsonSerializerOptions.Web);
        Assert.Equal(("submitted", (bool?)true), marchOverview!.UnitReports.Where(u => u.UnitCode == "06181").Select(u => (u.Status, u.OnTime)).Single());

        // An ad hoc report: the province calls for it with its name, window and due date; it is numbered in the year its window ends.
        const string AdHoc = "/api/v1/provinces/20/reports/ad-hoc-periods";
        const string Name = "phục vụ Đoàn kiểm tra công tác cải cách hành chính năm 2026";
        var refused = await ReadAsync<JsonElement>(await reviewer.PostAsJsonAsync(AdHoc,
            new AdHocPeriodInput(" ", new DateOnly(2026, 4, 30), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1)), JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        Assert.Equal(["name", "to", "due"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer.PostAsJsonAsync(AdHoc,
            new AdHocPeriodInput(Name, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 10)), JsonSerializerOptions.Web)));
        var first = await ReadAsync<PeriodResponse>(await reviewer.PostAsJsonAsync(AdHoc,
            new AdHocPeriodInput($" {Name} ", new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 10)), JsonSerializerOptions.Web),
            HttpStatusCode.Created);
        var second = await ReadAsync<PeriodResponse>(await reviewer.PostAsJsonAsync(AdHoc,
            new AdHocPeriodInput("về kết quả số hóa hồ sơ", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 20)), JsonSerializerOptions.Web),
            HttpStatusCode.Created);
        Assert.Equal(new PeriodResponse("2026-DX01", "DX", Name, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 10)), first);
        Assert.Equal("2026-DX02", second.Code);
        var listed = (await officer.GetFromJsonAsync<PeriodsResponse>("/api/v1/units/06181/reports/periods?year=2026", JsonSerializerOptions.Web))!;
        Assert.Equal(["2026-M03", "2026-DX02", "2026-M04", "2026-DX01"], Codes(listed).Where(c => c is "2026-M03" or "2026-M04" or "2026-DX01" or "2026-DX02"));

        // The ad hoc report prints its name where a statutory one prints its period, and is due on the province's day.
        var draft = await officer.GetFromJsonAsync<ReportResponse>(Report("06181", "2026-DX01"), JsonSerializerOptions.Web);
        Assert.Equal((Name, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 10)), (draft!.PeriodName, draft.From, draft.To, draft.Due));
        var figures = await officer.GetFromJsonAsync<JsonElement>($"{Report("06181", "2026-DX01")}/figures", JsonSerializerOptions.Web);
        Assert.Equal(Name, figures.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "Report.Period").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(officer.GetAsync(Report("06181", "2026-DX03"))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reviewer.GetAsync($"{Province("2026-DX03")}/submissions")));
        var adHocOverview = await reviewer.GetFromJsonAsync<SubmissionsResponse>($"{Province("2026-DX01")}/submissions", JsonSerializerOptions.Web);
        Assert.Equal((new DateOnly(2026, 5, 10), 0), (adHocOverview!.Due, adHocOverview.Submitted));

        // A mistaken call is corrected until a unit has submitted it (its number stays of its year), withdrawn while no unit has a report of it.
        var corrected = new AdHocPeriodInput("về kết quả số hóa hồ sơ, kết quả giải quyết TTHC", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 25));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer.PutAsJsonAsync($"{AdHoc}/2026-DX02", corrected, JsonSerializerOptions.Web)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reviewer.PutAsJsonAsync($"{AdHoc}/2026-DX09", corrected, JsonSerializerOptions.Web)));
        var otherYear = await ReadAsync<JsonElement>(await reviewer.PutAsJsonAsync($"{AdHoc}/2026-DX02",
            corrected with { To = new DateOnly(2027, 1, 5), Due = new DateOnly(2027, 1, 10) }, JsonSerializerOptions.Web), HttpStatusCode.BadRequest);
        Assert.Equal(["to"], otherYear.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(new PeriodResponse("2026-DX02", "DX", corrected.Name!, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 25)),
            await ReadAsync<PeriodResponse>(await reviewer.PutAsJsonAsync($"{AdHoc}/2026-DX02", corrected, JsonSerializerOptions.Web), HttpStatusCode.OK));
        var relisted = (await officer.GetFromJsonAsync<PeriodsResponse>("/api/v1/units/06181/reports/periods?year=2026", JsonSerializerOptions.Web))!;
        Assert.Equal(corrected.Name, relisted.Periods.Single(p => p.Code == "2026-DX02").Name);
        await ReadAsync<VersionResponse>(await chairman.PostAsJsonAsync($"{Report("06181", "2026-DX02")}/submit", new SubmitInput(null, null)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(reviewer.PutAsJsonAsync($"{AdHoc}/2026-DX02", corrected with { Due = new DateOnly(2026, 4, 30) }, JsonSerializerOptions.Web)));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(reviewer.DeleteAsync($"{AdHoc}/2026-DX02")));
        var mistaken = await ReadAsync<PeriodResponse>(await reviewer.PostAsJsonAsync(AdHoc,
            new AdHocPeriodInput("gọi nhầm", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 10)), JsonSerializerOptions.Web), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(officer.DeleteAsync($"{AdHoc}/{mistaken.Code}")));
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(reviewer.DeleteAsync($"{AdHoc}/{mistaken.Code}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(officer.GetAsync(Report("06181", mistaken.Code))));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(reviewer.DeleteAsync($"{AdHoc}/{mistaken.Code}")));
    }

    private static decimal Figure(JsonElement content, string code) =>
        content.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("number").GetDecimal();

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
