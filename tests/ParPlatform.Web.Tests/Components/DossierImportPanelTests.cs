using System.Net;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Desk;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// Importing dossiers from a file on the desk: offered to the unit's officers and chairman only; an accepted file's progress read
/// until it completes; a refused file's problems in a table by row and column.
/// </summary>
public sealed class DossierImportPanelTests : ComponentTest
{
    private const string Csv = "externalId,procedureCode,channel,applicantReference,receivedAt\nA-1,1.001193,online,BN-1,2026-03-02T08:00:00+07:00\n";

    [Fact]
    public void An_accepted_file_shows_its_progress_until_every_row_is_written()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var id = Guid.CreateVersion7();
        Api.NextImport = () => Task.FromResult(FakeDossiersApi.ImportJob(id, "queued", 3, 0, 0));
        Api.Progress.Enqueue(FakeDossiersApi.ImportJob(id, "writing", 3, 1, 33.3m));
        Api.Progress.Enqueue(FakeDossiersApi.ImportJob(id, "writing", 3, 2, 66.7m));
        Api.Progress.Enqueue(FakeDossiersApi.ImportJob(id, "completed", 3, 3, 100));
        var panel = Render<DossierImportPanel>(p => p.Add(c => c.UnitCode, "06112").Add(c => c.PollInterval, TimeSpan.FromMilliseconds(10)));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Csv, "ho-so.csv"));
        Api.PastImports.Add(FakeDossiersApi.ImportJob(id, "completed", 3, 3, 100));
        panel.Find("button[data-testid=import-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Hoàn thành: đã ghi 3 / 3 dòng (100%).",
            Regex.Replace(panel.Find("[data-testid=import-progress] p").TextContent.Trim(), @"\s+", " ")));
        Assert.Equal(["import text/csv " + Csv, $"progress {id}", $"progress {id}", $"progress {id}"], Api.Calls);
        Assert.Equal("100", panel.Find("[data-testid=import-progress] .mud-progress-linear").GetAttribute("aria-valuenow"));
        Assert.Empty(panel.FindAll("[data-testid=import-errors]"));
        // The past imports are read again once it is done.
        panel.WaitForAssertion(() => Assert.Contains("Hoàn thành", panel.Find("[data-testid=import-jobs] tbody").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_past_imports_are_filtered_by_status()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Api.PastImports.Add(FakeDossiersApi.ImportJob(Guid.CreateVersion7(), "completed", 3, 3, 100));
        Api.PastImports.Add(FakeDossiersApi.ImportJob(Guid.CreateVersion7(), "failed", 5, 0, 0));
        var panel = Render<DossierImportPanel>(p => p.Add(c => c.UnitCode, "06112"));
        IReadOnlyList<string> Statuses() => [.. panel.FindAll("[data-testid=import-jobs] tbody tr td[data-label='Trạng thái']").Select(td => td.TextContent.Trim())];
        panel.WaitForAssertion(() => Assert.Equal(["Hoàn thành", "Không thành công"], Statuses()));
        var status = panel.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Trạng thái");

        panel.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("failed"));
        panel.WaitForAssertion(() => Assert.Equal(["Không thành công"], Statuses()), TimeSpan.FromSeconds(10));
        panel.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("writing"));
        panel.WaitForAssertion(() => Assert.Contains("Không có lần nhập nào ở trạng thái này.", panel.Find("[data-testid=import-jobs]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        panel.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(null));
        panel.WaitForAssertion(() => Assert.Equal(["Hoàn thành", "Không thành công"], Statuses()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_refused_file_lists_its_rows_problems_by_row_and_column_twenty_a_page()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        var rows = Enumerable.Range(2, 25).Select(row => new { row, column = "channel", reason = "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\"." })
            .Prepend(new { row = 2, column = "procedureCode", reason = "Đơn vị không có thủ tục mã 9.999; nhập danh mục thủ tục trước." }).ToList();
        Api.NextImport = () => Refusals.ThrowAsync<DossierImportJob>(HttpStatusCode.BadRequest, new
        {
            title = "Tệp có dòng không hợp lệ; chưa ghi hồ sơ nào.",
            detail = "26 lỗi.",
            status = 400,
            problemCount = 26,
            rows,
        });
        var panel = Render<DossierImportPanel>(p => p.Add(c => c.UnitCode, "06112"));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Csv, "ho-so.csv"));
        panel.Find("button[data-testid=import-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Tệp có dòng không hợp lệ; chưa ghi hồ sơ nào. 26 lỗi.", panel.Find("[data-testid=import-refusal]").TextContent.Trim()));
        var cells = panel.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(20, cells.Count);
        Assert.Equal(["2", "procedureCode", "Đơn vị không có thủ tục mã 9.999; nhập danh mục thủ tục trước."], cells[0]);
        Assert.Equal(["2", "channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\"."], cells[1]);
        Assert.Empty(panel.FindAll("[data-testid=import-progress]"));
        Assert.DoesNotContain(Api.Calls, c => c.StartsWith("progress", StringComparison.Ordinal));
    }

    [Fact]
    public void An_excel_workbook_is_sent_as_one_and_another_refusal_shows_its_reason()
    {
        SignIn(PlatformRoles.UnitOfficer, unit: "06112");
        Api.NextImport = () => Refusals.ThrowAsync<DossierImportJob>(HttpStatusCode.TooManyRequests, new
        {
            title = "Dịch vụ đang nhận tối đa số tệp nhập cùng lúc.",
            detail = "Đang nhận 2 tệp hồ sơ; gửi lại tệp sau 30 giây.",
            status = 429,
        });
        var panel = Render<DossierImportPanel>(p => p.Add(c => c.UnitCode, "06112"));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("x", "ho-so.xlsx"));
        panel.Find("button[data-testid=import-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal("Dịch vụ đang nhận tối đa số tệp nhập cùng lúc. Đang nhận 2 tệp hồ sơ; gửi lại tệp sau 30 giây.",
            panel.Find("[data-testid=import-problem]").TextContent.Trim()));
        Assert.Equal(["import application/vnd.openxmlformats-officedocument.spreadsheetml.sheet x"], Api.Calls);
        Assert.Empty(panel.FindAll("[data-testid=import-errors]"));
    }

    [Theory]
    [InlineData(PlatformRoles.UnitOfficer, "06112", null, true)]
    [InlineData(PlatformRoles.UnitChairman, "06112", null, true)]
    [InlineData(PlatformRoles.UnitOfficer, "06181", "20", false)] // an officer of another unit
    [InlineData(PlatformRoles.ProvinceReviewer, null, "20", false)]
    public void Only_the_units_officers_and_chairman_are_offered_the_import(string role, string? unit, string? province, bool offered)
    {
        SignIn(role, unit, province);

        var desk = Render<DeskPage>(p => p.Add(c => c.UnitCode, "06112"));

        desk.WaitForAssertion(() => Assert.Contains("Danh sách hồ sơ", desk.Markup, StringComparison.Ordinal));
        Assert.Equal(offered, desk.FindAll(".mud-tab").Any(t => t.TextContent.Trim() == "Nhập hồ sơ từ tệp"));
    }
}
