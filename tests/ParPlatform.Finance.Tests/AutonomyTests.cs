using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Apis;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// The autonomy of Tam Thanh's nine public service units as seed 001 prints it (001:151–162): all six groups, "không có"
/// for none; approvals by the unit's officers and chairman, a new approval replacing the old; bad input named, nothing written.
/// </summary>
public sealed class AutonomyTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static string Path(string unit) => $"/api/v1/units/{unit}/finance/autonomy";

    private static async Task ApproveAsync(HttpClient client, string unit, string code, string group, DateOnly on)
    {
        using var response = await client.PutAsJsonAsync($"{Path(unit)}/{code}", new AutonomyInput($"Đơn vị {code}", group, on, "15/QĐ-UBND"), FinanceClient.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Tam_Thanh_prints_all_six_groups_with_none_as_khong_co()
    {
        // First approved in the state-funded group, then in the 30–<70% group (the later approval holds).
        await ApproveAsync(finance.Officer(TamThanh), TamThanh, "trung-tam-dich-vu", "state-funded", new DateOnly(2025, 9, 1));
        await ApproveAsync(finance.Chairman(TamThanh), TamThanh, "trung-tam-dich-vu", "half-self-funding", new DateOnly(2025, 12, 1));
        for (var school = 1; school <= 8; school++)
            await ApproveAsync(finance.Officer(TamThanh), TamThanh, $"truong-{school}", "state-funded", new DateOnly(2025, 10, school));

        var report = (await finance.Reviewer(LangSon).GetFromJsonAsync<AutonomyReport>($"{Path(TamThanh)}?asOf=2026-03-05", FinanceClient.Json))!;
        var earlyOctober = (await finance.Reviewer(LangSon).GetFromJsonAsync<AutonomyReport>($"{Path(TamThanh)}?asOf=2025-10-04", FinanceClient.Json))!;

        Assert.Equal((9, "09"), (report.Approved, report.ApprovedText));
        Assert.Equal(
        [
            "Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư: không có",
            "Số ĐVSN tự bảo đảm chi thường xuyên: không có",
            "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên: không có",
            "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên: 01 đơn vị",
            "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên: không có",
            "Số ĐVSN do Nhà nước bảo đảm chi thường xuyên: 08 đơn vị",
        ], report.Groups.Select(g => $"{g.Line}: {g.Text}"));
        Assert.Equal([AutonomyGroup.HalfSelfFunding], report.ServiceUnits.Where(u => u.Code == "trung-tam-dich-vu").Select(u => u.Group));
        // Approved by 04/10/2025: the schools of 01/10 to 04/10 (the centre's current approval is of 01/12).
        Assert.Equal((4, "04 đơn vị"), (earlyOctober.Approved, earlyOctober.Groups[5].Text));
    }

    [Fact]
    public async Task Readers_do_not_approve_and_bad_input_is_named_with_nothing_written()
    {
        var input = new AutonomyInput("Trường Mầm non", "state-funded", new DateOnly(2026, 1, 2), null);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Reviewer(LangSon).PutAsJsonAsync($"{Path(ChiLang)}/mam-non", input, FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.Officer(TamThanh).PutAsJsonAsync($"{Path(ChiLang)}/mam-non", input, FinanceClient.Json)).StatusCode);
        var before = await finance.CountAsync("service_unit_autonomy");

        foreach (var (bad, code, field) in new[]
        {
            (input with { Group = "self-funding" }, "mam-non", "group"),
            (input with { Group = null }, "mam-non", "group"),
            (input with { Name = " " }, "mam-non", "name"),
            (input with { ApprovedOn = null }, "mam-non", "approvedOn"),
            (input with { Decision = "" }, "mam-non", "decision"),
            (input, "Mầm-Non", "code"),
        })
        {
            var errors = await FinanceClient.ErrorsAsync(await finance.Officer(ChiLang).PutAsJsonAsync($"{Path(ChiLang)}/{Uri.EscapeDataString(code)}", bad, FinanceClient.Json));
            Assert.True(errors.ContainsKey(field), $"{field} not in [{string.Join(", ", errors.Keys)}]");
        }
        Assert.Equal(before, await finance.CountAsync("service_unit_autonomy"));
        await ApproveAsync(finance.Officer(ChiLang), ChiLang, "mam-non", "state-funded", new DateOnly(2026, 1, 2));
        var earlier = await finance.Officer(ChiLang).PutAsJsonAsync($"{Path(ChiLang)}/mam-non", input with { ApprovedOn = new DateOnly(2026, 1, 1) }, FinanceClient.Json);
        Assert.Contains("approvedOn", (await FinanceClient.ErrorsAsync(earlier)).Keys);
        Assert.Equal(before + 1, await finance.CountAsync("service_unit_autonomy"));
    }
}
