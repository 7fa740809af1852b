using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Staffing.Apis;
using ParPlatform.TestSupport;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// Who may do what with a unit's staffing, for every role (each refusal comes after a request the rule lets through, so it
/// is the rule's and not a broken request); row-level security on every table with a unit code; each scope sees its rows only.
/// </summary>
public sealed class AccessTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private static QuotaInput Quota(int civilServants) => new(null, civilServants, 10, 0, true, null, new DateOnly(2027, 1, 5));

    private static readonly HeadcountInput Headcount = new(new DateOnly(2027, 2, 1), null, 5, 10, null, null, null, null, null);

    private static readonly MovementsInput Movements = new(0, 1, 0, 0, 0, 0, [], 0, null, null);

    private static readonly JobPositionSchemeInput Scheme = new(true, false, null, null);

    [Fact]
    public async Task Officers_and_the_chairman_enter_reviewers_and_integrators_of_the_province_read_others_find_nothing()
    {
        var root = StaffingClient.Staffing(TamThanh);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PutAsJsonAsync($"{root}/quotas/2027", Quota(1), StaffingClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Chairman(TamThanh).PutAsJsonAsync($"{root}/quotas/2027", Quota(6), StaffingClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Chairman(TamThanh).PostAsJsonAsync($"{root}/headcounts", Headcount, StaffingClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PutAsJsonAsync($"{root}/movements/2027-Q1", Movements, StaffingClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staffing.Chairman(TamThanh).PutAsJsonAsync($"{root}/job-position-schemes/van-phong", Scheme, StaffingClient.Json)).StatusCode);
        HttpClient[] readers =
        [
            staffing.Officer(TamThanh), staffing.Chairman(TamThanh), staffing.Reviewer(LangSon),
            staffing.Bearer(("role", "integrator"), ("unit", TamThanh)), staffing.Bearer(("role", "integrator"), ("province", LangSon)),
        ];
        HttpClient[] strangers =
        [
            staffing.Officer(ChiLang), staffing.Chairman(ChiLang), staffing.Reviewer(LamDong), staffing.Bearer(("role", "integrator"), ("unit", ChiLang)),
            staffing.Bearer(("role", "platform-admin")), staffing.Bearer(("role", "operator")),
        ];

        foreach (var reader in readers)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{root}/2027?asOf=2027-03-01")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{root}/quotas/2027")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{root}/movements/2027-Q1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{root}/job-position-schemes")).StatusCode);
        }
        foreach (var stranger in strangers)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{root}/2027?asOf=2027-03-01")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{root}/quotas/2027", Quota(3), StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{root}/headcounts", Headcount, StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{root}/movements/2027-Q1")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{root}/movements/2027-Q1", Movements, StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{root}/job-position-schemes/van-phong", Scheme, StaffingClient.Json)).StatusCode);
        }
        foreach (var reader in readers[2..])
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync($"{root}/quotas/2027", Quota(4), StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"{root}/headcounts", Headcount, StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync($"{root}/movements/2027-Q1", Movements, StaffingClient.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync($"{root}/job-position-schemes/van-phong", Scheme, StaffingClient.Json)).StatusCode);
        }
        var quotas = (await staffing.Officer(TamThanh).GetFromJsonAsync<List<QuotaResponse>>($"{root}/quotas/2027", StaffingClient.Json))!;
        Assert.Equal(6, Assert.Single(quotas).CivilServants);
    }

    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(staffing.Database, "staffing");

        Assert.Equal(["headcounts", "job_position_schemes", "known_units", "staff_discipline", "staff_movements", "staffing_quotas"], tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }

    [Fact]
    public async Task A_unit_scope_sees_its_own_rows_of_every_table_and_a_province_scope_its_units()
    {
        foreach (var unit in new[] { ChiLang, NamGiaNghia })
        {
            var officer = staffing.Officer(unit);
            await officer.SetQuotaAsync(unit, 2028, new QuotaInput("van-phong", 10, 0, 0, false, null, new DateOnly(2028, 1, 2)));
            await officer.RecordHeadcountAsync(unit, new HeadcountInput(new DateOnly(2028, 1, 31), "van-phong", 9, 0, null, null, 9, null, null));
            await officer.RecordMovementsAsync(unit, "2028-Q1", new MovementsInput(1, 0, 0, 0, 0, 0, [new DisciplineInput("warning", 1, 0)], 0, 2, 1));
            await officer.RecordJobPositionSchemeAsync(unit, "van-phong", new JobPositionSchemeInput(true, false, null, null));
        }

        async Task<List<string>> UnitsAsync(string setting, string value, string table)
        {
            await using var connection = await TenantConnections.OpenAsync(staffing.Database, setting, value);
            await using var query = new NpgsqlCommand($"SELECT DISTINCT unit_code FROM staffing.{table} WHERE unit_code <> '06112' ORDER BY 1", connection);
            await using var reader = await query.ExecuteReaderAsync();
            var found = new List<string>();
            while (await reader.ReadAsync())
                found.Add(reader.GetString(0));
            return found;
        }

        foreach (var table in new[] { "staffing_quotas", "headcounts", "staff_movements", "staff_discipline", "job_position_schemes" })
        {
            Assert.Equal([ChiLang], await UnitsAsync("unit_code", ChiLang, table));
            Assert.Equal([ChiLang], await UnitsAsync("province_code", LangSon, table));
            Assert.Equal([NamGiaNghia], await UnitsAsync("province_code", LamDong, table));
            Assert.Equal([ChiLang, NamGiaNghia], await UnitsAsync("all_tenants", "on", table));
        }
    }
}
