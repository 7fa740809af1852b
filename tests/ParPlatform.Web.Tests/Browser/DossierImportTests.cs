using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// Importing dossiers from a file at the desk in a real browser: a file with two bad rows is refused with both problems in the
/// table and nothing written (the dossiers service imports a file whole or not at all); the corrected file is written, its
/// progress followed to the end, and its dossiers are in the desk's list.
/// </summary>
[Collection(SharedWebPlatform.Name)]
public sealed class DossierImportTests(WebPlatform platform)
{
    [Fact]
    public async Task An_officer_sees_a_files_bad_rows_then_imports_it_corrected_and_finds_its_dossiers_at_the_desk()
    {
        // Fifteen working days: the imported dossiers are due beyond the desk's due-soon lists, which DeskTests reads.
        await platform.CallAsync(HttpMethod.Post, "/api/v1/units/06112/dossiers/procedures", "tamthanh.canbo", new
        {
            code = "3.06112", name = "Cấp bản sao trích lục hộ tịch", field = "Hộ tịch", timeLimit = 15, timeLimitUnit = "days", fee = 0,
            onlineLevel = "full", interLevel = false, active = true,
        }, HttpStatusCode.Created);
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        string Row(int i, string procedure, string channel) => $"NHAP-{run}-{i},{procedure},{channel},NH-{run}-{i},{receivedAt}";
        var header = "externalId,procedureCode,channel,applicantReference,receivedAt";
        string[] bad = [header, Row(1, "3.06112", "online"), Row(2, "3.06112", "fax"), Row(3, "3.06112", "in-person"), Row(4, "9.99999", "postal"), Row(5, "3.06112", "postal")];
        string[] corrected = [header, Row(1, "3.06112", "online"), Row(2, "3.06112", "in-person"), Row(3, "3.06112", "in-person"), Row(4, "3.06112", "postal"), Row(5, "3.06112", "postal")];
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "tamthanh.canbo");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Nhập hồ sơ từ tệp" }).ClickAsync();

        // Two bad rows (lines 3 and 5 of the file, the header being line 1): both in the table, nothing written.
        await UploadAsync(page, "ho-so-loi.csv", bad);
        await Assertions.Expect(page.GetByTestId("import-refusal")).ToHaveTextAsync("Tệp có dòng không hợp lệ; chưa ghi hồ sơ nào. 2 lỗi.");
        var errors = page.GetByTestId("import-errors").Locator("tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Nth(0).Locator("td")).ToHaveTextAsync(["3", "channel", "Kênh nộp là \"online\", \"in-person\" hoặc \"postal\"."]);
        await Assertions.Expect(errors.Nth(1).Locator("td")).ToHaveTextAsync(["5", "procedureCode", "Đơn vị không có thủ tục mã 9.99999; nhập danh mục thủ tục trước."]);
        await Assertions.Expect(page.GetByTestId("import-progress")).ToHaveCountAsync(0);
        await WebPlatform.ScreenshotAsync(page, "import-errors");
        var none = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/dossiers/imports", "tamthanh.canbo");
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), j => j.GetProperty("totalRows").GetInt32() == 5);

        // The file corrected: its progress followed until all five rows are written, and the import among the past ones.
        await UploadAsync(page, "ho-so.csv", corrected);
        await Assertions.Expect(page.GetByTestId("import-progress").Locator("p")).ToHaveTextAsync("Hoàn thành: đã ghi 5 / 5 dòng (100%).",
            new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-progress").Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("import-jobs").Locator("tbody tr").First).ToContainTextAsync("Hoàn thành");
        await Assertions.Expect(page.GetByTestId("import-jobs").Locator("tbody tr").First).ToContainTextAsync("5 / 5");

        // The desk's list has the five dossiers, received.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Danh sách hồ sơ" }).ClickAsync();
        for (var i = 1; i <= 5; i++)
        {
            var row = page.GetByTestId("dossier-table").Locator("tr", new() { HasText = $"NH-{run}-{i}" });
            await Assertions.Expect(row).ToContainTextAsync("Đã tiếp nhận");
            await Assertions.Expect(row).ToContainTextAsync("3.06112");
        }
        var imports = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06112/dossiers/imports", "tamthanh.canbo");
        var job = imports.GetProperty("items")[0];
        Assert.Equal(("completed", 5, 5), (job.GetProperty("status").GetString(), job.GetProperty("totalRows").GetInt32(), job.GetProperty("writtenRows").GetInt32()));
    }

    [Fact]
    public async Task A_province_reviewer_is_not_offered_the_import()
    {
        await using var browser = await platform.NewBrowserAsync();
        var page = await platform.SignInAsync(browser, "langson.sonoivu");

        await page.GotoAsync("/units/06112/desk");

        await page.GetByTestId("dossier-table").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Tab, new() { Name = "Nhập hồ sơ từ tệp" }).CountAsync());
    }

    private static async Task UploadAsync(IPage page, string name, string[] lines)
    {
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"),
        });
        await page.GetByTestId("import-submit").ClickAsync();
    }
}
