using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>An agency's part of a unit's report in a real browser: its officer writes and sends it, the unit's report shows it.</summary>
[Collection(SharedWebPlatform.Name)]
public sealed class AgencyPartTests(WebPlatform platform)
{
    [Fact]
    public async Task An_agencys_officer_sends_its_part_and_the_units_report_shows_it()
    {
        // Last year's annual report of Chi Lăng, which no other browser test writes or submits.
        var year = DateTime.UtcNow.Year - 1;
        var periods = await platform.CallAsync(HttpMethod.Get, $"/api/v1/units/06181/reports/periods?year={year}", "chilang.canbo");
        var period = periods.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Y").GetProperty("code").GetString();
        var report = $"/units/06181/reports/{period}";
        const string text = "Văn phòng HĐND và UBND tham mưu ban hành Kế hoạch cải cách hành chính năm.";

        // The officer of the Office (van-phong) writes the agency's part under heading I and sends it.
        await using var officerBrowser = await platform.NewBrowserAsync();
        var officer = await platform.SignInAsync(officerBrowser, "chilang.canbo");
        await officer.GotoAsync(report);
        await Assertions.Expect(officer.GetByTestId("report-status")).ToHaveTextAsync("Đang soạn");
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Phần của cơ quan" }).ClickAsync();
        await officer.GetByTestId("agency-part-text-I").FillAsync(text);
        await officer.GetByTestId("agency-part-save-I").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("agency-part-state-I")).ToContainTextAsync("chưa gửi đơn vị");
        await officer.GetByTestId("agency-send").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("agency-part-state-I")).ToContainTextAsync("Đã gửi đơn vị lúc");

        // The unit's report, opened again, shows the agency's part as sent.
        await officer.ReloadAsync();
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Các cơ quan gửi" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("agency-parts-van-phong")).ToContainTextAsync("Văn phòng HĐND và UBND");
        await Assertions.Expect(officer.GetByTestId("agency-parts-state-van-phong")).ToContainTextAsync("Đã gửi đơn vị 1 mục");
        await Assertions.Expect(officer.GetByTestId("agency-parts-van-phong-I")).ToContainTextAsync(text);
    }
}
