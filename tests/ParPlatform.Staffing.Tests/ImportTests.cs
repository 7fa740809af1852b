using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ParPlatform.Contracts.Staffing;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.TestSupport;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>Quotas and headcounts entered from a file (CSV or XLSX): Tam Thanh's read back as printed; all or nothing.</summary>
public sealed class ImportTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private const string Header =
        "kind,year,date,agencyCode,civilServants,publicEmployees,budgetPaidPublicEmployees,selfPaidPublicEmployees,civilServantsWithDegree,publicEmployeesWithDegree,provisional,decision\n";

    private static readonly string[] Written = ["staffing_quotas", "headcounts"];

    private Task<HttpResponseMessage> ImportCsvAsync(string unit, string csv) =>
        staffing.Officer(unit).PostAsync($"{StaffingClient.Staffing(unit)}/import", new StringContent(Header + csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task Tam_Thanh_s_quota_and_headcount_from_a_csv_file_read_back_as_printed()
    {
        // The headcount comes first in the file; the quotas are applied first, so it is compared with the file's quota.
        using var response = await ImportCsvAsync(TamThanh, """
            headcount,,2026-02-28,,45,319,,,,,,
            headcount,,2026-02-28,hanh-chinh-cong,6,0,,,6,,,
            quota,2026,2025-12-30,,52,,323,4,,,true,
            """);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var report = await staffing.Reviewer(LangSon).GetReportAsync(TamThanh, 2026, new DateOnly(2026, 3, 5));

        Assert.Equal((379, 52, 327, 323, 4, true), (report.Unit.Quota!.Total, report.Unit.Quota.CivilServants, report.Unit.Quota.PublicEmployees,
            report.Unit.Quota.BudgetPaidPublicEmployees, report.Unit.Quota.SelfPaidPublicEmployees, report.Unit.Quota.Provisional));
        Assert.Equal([364, 45, 319], report.Unit.Lines.Take(3).Select(l => l.InPost!.Value));
        Assert.Equal([15, 7, 8], report.Unit.Lines.Take(3).Select(l => l.Vacancies!.Value));
        Assert.Equal("100%", Assert.Single(Assert.Single(report.Agencies).Degrees).Rate.Text);
    }

    [Fact]
    public async Task A_workbook_enters_the_same_and_a_headcount_above_its_quota_is_flagged()
    {
        object?[] header = [.. Header.TrimEnd().Split(',')];
        var workbook = Workbooks.Build(header,
            ["quota", 2026m, new DateOnly(2026, 1, 10), "van-phong", 8m, 0m, 0m, 0m, null, null, false, "15/QĐ-UBND"],
            ["headcount", null, new DateOnly(2026, 3, 1), "van-phong", 9m, 0m, null, null, 9m, null, null, null]);
        using var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportUploads.Xlsx);

        using var response = await staffing.Officer(NamGiaNghia).PostAsync($"{StaffingClient.Staffing(NamGiaNghia)}/import", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var office = Assert.Single((await staffing.Officer(NamGiaNghia).GetReportAsync(NamGiaNghia, 2026, new DateOnly(2026, 3, 31))).Agencies);
        Assert.Equal(("van-phong", "15/QĐ-UBND", true), (office.AgencyCode!, office.Quota!.Decision, office.OverQuota));
        Assert.Equal((8, 9, 1), (office.Lines[1].Quota!.Value, office.Lines[1].InPost!.Value, office.Lines[1].OverBy));
        Assert.Equal(StaffCategory.CivilServants, office.Lines[1].Category);
    }

    [Fact]
    public async Task One_bad_row_writes_nothing_and_every_bad_row_is_named()
    {
        var before = await Task.WhenAll(Written.Select(staffing.CountAsync));
        using var response = await ImportCsvAsync(ChiLang, """
            quota,2026,2026-01-10,,20,,30,0,,,false,
            quota,2026,2024-01-10,kinh-te,5,,0,0,,,false,
            headcount,,2026-02-28,,20,30,25,,,,,
            headcount,,2026-02-28,Kinh Tế,5,0,,,,,,
            bien-che,,2026-02-28,,1,1,,,,,,
            headcount,,2026-02-28,van-phong,4,0,,,5,,,
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = body.RootElement.GetProperty("rows").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).OrderBy(p => p.Item1).ToList();
        Assert.Equal([(3, "date"), (4, "selfPaidPublicEmployees"), (5, "agencyCode"), (6, "kind"), (7, "civilServantsWithDegree")], problems);
        Assert.Equal(before, await Task.WhenAll(Written.Select(staffing.CountAsync)));
    }
}
