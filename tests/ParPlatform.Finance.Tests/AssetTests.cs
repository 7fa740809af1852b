using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// Tam Thanh's general inventory of public assets as seed 001 prints it (001:137-149): 03 of 19 asset types, 16/16 subjects
/// with their team and registration, 16 / 01 / 01 per type, reports due before 31/3/2026; the disposal of 001:127; the count
/// of violations in the use of administrative funds.
/// </summary>
public sealed class AssetTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private const string Inventory = "tong-kiem-ke-2026";

    private static string Path(string unit) => $"/api/v1/units/{unit}/finance/assets/inventories/{Inventory}";

    private static readonly InventoryInput Decision = new("Tổng kiểm kê tài sản công", "213/QĐ-TTg", 19,
    [
        new AssetTypeInput("01a", "Tài sản công tại cơ quan, tổ chức, đơn vị"),
        new AssetTypeInput("02a", "Tài sản kết cấu hạ tầng giao thông"),
        new AssetTypeInput("18a", "Tài sản kết cấu hạ tầng thuộc thiết chế văn hóa, thiết chế thể thao ở cơ sở"),
    ], new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 31));

    private static InventorySubjectInput Registered(int subject, params string[] forms) =>
        new($"Đơn vị {subject}", new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 20 + subject % 10), ["01a", .. forms], null);

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(FinanceClient.Json))!;
        }
    }

    private async Task<InventoryReport> ReportAsync(string unit, string asOf) =>
        (await finance.Reviewer(LangSon).GetFromJsonAsync<InventoryReport>($"{Path(unit)}?asOf={asOf}", FinanceClient.Json))!;

    [Fact]
    public async Task Tam_Thanh_s_inventory_prints_as_seed_001_and_counts_the_reports_against_their_deadline()
    {
        await OkAsync<InventoryReport>(await finance.Officer(TamThanh).PutAsJsonAsync(Path(TamThanh), Decision, FinanceClient.Json));
        for (var subject = 1; subject <= 16; subject++)
        {
            var progress = subject switch { 1 => Registered(subject, "02a"), 2 => Registered(subject, "18a"), _ => Registered(subject) };
            await OkAsync<InventorySubjectResponse>(await finance.Chairman(TamThanh).PutAsJsonAsync($"{Path(TamThanh)}/subjects/dv-{subject:00}", progress, FinanceClient.Json));
        }
        await OkAsync<InventorySubjectResponse>(await finance.Officer(TamThanh).PutAsJsonAsync($"{Path(TamThanh)}/subjects/dv-03",
            Registered(3) with { ReportSubmittedOn = new DateOnly(2026, 3, 20) }, FinanceClient.Json));
        await OkAsync<InventorySubjectResponse>(await finance.Officer(TamThanh).PutAsJsonAsync($"{Path(TamThanh)}/subjects/dv-04",
            Registered(4) with { ReportSubmittedOn = new DateOnly(2026, 4, 2) }, FinanceClient.Json));

        var march = await ReportAsync(TamThanh, "2026-03-05");
        var april = await ReportAsync(TamThanh, "2026-04-05");
        var january = await ReportAsync(TamThanh, "2026-01-22");

        Assert.Equal(("03/19", "16/16", 16, "trước 31/3/2026"), (march.RegisteredTypesText, march.RegisteredText, march.RegisteredOnTime, march.ReportDeadlineText));
        Assert.Equal(
        [
            "01a Tài sản công tại cơ quan, tổ chức, đơn vị: 16 đơn vị",
            "02a Tài sản kết cấu hạ tầng giao thông: 01 đơn vị",
            "18a Tài sản kết cấu hạ tầng thuộc thiết chế văn hóa, thiết chế thể thao ở cơ sở: 01 đơn vị",
        ], march.AssetTypes.Select(t => $"{t.Form} {t.Name}: {t.Text}"));
        Assert.Equal((0, 0, 16), (march.ReportsOnTime, march.ReportsLate, march.ReportsMissing));
        Assert.Equal((1, 1, 14), (april.ReportsOnTime, april.ReportsLate, april.ReportsMissing));
        // By 22/01 the subjects registered on 20, 21 and 22/01 (1 and 2 among them: all three types), the rest not yet.
        Assert.Equal(("03/19", "5/16", 16), (january.RegisteredTypesText, january.RegisteredText, january.TeamsFormed));
        Assert.Equal(19, await finance.CountOutboxAsync(nameof(AssetInventoryProgressed), TamThanh));
    }

    [Fact]
    public async Task A_subject_registers_the_inventory_s_types_before_its_report_and_bad_input_writes_nothing()
    {
        var path = Path(ChiLang);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Officer(ChiLang).PutAsJsonAsync($"{path}/subjects/dv-01", Registered(1), FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Reviewer(LangSon).PutAsJsonAsync(path, Decision, FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Officer(TamThanh).PutAsJsonAsync(path, Decision, FinanceClient.Json)).StatusCode);
        foreach (var (bad, field) in new[]
        {
            (Decision with { AssetTypeCount = 0 }, "assetTypeCount"),
            (Decision with { AssetTypeCount = 2 }, "assetTypes"),
            (Decision with { AssetTypes = [new AssetTypeInput("01A", "Tài sản")] }, "assetTypes[0].form"),
            (Decision with { AssetTypes = [new AssetTypeInput("01a", "A"), new AssetTypeInput("01a", "B")] }, "assetTypes[1].form"),
            (Decision with { ReportDeadline = null }, "reportDeadline"),
            (Decision with { RegistrationDeadline = new DateOnly(2026, 4, 1) }, "registrationDeadline"),
            (Decision with { Name = "" }, "name"),
        })
        {
            Assert.Contains(field, (await FinanceClient.ErrorsAsync(await finance.Officer(ChiLang).PutAsJsonAsync(path, bad, FinanceClient.Json))).Keys);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Officer(ChiLang).GetAsync(path)).StatusCode);

        await OkAsync<InventoryReport>(await finance.Officer(ChiLang).PutAsJsonAsync(path, Decision, FinanceClient.Json));
        foreach (var (bad, field) in new[]
        {
            (Registered(1, "05a"), "assetForms[1]"),
            (Registered(1, "01a"), "assetForms[1]"),
            (Registered(1) with { RegisteredOn = null }, "registeredOn"),
            (Registered(1) with { AssetForms = [] }, "assetForms"),
            (Registered(1) with { ReportSubmittedOn = new DateOnly(2026, 1, 2) }, "reportSubmittedOn"),
            (Registered(1) with { Name = null }, "name"),
        })
        {
            Assert.Contains(field, (await FinanceClient.ErrorsAsync(
                await finance.Officer(ChiLang).PutAsJsonAsync($"{path}/subjects/dv-01", bad, FinanceClient.Json))).Keys);
        }
        Assert.Empty((await ReportAsync(ChiLang, "2026-03-05")).SubjectList);

        await OkAsync<InventorySubjectResponse>(await finance.Officer(ChiLang).PutAsJsonAsync($"{path}/subjects/dv-01", Registered(1, "02a"), FinanceClient.Json));
        var dropping = Decision with { AssetTypes = [new AssetTypeInput("01a", "Tài sản công tại cơ quan, tổ chức, đơn vị")] };
        Assert.Contains("assetTypes", (await FinanceClient.ErrorsAsync(await finance.Officer(ChiLang).PutAsJsonAsync(path, dropping, FinanceClient.Json))).Keys);
        Assert.Equal("02/19", (await ReportAsync(ChiLang, "2026-03-05")).RegisteredTypesText);
    }

    [Fact]
    public async Task The_demolition_of_001_127_is_noted_and_listed_by_year()
    {
        var disposals = $"/api/v1/units/{TamThanh}/finance/assets/disposals";
        var demolition = new AssetDisposalInput(new DateOnly(2026, 2, 10), "Công trình nhà sàn (nhà hàng Linh Dẫn cũ) trong khuôn viên hồ Phai Loạn", null,
            "Thành lập hội đồng thanh lý tài sản và tổ chức phá dỡ tài sản công theo đúng quy định");
        Assert.Contains("asset", (await FinanceClient.ErrorsAsync(await finance.Officer(TamThanh).PostAsJsonAsync(disposals, demolition with { Asset = " " }, FinanceClient.Json))).Keys);
        Assert.Contains("date", (await FinanceClient.ErrorsAsync(await finance.Officer(TamThanh).PostAsJsonAsync(disposals, demolition with { Date = null }, FinanceClient.Json))).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Reviewer(LangSon).PostAsJsonAsync(disposals, demolition, FinanceClient.Json)).StatusCode);

        using var created = await finance.Officer(TamThanh).PostAsJsonAsync(disposals, demolition, FinanceClient.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var of2026 = (await finance.Reviewer(LangSon).GetFromJsonAsync<List<AssetDisposalResponse>>($"{disposals}?year=2026", FinanceClient.Json))!;
        Assert.Equal([demolition.Asset], of2026.Select(d => d.Asset));
        Assert.Empty((await finance.Reviewer(LangSon).GetFromJsonAsync<List<AssetDisposalResponse>>($"{disposals}?year=2025", FinanceClient.Json))!);
        Assert.Equal(1, await finance.CountOutboxAsync(nameof(AssetDisposalRecorded), TamThanh));
    }

    [Fact]
    public async Task Violations_in_the_use_of_administrative_funds_are_counted_to_a_date_and_shown_with_the_budget_from_then()
    {
        var path = $"{FinanceClient.Budget(NamGiaNghia, 2026)}/admin-fund-violations";
        Assert.Contains("count", (await FinanceClient.ErrorsAsync(await finance.Officer(NamGiaNghia).PutAsJsonAsync(path, new ViolationsInput(-1, new DateOnly(2026, 3, 1)), FinanceClient.Json))).Keys);
        Assert.Contains("asOf", (await FinanceClient.ErrorsAsync(await finance.Officer(NamGiaNghia).PutAsJsonAsync(path, new ViolationsInput(0, new DateOnly(2025, 3, 1)), FinanceClient.Json))).Keys);

        await OkAsync<ViolationCount>(await finance.Officer(NamGiaNghia).PutAsJsonAsync(path, new ViolationsInput(0, new DateOnly(2026, 3, 1)), FinanceClient.Json));

        Assert.Contains("asOf", (await FinanceClient.ErrorsAsync(await finance.Officer(NamGiaNghia).PutAsJsonAsync(path, new ViolationsInput(1, new DateOnly(2026, 2, 1)), FinanceClient.Json))).Keys);
        var march = await finance.Reviewer(LamDong).GetBudgetAsync(NamGiaNghia, 2026, new DateOnly(2026, 3, 5));
        var february = await finance.Reviewer(LamDong).GetBudgetAsync(NamGiaNghia, 2026, new DateOnly(2026, 2, 5));
        Assert.Equal(("Finance.AdminBudgetViolations", 0, new DateOnly(2026, 3, 1)),
            (march.AdminFundViolations!.IndicatorCode, march.AdminFundViolations.Count, march.AdminFundViolations.AsOf));
        Assert.Null(february.AdminFundViolations);
        Assert.Equal(1, await finance.CountOutboxAsync(nameof(AdminFundViolationsRecorded), NamGiaNghia));
    }
}
