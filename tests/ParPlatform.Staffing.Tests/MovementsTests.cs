using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Staffing.Apis;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// A period's movements and people management: discipline by level with its leaders (Staffing.DisciplinedLeaders, target 0),
/// training plan completion, a period recorded again replaces it; the agencies' job-position schemes; bad input names its
/// field and writes nothing.
/// </summary>
public sealed class MovementsTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private static readonly string[] Tables = ["staff_movements", "staff_discipline", "job_position_schemes", "outbox_messages"];

    [Fact]
    public async Task Discipline_by_level_counts_its_leaders_and_training_its_completion_and_a_period_recorded_again_replaces_it()
    {
        var officer = staffing.Officer(ChiLang);
        await officer.RecordMovementsAsync(ChiLang, "2026-6M", new MovementsInput(2, 5, 1, 1, 3, 1,
            [new DisciplineInput("warning", 2, 1), new DisciplineInput("reprimand", 3, 0)], 6, 40, 10));
        var first = (await officer.GetFromJsonAsync<MovementsReport>($"{StaffingClient.Staffing(ChiLang)}/movements/2026-6M", StaffingClient.Json))!;

        var again = await staffing.Chairman(ChiLang).RecordMovementsAsync(ChiLang, "2026-6M", new MovementsInput(2, 5, 1, 1, 3, 1,
            [new DisciplineInput("reprimand", 3, 0)], 6, 40, 30));

        Assert.Equal([(DisciplineLevel.Reprimand, 3, 0), (DisciplineLevel.Warning, 2, 1)], first.Discipline!.Select(d => (d.Level, d.Staff, d.Leaders)));
        Assert.Equal((5, 1, "25%"), (first.Disciplined!.Value, first.DisciplinedLeaders!.Value, first.TrainingPlanCompletion!.Text!));
        Assert.Equal((3, 0, "75%"), (again.Disciplined!.Value, again.DisciplinedLeaders!.Value, again.TrainingPlanCompletion!.Text!));
        Assert.Equal((1L, 1L), (await RowsOfAsync("staff_movements", ChiLang), await RowsOfAsync("staff_discipline", ChiLang)));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{StaffingClient.Staffing(ChiLang)}/movements/2026-Q3")).StatusCode);
    }

    [Fact]
    public async Task The_agencies_job_position_schemes_give_the_reviewed_rate()
    {
        var officer = staffing.Officer(NamGiaNghia);
        await officer.RecordJobPositionSchemeAsync(NamGiaNghia, "van-phong", new JobPositionSchemeInput(true, true, new DateOnly(2026, 3, 1), "30/QĐ-UBND"));
        await officer.RecordJobPositionSchemeAsync(NamGiaNghia, "kinh-te", new JobPositionSchemeInput(true, false, null, null));
        await officer.RecordJobPositionSchemeAsync(NamGiaNghia, "van-hoa-xa-hoi", new JobPositionSchemeInput(false, false, null, null));
        await officer.RecordJobPositionSchemeAsync(NamGiaNghia, "hanh-chinh-cong", new JobPositionSchemeInput(false, false, null, null));
        await officer.RecordJobPositionSchemeAsync(NamGiaNghia, "hanh-chinh-cong", new JobPositionSchemeInput(true, false, null, null));

        var report = (await staffing.Reviewer(LamDong).GetFromJsonAsync<JobPositionSchemesReport>(
            $"{StaffingClient.Staffing(NamGiaNghia)}/job-position-schemes", StaffingClient.Json))!;

        Assert.Equal(["hanh-chinh-cong", "kinh-te", "van-hoa-xa-hoi", "van-phong"], report.Agencies.Select(a => a.AgencyCode));
        Assert.Equal((3, 4, "75%"), (report.Reviewed.Numerator, report.Reviewed.Denominator, report.Reviewed.Text!));
        Assert.Equal("25%", report.Approved.Text);
        Assert.Equal("30/QĐ-UBND", report.Agencies[3].Decision);
    }

    [Fact]
    public async Task Bad_movements_or_schemes_name_their_field_and_write_nothing()
    {
        var movements = $"{StaffingClient.Staffing(TamThanh)}/movements/2027-Q3";
        var good = new MovementsInput(0, 0, 0, 0, 0, 0, [new DisciplineInput("warning", 1, 1)], 0, 10, 5);

        await AssertRefusedAsync(c => c.PutAsJsonAsync($"{StaffingClient.Staffing(TamThanh)}/movements/2027-Q2", good, StaffingClient.Json), "period");
        await AssertRefusedAsync(c => c.PutAsJsonAsync($"{StaffingClient.Staffing(TamThanh)}/movements/1999-Q1", good, StaffingClient.Json), "period");
        // Movements are counted per statutory period: a month's or an ad hoc report's period is not one of them.
        await AssertRefusedAsync(c => c.PutAsJsonAsync($"{StaffingClient.Staffing(TamThanh)}/movements/2027-M03", good, StaffingClient.Json), "period");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(movements, good with { Retired = -1 }, StaffingClient.Json), "retired");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(movements, good with { Discipline = [new DisciplineInput("canh-cao", 1, 0)] }, StaffingClient.Json), "discipline[0].level");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(movements, good with { Discipline = [new DisciplineInput("warning", 1, 2)] }, StaffingClient.Json), "discipline[0].leaders");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(movements, good with { Discipline = [new DisciplineInput("warning", null, 0)] }, StaffingClient.Json), "discipline[0].staff");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(movements,
            good with { Discipline = [new DisciplineInput("warning", 1, 0), new DisciplineInput("warning", 2, 0)] }, StaffingClient.Json), "discipline[1].level");
        var scheme = $"{StaffingClient.Staffing(TamThanh)}/job-position-schemes/van-phong";
        await AssertRefusedAsync(c => c.PutAsJsonAsync(scheme, new JobPositionSchemeInput(false, true, new DateOnly(2026, 1, 1), null), StaffingClient.Json), "reviewed");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(scheme, new JobPositionSchemeInput(true, true, null, null), StaffingClient.Json), "approvedOn");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(scheme, new JobPositionSchemeInput(true, false, null, "1/QĐ"), StaffingClient.Json), "decision");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(scheme, new JobPositionSchemeInput(null, false, null, null), StaffingClient.Json), "reviewed");
        await AssertRefusedAsync(c => c.PutAsJsonAsync($"{StaffingClient.Staffing(TamThanh)}/job-position-schemes/Van-Phong",
            new JobPositionSchemeInput(true, false, null, null), StaffingClient.Json), "agencyCode");
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PutAsJsonAsync(movements, good, StaffingClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PutAsJsonAsync(scheme, new JobPositionSchemeInput(true, false, null, null), StaffingClient.Json)).StatusCode);
    }

    private async Task AssertRefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, string field)
    {
        var before = await Task.WhenAll(Tables.Select(staffing.CountAsync));
        using var response = await send(staffing.Officer(TamThanh));
        var errors = await StaffingClient.ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"{field} not in [{string.Join(", ", errors.Keys)}]");
        Assert.Equal(before, await Task.WhenAll(Tables.Select(staffing.CountAsync)));
    }

    private async Task<long> RowsOfAsync(string table, string unit)
    {
        await using var connection = await ParPlatform.TestSupport.TenantConnections.OpenAllTenantsAsync(staffing.Database);
        await using var query = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM staffing.{table} WHERE unit_code = @unit", connection);
        query.Parameters.AddWithValue("unit", unit);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
