using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParPlatform.TestSupport;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// "Tam Thanh, regenerated" (issue 21): a ward registered as Phường Tam Thanh, with its own officer and chairman, receives its
/// Q1/2026 records through the gateway — its agencies and public service units, its 399 procedures and 7,919 dossiers (the
/// 2,057 of the quarter), the feedback, the budget, capital plans, autonomy and asset inventory, the quota, headcount and
/// movements, its 2026 plan with a target, the entered facts and some narrative of seed 001 — and its report, computed by reporting from the services'
/// events and submitted as No. 188, prints every computed figure of INVENTORY.md section 1 as seed 001 prints it
/// (<see cref="Seed001Phrases"/>), in the figures API and in the Word document. A ward of its own keeps other tests'
/// agencies and dossiers of the demo unit 06112 out of its numbers.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class TamThanhReportTests(PlatformFixture platform)
{
    private const string Password = "MatKhau12345";

    /// <summary>How long the services' events may take to reach reporting (7,919 dossiers among them) on a busy machine.</summary>
    private static readonly TimeSpan EventsDeadline = TimeSpan.FromMinutes(3);

    /// <summary>The ward's agencies (seed 001, line 97), coded in the order the report lists them.</summary>
    private static readonly (string Code, string Name)[] Agencies =
    [
        ("cq1-van-phong", "Văn phòng HĐND và UBND"), ("cq2-kinh-te", "phòng Kinh tế, Hạ tầng và Đô thị"),
        ("cq3-van-hoa-xa-hoi", "phòng Văn hóa - Xã hội"), ("cq4-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công"),
    ];

    /// <summary>Its public service units: the public utility service centre and 8 schools (001:97).</summary>
    private static readonly string[] PublicServiceUnits =
    [
        "Trung tâm Dịch vụ công ích", "Trường Mầm non Hoa Hồng", "Trường Mầm non Hoa Sen", "Trường Mầm non Sơn Ca", "Trường Tiểu học Tam Thanh",
        "Trường Tiểu học Vĩnh Trại", "Trường Tiểu học Hoàng Văn Thụ", "Trường THCS Tam Thanh", "Trường THCS Vĩnh Trại",
    ];

    /// <summary>The asset forms the inventory's subjects registered: 16 the public assets (01a), one transport infrastructure (02a), one a cultural institution (18a).</summary>
    private static readonly string[][] SubjectForms = [["01a", "02a"], ["01a", "18a"], ["01a"]];

    /// <summary>Seed 001, line 49: the unit's own words under II.2.1.</summary>
    private const string Simplification = "UBND phường chỉ đạo các phòng ban tiếp tục tập trung rà soát, đề xuất cắt giảm, đơn giản hóa quy định, TTHC " +
        "liên quan đến hoạt động đầu tư, sản xuất, kinh doanh và đời sống người dân gắn với sắp xếp, tinh gọn tổ chức bộ máy.";

    [Fact]
    public async Task The_regenerated_report_prints_every_computed_figure_as_seed_001()
    {
        var (unit, officer, chairman) = await RegisterWardAsync();
        await LoadDossiersAsync(unit, officer);
        await LoadFinanceAsync(unit, officer);
        await LoadStaffingAsync(unit, officer);
        await LoadPlanAsync(unit, officer, chairman);
        var report = $"/api/v1/units/{unit}/reports/periods/2026-Q1";
        await SendOkAsync(HttpMethod.Put, $"{report}/facts/video-meetings", officer, new { value = 10 }); // 001:180
        await SendOkAsync(HttpMethod.Put, $"{report}/facts/communication-participants", officer, new { value = 9000, atLeast = true }); // 001:37
        await SendOkAsync(HttpMethod.Put, $"{report}/narrative/II.2.1", officer, new { text = Simplification });

        var sentences = await SentencesOnceEveryFigureArrivedAsync(report, officer);
        var scorecard = await ScorecardOnceTheTargetArrivedAsync(report, officer);
        using var submitted = await platform.AppHost.SendAsync(HttpMethod.Post, $"{report}/submit", chairman, new { sequence = 188 });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var document = await DocumentTextAsync($"{report}/versions/1/document", chairman);

        foreach (var phrase in Seed001Phrases.Printed)
        {
            var (section, text) = ((string)phrase[0], (string)phrase[1]);
            Assert.True(sentences.TryGetValue(section, out var printed) && printed.Contains(text, StringComparison.Ordinal),
                $"II.06a and the figures of {unit}: \"{text}\" is not under {section}: {printed}");
            Assert.Contains(text, document, StringComparison.Ordinal);
        }
        Assert.Equal([("Dossiers.SatisfactionRate", "at-least", 90m, 100m, "met")], scorecard.GetProperty("lines").EnumerateArray().Select(l =>
            (l.GetProperty("indicatorCode").GetString(), l.GetProperty("comparator").GetString(), l.GetProperty("threshold").GetDecimal(),
                l.GetProperty("value").GetDecimal(), l.GetProperty("result").GetString())));
        Assert.Contains("Số: 188/BC-UBND", document, StringComparison.Ordinal);
        Assert.Contains("Công tác cải cách hành chính phường Tam Thanh", document, StringComparison.Ordinal);
        Assert.Contains(Simplification, document, StringComparison.Ordinal);
        Assert.Contains("- Số cuộc họp trực tuyến qua Hệ thống Hội nghị truyền hình: 10.", document, StringComparison.Ordinal);
        Assert.Contains("- Số người tham gia hội nghị tuyên truyền: trên 9.000.", document, StringComparison.Ordinal);
    }

    /// <summary>
    /// The ward, registered by the administrator in Lạng Sơn, and its chairman; the chairman registers its agencies and public
    /// service units; then its officer of the Culture–Social office. Each service knows the ward before this returns.
    /// </summary>
    private async Task<(string Unit, string Officer, string Chairman)> RegisterWardAsync()
    {
        var unit = Random.Shared.Next(10000, 24000).ToString(CultureInfo.InvariantCulture);
        var admin = await platform.AppHost.TokenAsync("admin");
        await SendAsync(HttpMethod.Post, "/api/v1/admin/units", admin, new { code = unit, name = "Phường Tam Thanh", kind = "ward", provinceCode = "20" },
            HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/v1/admin/users", admin, new
        {
            userName = $"chutich.{unit}", displayName = "Chủ tịch UBND phường Tam Thanh", role = "unit-chairman", password = Password, unitCode = unit,
        }, HttpStatusCode.Created);
        var chairman = await platform.AppHost.TokenAsync($"chutich.{unit}", Password);
        foreach (var (code, name) in Agencies)
            await SendAsync(HttpMethod.Post, $"/api/v1/units/{unit}/agencies", chairman, new { code, name, kind = "administrative" }, HttpStatusCode.Created);
        for (var i = 0; i < PublicServiceUnits.Length; i++)
            await SendAsync(HttpMethod.Post, $"/api/v1/units/{unit}/agencies", chairman,
                new { code = $"sn{i + 1:00}", name = PublicServiceUnits[i], kind = i == 0 ? "public-service" : "school" }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/v1/admin/users", admin, new
        {
            userName = $"canbo.{unit}", displayName = "Cán bộ phòng Văn hóa - Xã hội", role = "unit-officer", password = Password, unitCode = unit,
            agencyCode = "cq3-van-hoa-xa-hoi",
        }, HttpStatusCode.Created);
        var officer = await platform.AppHost.TokenAsync($"canbo.{unit}", Password);
        foreach (var area in new[] { "dossiers", "finance", "staffing", "plans", "reports" })
            await UntilAsync(async () =>
            {
                using var status = await platform.AppHost.SendAsync(HttpMethod.Get, $"/api/v1/units/{unit}/{area}/status", officer);
                return status.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(30), $"the {area} service does not know the ward {unit}");
        return (unit, officer, chairman);
    }

    /// <summary>
    /// The catalogue of 399 procedures (the quarter's three among them; 001:55), the quarter's 2,057 dossiers with 5,862 earlier
    /// ones resolved before it, all digitised (7.919/7.919 to date, 001:75), and the one feedback received since 01/12/2025 (001:83).
    /// </summary>
    private async Task LoadDossiersAsync(string unit, string officer)
    {
        var dossiers = $"/api/v1/units/{unit}/dossiers";
        var catalogue = new StringBuilder("code,name,field,timeLimit,onlineLevel\n");
        foreach (var (code, name, field) in TamThanhQuarter.Procedures)
            catalogue.Append(CultureInfo.InvariantCulture, $"{code},{name},{field},10,full\n");
        for (var i = 1; i <= 399 - TamThanhQuarter.Procedures.Length; i++)
            catalogue.Append(CultureInfo.InvariantCulture, $"TT.{i:000},Thủ tục {i},Hộ tịch,5,{(i % 3 == 0 ? "partial" : "full")}\n");
        using (var imported = await TamThanhQuarter.PostCsvAsync(platform.AppHost, officer, $"{dossiers}/procedures/import", catalogue.ToString()))
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var history = new StringBuilder(TamThanhQuarter.Csv());
        for (var i = 0; i < 5862; i++)
        {
            var received = new DateTime(2025, 1, 6, 8, 0, 0).AddDays(i % 290);
            history.Append(CultureInfo.InvariantCulture,
                $"H-{i:D4},{TamThanhQuarter.Procedures[i % 3].Code},online,HS-{i:D4},{TamThanhQuarter.Local(received)}," +
                $"{TamThanhQuarter.Local(received.AddDays(7))},result-returned,{TamThanhQuarter.Local(received.AddDays(2))},true,,\n");
        }
        using var accepted = await TamThanhQuarter.PostCsvAsync(platform.AppHost, officer, $"{dossiers}/imports", history.ToString());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await TamThanhQuarter.WaitForImportAsync(platform.AppHost, officer, accepted.Headers.Location!);
        Assert.Equal(("completed", 7919), (job.GetProperty("status").GetString(), job.GetProperty("writtenRows").GetInt32()));

        await SendAsync(HttpMethod.Post, $"{dossiers}/feedback", officer,
            new { channel = "portal", subject = "Công tác giải quyết TTHC", senderReference = "PAKN-01" }, HttpStatusCode.Created);
    }

    /// <summary>
    /// Seed 001's section II.5: the 2026 budget (estimates inside the bands INVENTORY.md rows 52–59 derive, the actuals of
    /// 28/02/2026), the 2025 capital plan disbursed by 31/01/2026 and the 2026 plan, the autonomy of the nine public service
    /// units, and the general inventory of public assets (3 of 19 types, 16/16 subjects, reports due before 31/3/2026).
    /// </summary>
    private async Task LoadFinanceAsync(string unit, string officer)
    {
        var finance = $"/api/v1/units/{unit}/finance";
        foreach (var (item, province, own) in new[] { ("total-revenue", 65_519, 73_038), ("land-use-fees", 14_533, 18_474), ("total-expenditure", 200_000, 214_286) })
        {
            await SendAsync(HttpMethod.Post, $"{finance}/budgets/2026/estimates", officer,
                new { itemCode = item, basis = "province-assigned", millions = province, decidedOn = "2025-12-10" }, HttpStatusCode.Created);
            await SendAsync(HttpMethod.Post, $"{finance}/budgets/2026/estimates", officer,
                new { itemCode = item, basis = "unit-own", millions = own, decidedOn = "2025-12-10" }, HttpStatusCode.Created);
        }
        foreach (var (item, millions) in new[] { ("total-revenue", 44_553), ("land-use-fees", 21_799), ("total-expenditure", 30_000) })
            await SendOkAsync(HttpMethod.Post, $"{finance}/budgets/2026/actuals", officer, new { itemCode = item, asOf = "2026-02-28", millions });

        await SendOkAsync(HttpMethod.Put, $"{finance}/capital-plans/2025", officer,
            new { allocations = new[] { new { sourceCode = "nstw", millions = 779m }, new { sourceCode = "nsdp", millions = 3_870m } } });
        foreach (var (date, source, millions) in new[]
        {
            ("2025-09-30", "nstw", 500m), ("2025-11-14", "nsdp", 2_000m), ("2026-01-20", "nstw", 279m), ("2026-01-31", "nsdp", 1_190.4m),
        })
            await SendAsync(HttpMethod.Post, $"{finance}/capital-plans/2025/disbursements", officer, new { date, sourceCode = source, millions },
                HttpStatusCode.Created);
        await SendOkAsync(HttpMethod.Put, $"{finance}/capital-plans/2026", officer,
            new { allocations = new[] { new { sourceCode = "nstw", millions = 14_725m }, new { sourceCode = "nsdp", millions = 3_400m } } });

        for (var i = 0; i < PublicServiceUnits.Length; i++)
            await SendOkAsync(HttpMethod.Put, $"{finance}/autonomy/sn{i + 1:00}", officer, new
            {
                name = PublicServiceUnits[i], group = i == 0 ? "half-self-funding" : "state-funded", approvedOn = "2025-09-01", decision = $"{i + 10}/QĐ-UBND",
            });

        var inventory = $"{finance}/assets/inventories/tong-kiem-ke-2026";
        await SendOkAsync(HttpMethod.Put, inventory, officer, new
        {
            name = "Tổng kiểm kê tài sản công", decision = "213/QĐ-TTg", assetTypeCount = 19,
            assetTypes = new[]
            {
                new { form = "01a", name = "Tài sản công tại cơ quan, tổ chức, đơn vị" },
                new { form = "02a", name = "Tài sản kết cấu hạ tầng giao thông" },
                new { form = "18a", name = "Tài sản kết cấu hạ tầng thuộc thiết chế văn hóa, thiết chế thể thao ở cơ sở" },
            },
            registrationDeadline = "2026-01-31", reportDeadline = "2026-03-31",
        });
        for (var subject = 1; subject <= 16; subject++)
            await SendOkAsync(HttpMethod.Put, $"{inventory}/subjects/dv-{subject:00}", officer, new
            {
                name = $"Đơn vị {subject}", teamFormedOn = "2026-01-10", registeredOn = "2026-01-20",
                assetForms = SubjectForms[Math.Min(subject, SubjectForms.Length) - 1],
            });
    }

    /// <summary>Seed 001's sections II.3 and II.4: the quota "tạm giao" 379 = 52 + 327 (323 + 04), 364 = 45 + 319 in post on 28/02/2026, the quarter's movements.</summary>
    private async Task LoadStaffingAsync(string unit, string officer)
    {
        var staffing = $"/api/v1/units/{unit}/staffing";
        await SendOkAsync(HttpMethod.Put, $"{staffing}/quotas/2026", officer,
            new { civilServants = 52, budgetPaidPublicEmployees = 323, selfPaidPublicEmployees = 4, provisional = true, decidedOn = "2025-12-30" });
        await SendOkAsync(HttpMethod.Post, $"{staffing}/headcounts", officer, new { asOf = "2026-02-28", civilServants = 45, publicEmployees = 319 });
        await SendOkAsync(HttpMethod.Put, $"{staffing}/movements/2026-Q1", officer,
            new { transferredToCivilService = 1, discipline = Array.Empty<object>(), promotionRegistrations = 14 });
    }

    /// <summary>
    /// The ward's PAR plan of 2026 (seed 000, issued by the chairman; its number is not in the seed) with its target "mức độ hài
    /// lòng … đạt tối thiểu 90%" (000:104-108), which the report's scorecard holds against the quarter's satisfaction rate; and
    /// its plan of 2025 with a disbursement target of 73%, which the seeds do not give: "vượt 12% theo chỉ tiêu" (001:129)
    /// implies it (INVENTORY.md row 63, read as percentage points).
    /// </summary>
    private async Task LoadPlanAsync(string unit, string officer, string chairman)
    {
        await IssuePlanAsync(unit, officer, chairman, 2025, "2025-01-10", new
        {
            area = "public-finance", text = "Giải ngân vốn đầu tư công năm 2025 đạt tối thiểu 73% kế hoạch vốn được giao",
            indicatorCode = "Finance.DisbursementRate", comparator = "at-least", threshold = 73,
        });
        await IssuePlanAsync(unit, officer, chairman, 2026, "2026-02-03", new
        {
            area = "procedures", text = "Mức độ hài lòng của người dân, tổ chức đối với việc giải quyết TTHC đạt tối thiểu 90%",
            indicatorCode = "Dossiers.SatisfactionRate", comparator = "at-least", threshold = 90,
        });
    }

    private async Task IssuePlanAsync(string unit, string officer, string chairman, int year, string issueDate, object target)
    {
        var plans = $"/api/v1/units/{unit}/plans";
        using var created = await platform.AppHost.SendAsync(HttpMethod.Post, plans, officer, new
        {
            issuerName = "UBND phường Tam Thanh", title = $"Kế hoạch cải cách hành chính năm {year}", fromYear = year, toYear = year, symbol = "KH-UBND",
            targets = new[] { target },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await SendOkAsync(HttpMethod.Post, $"{plans}/{plan}/issue", chairman, new { number = "01", issueDate });
    }

    /// <summary>The report's scorecard once it holds the plan's target (its events have reached reporting), or as it is at the deadline.</summary>
    private async Task<JsonElement> ScorecardOnceTheTargetArrivedAsync(string report, string token)
    {
        var scorecard = default(JsonElement);
        await UntilAsync(async () =>
        {
            using var response = await platform.AppHost.SendAsync(HttpMethod.Get, $"{report}/scorecard", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            scorecard = await response.Content.ReadFromJsonAsync<JsonElement>();
            return scorecard.GetProperty("lines").GetArrayLength() > 0;
        }, EventsDeadline, null);
        return scorecard;
    }

    /// <summary>
    /// The report's sentences by heading from the figures API, once every phrase of <see cref="Seed001Phrases"/> is printed (the
    /// services' events have reached reporting), or as they are at the deadline.
    /// </summary>
    private async Task<Dictionary<string, string>> SentencesOnceEveryFigureArrivedAsync(string report, string token)
    {
        var sentences = new Dictionary<string, string>();
        await UntilAsync(async () =>
        {
            using var response = await platform.AppHost.SendAsync(HttpMethod.Get, $"{report}/figures", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var figures = await response.Content.ReadFromJsonAsync<JsonElement>();
            sentences = figures.GetProperty("sentences").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!,
                s => string.Join("\n", s.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())));
            return Seed001Phrases.Printed.All(p => sentences.TryGetValue((string)p[0], out var printed) && printed.Contains((string)p[1], StringComparison.Ordinal));
        }, EventsDeadline, null);
        return sentences;
    }

    /// <summary>A Word document's paragraphs, a line each.</summary>
    private async Task<string> DocumentTextAsync(string path, string token)
    {
        using var response = await platform.AppHost.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(file, false);
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Polls <paramref name="done"/> until it holds; past the deadline, fails with <paramref name="failure"/>, or returns when that is null.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, TimeSpan deadline, string? failure)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                Assert.True(failure is null, failure);
                return;
            }
            await Task.Delay(500);
        }
    }

    private Task SendOkAsync(HttpMethod method, string path, string token, object body) => SendAsync(method, path, token, body, HttpStatusCode.OK);

    private async Task SendAsync(HttpMethod method, string path, string token, object body, HttpStatusCode expected)
    {
        using var response = await platform.AppHost.SendAsync(method, path, token, body);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
