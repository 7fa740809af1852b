using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Staffing.Apis;
using ParPlatform.TestSupport;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// A headcount above its quota is recorded and flagged, never refused nor silently accepted; the budget-paid public
/// employees against a baseline year, on the quota and on the headcount.
/// </summary>
public sealed class QuotaTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    [Fact]
    public async Task A_headcount_above_the_quota_is_recorded_and_flagged_and_so_is_a_quota_set_below_the_headcount()
    {
        var officer = staffing.Officer(ChiLang);
        await officer.SetQuotaAsync(ChiLang, 2026, new QuotaInput(null, 20, 30, 0, false, "15/QĐ-UBND", new DateOnly(2026, 1, 10)));

        var over = await officer.RecordHeadcountAsync(ChiLang, new HeadcountInput(new DateOnly(2026, 7, 1), null, 22, 30, 30, 0, null, null, null));
        var report = await staffing.Reviewer(LangSon).GetReportAsync(ChiLang, 2026, new DateOnly(2026, 7, 31));

        Assert.True(over.OverQuota);
        Assert.Equal(52, over.Headcount.Total);
        Assert.True(report.Unit.OverQuota);
        var civil = report.Unit.Lines.Single(l => l.Category == StaffCategory.CivilServants);
        Assert.Equal((20, 22, 0, 2, true, "110%"), (civil.Quota, civil.InPost, civil.Vacancies, civil.OverBy, civil.OverQuota, civil.QuotaUse!.Text));
        Assert.Equal([StaffCategory.Total, StaffCategory.CivilServants], report.Unit.Lines.Where(l => l.OverQuota).Select(l => l.Category));
        Assert.Equal([(StaffCategory.Total, 50, 52), (StaffCategory.CivilServants, 20, 22)], await FlaggedAsync(ChiLang));

        // A merger's quota below the staff in post: set, and flagged too.
        await officer.SetQuotaAsync(ChiLang, 2026, new QuotaInput(null, 22, 28, 0, false, "20/QĐ-UBND", new DateOnly(2026, 7, 15)));
        Assert.Equal([(StaffCategory.Total, 50, 52), (StaffCategory.BudgetPaidPublicEmployees, 28, 30), (StaffCategory.PublicEmployees, 28, 30)],
            (await FlaggedAsync(ChiLang)).Skip(2));
        Assert.True((await officer.GetReportAsync(ChiLang, 2026, new DateOnly(2026, 7, 31))).Unit.OverQuota);
    }

    [Fact]
    public async Task The_budget_paid_change_is_computed_on_the_quota_and_on_the_headcount_against_2025()
    {
        var officer = staffing.Officer(NamGiaNghia);
        await officer.SetQuotaAsync(NamGiaNghia, 2025, new QuotaInput(null, 40, 200, 10, false, null, new DateOnly(2025, 1, 5)));
        await officer.SetQuotaAsync(NamGiaNghia, 2026, new QuotaInput(null, 40, 180, 10, true, null, new DateOnly(2025, 12, 20)));
        await officer.RecordHeadcountAsync(NamGiaNghia, new HeadcountInput(new DateOnly(2025, 6, 30), null, 38, 205, 195, 10, null, null, null));
        await officer.RecordHeadcountAsync(NamGiaNghia, new HeadcountInput(new DateOnly(2025, 12, 31), null, 38, 200, 190, 10, null, null, null));
        await officer.RecordHeadcountAsync(NamGiaNghia, new HeadcountInput(new DateOnly(2026, 6, 30), null, 39, 185, 175, 10, null, null, null));

        var reviewer = staffing.Reviewer(LamDong);
        var june = await reviewer.GetReportAsync(NamGiaNghia, 2026, new DateOnly(2026, 6, 30));
        var march = await reviewer.GetReportAsync(NamGiaNghia, 2026, new DateOnly(2026, 3, 31));
        var vs2025 = await reviewer.GetReportAsync(NamGiaNghia, 2027, new DateOnly(2027, 1, 31), baselineYear: 2025);

        Assert.Equal((2025, "quota"), (june.BudgetPaidChange.BaselineYear, june.BudgetPaidChange.AppliesTo));
        Assert.Equal((200, 180, -10m, "-10%"), (june.BudgetPaidChange.Quota!.Baseline, june.BudgetPaidChange.Quota.Current, june.BudgetPaidChange.Quota.Percent!.Value, june.BudgetPaidChange.Quota.Text!));
        // 175 in post on 30/06/2026 against the 190 of 31/12/2025 (not the 195 of 30/06/2025): −7,89%.
        Assert.Equal((190, 175, -7.89m, "-8%", "-7,9%"), (june.BudgetPaidChange.Headcount!.Baseline, june.BudgetPaidChange.Headcount.Current,
            june.BudgetPaidChange.Headcount.Percent!.Value, june.BudgetPaidChange.Headcount.Text!, june.BudgetPaidChange.Headcount.TextOneDecimal!));
        Assert.Equal((190, 190, 0m), (march.BudgetPaidChange.Headcount!.Baseline, march.BudgetPaidChange.Headcount.Current, march.BudgetPaidChange.Headcount.Percent!.Value));
        // 2027 has no quota yet; its headcount is still June 2026's.
        Assert.Null(vs2025.BudgetPaidChange.Quota);
        Assert.Equal(-7.89m, vs2025.BudgetPaidChange.Headcount!.Percent);
        var self = june.Unit.Lines.Single(l => l.Category == StaffCategory.SelfPaidPublicEmployees);
        Assert.Equal((10, 10, 0, "100%"), (self.Quota, self.InPost, self.Vacancies, self.QuotaUse!.Text));
        Assert.Equal("baselineYear", Assert.Single((await StaffingClient.ErrorsAsync(
            await reviewer.GetAsync($"{StaffingClient.Staffing(NamGiaNghia)}/2026?baselineYear=2026"))).Keys));
    }

    private async Task<List<(StaffCategory, int, int)>> FlaggedAsync(string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(staffing.Database);
        await using var query = new NpgsqlCommand(
            """
            SELECT c->>'category', (c->>'quota')::int, (c->>'inPost')::int
            FROM staffing.outbox_messages, jsonb_array_elements(payload->'categories') c
            WHERE event_type LIKE 'ParPlatform.Contracts.Staffing.OverQuotaFlagged,%' AND payload->>'unitCode' = @unit
            ORDER BY sequence, c->>'category' <> 'total', c->>'category'
            """, connection);
        query.Parameters.AddWithValue("unit", unit);
        await using var reader = await query.ExecuteReaderAsync();
        var found = new List<(StaffCategory, int, int)>();
        while (await reader.ReadAsync())
            found.Add((ParPlatform.SharedKernel.EnumNames.Parse<StaffCategory>(reader.GetString(0))!.Value, reader.GetInt32(1), reader.GetInt32(2)));
        return found;
    }
}
