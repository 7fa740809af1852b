using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Staffing.Apis;
using ParPlatform.Staffing.Domain;
using ParPlatform.TestSupport;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// Tam Thanh's figures of seed 001's section II.3 (001:99) and of its one-stop centre (001:69) entered through the API and
/// read back as printed: the quota "tạm giao" 379 = 52 + 327 (323 + 04), in post on 28/02/2026 364 = 45 + 319, the
/// centre's 06 = 01 + 01 + 04, 100% with a degree.
/// </summary>
public sealed class TamThanhStaffingTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private static readonly DateOnly ReportDate = new(2026, 3, 5);

    private static readonly DateOnly Counted = new(2026, 2, 28);

    [Fact]
    public async Task The_quota_and_headcount_print_as_seed_001_line_99_and_the_centre_as_line_69()
    {
        var officer = staffing.Officer(TamThanh);
        var quota = await officer.SetQuotaAsync(TamThanh, 2026, new QuotaInput(null, 52, 323, 4, true, null, new DateOnly(2025, 12, 30)));
        var unit = await officer.RecordHeadcountAsync(TamThanh, new HeadcountInput(Counted, null, 45, 319, null, null, null, null, null));
        var centre = await staffing.Chairman(TamThanh).RecordHeadcountAsync(TamThanh,
            new HeadcountInput(Counted, "hanh-chinh-cong", 6, 0, null, null, 6, null, new OneStopInput(1, 1, 4)));

        var report = await staffing.Reviewer(LangSon).GetReportAsync(TamThanh, 2026, ReportDate);

        Assert.Equal((379, 52, 327, 323, 4, true), (quota.Total, quota.CivilServants, quota.PublicEmployees, quota.BudgetPaidPublicEmployees, quota.SelfPaidPublicEmployees, quota.Provisional));
        Assert.False(unit.OverQuota);
        Assert.Equal((364, 45, 319, Counted), (report.Unit.Headcount!.Total, report.Unit.Headcount.CivilServants, report.Unit.Headcount.PublicEmployees, report.Unit.Headcount.AsOf));
        Assert.True(report.Unit.Quota!.Provisional);
        Assert.Equal(
        [
            (StaffCategory.Total, 379, 364, 15, "96%"),
            (StaffCategory.CivilServants, 52, 45, 7, "86,5%"),
            (StaffCategory.PublicEmployees, 327, 319, 8, "97,6%"),
        ], report.Unit.Lines.Where(l => l.InPost is not null).Select(l => (l.Category, l.Quota!.Value, l.InPost!.Value, l.Vacancies!.Value, l.QuotaUse!.TextOneDecimal!)));
        // The seed's 319 public employees are not split budget-paid / self-paid: those lines have the quota only.
        Assert.Equal([(StaffCategory.BudgetPaidPublicEmployees, 323), (StaffCategory.SelfPaidPublicEmployees, 4)],
            report.Unit.Lines.Where(l => l.InPost is null).Select(l => (l.Category, l.Quota!.Value)));
        Assert.Equal(96.04m, report.Unit.Lines[0].QuotaUse!.Percent);
        Assert.False(report.Unit.OverQuota);
        Assert.Null(report.BudgetPaidChange.Headcount);
        Assert.Equal(
        [
            (StaffingIndicators.QuotaUse, StaffCategory.Total, 96.04m), (StaffingIndicators.QuotaUse, StaffCategory.CivilServants, 86.54m),
            (StaffingIndicators.QuotaUse, StaffCategory.PublicEmployees, 97.55m), (StaffingIndicators.Vacancies, StaffCategory.Total, 15m),
            (StaffingIndicators.Vacancies, StaffCategory.CivilServants, 7m), (StaffingIndicators.Vacancies, StaffCategory.PublicEmployees, 8m),
        ], report.Indicators.Select(i => (i.Code, i.Category!.Value, i.Value!.Value)));

        var desk = Assert.Single(report.Agencies);
        Assert.Equal(("hanh-chinh-cong", 6, new OneStopRoles(1, 1, 4)), (desk.AgencyCode!, desk.Headcount!.Total, desk.Headcount.OneStop!));
        Assert.Equal([(StaffCategory.CivilServants, 6, 6, "100%")], desk.Degrees.Select(d => (d.Category, d.WithDegree, d.InPost, d.Rate.Text!)));
        Assert.Equal(6, centre.Headcount.OneStop!.Total);
        Assert.Equal(1, await CountOutboxAsync(nameof(QuotaSet), TamThanh));
        Assert.Equal(2, await CountOutboxAsync(nameof(HeadcountRecorded), TamThanh));
        Assert.Equal(0, await CountOutboxAsync(nameof(OverQuotaFlagged), TamThanh));
    }

    [Fact]
    public async Task The_first_quarter_s_movements_print_as_seed_001_lines_107_113_and_115()
    {
        // 01 public employee moved to the civil service; 14 places registered for promotion by review; nobody disciplined.
        // Recruitment, retirements, resignations and training are not printed: not reported.
        var recorded = await StaffingClient.ReadAsync<MovementsReport>(await staffing.Officer(TamThanh).PutAsJsonAsync(
            $"{StaffingClient.Staffing(TamThanh)}/movements/2026-Q1",
            new MovementsInput(null, null, 1, null, null, null, [], 14, null, null), StaffingClient.Json), System.Net.HttpStatusCode.OK);

        var read = (await staffing.Reviewer(LangSon).GetFromJsonAsync<MovementsReport>($"{StaffingClient.Staffing(TamThanh)}/movements/2026-q1", StaffingClient.Json))!;

        Assert.Equal((recorded.TransferredToCivilService, recorded.PromotionRegistrations, recorded.DisciplinedLeaders), (read.TransferredToCivilService, read.PromotionRegistrations, read.DisciplinedLeaders));
        Assert.Equal(("2026-Q1", "Quý I năm 2026", 1, 14, 0, 0), (read.Period, read.PeriodName, read.TransferredToCivilService, read.PromotionRegistrations, read.Disciplined, read.DisciplinedLeaders));
        Assert.Empty(read.Discipline!);
        Assert.Equal<int?[]>([null, null, null, null, null, null, null], [read.RecruitedCivilServants, read.RecruitedPublicEmployees, read.TransferredOut, read.Retired, read.Resigned, read.TrainingPlanned, read.TrainingCompleted]);
        Assert.Null(read.TrainingPlanCompletion);
        Assert.Equal(1, await CountOutboxAsync(nameof(MovementsRecorded), TamThanh));
    }

    private async Task<long> CountOutboxAsync(string eventName, string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(staffing.Database);
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM staffing.outbox_messages WHERE event_type LIKE 'ParPlatform.Contracts.Staffing.' || @name || ',%' AND payload->>'unitCode' = @unit", connection);
        query.Parameters.AddWithValue("name", eventName);
        query.Parameters.AddWithValue("unit", unit);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
