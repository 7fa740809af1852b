using System.Net;
using System.Net.Http.Json;
using ParPlatform.Staffing.Apis;
using static ParPlatform.Staffing.Tests.StaffingFixture;

namespace ParPlatform.Staffing.Tests;

/// <summary>Bad input gets a 400 naming the field, and nothing is written (each table counted before and after).</summary>
public sealed class BadInputTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    private static readonly string[] Tables = ["staffing_quotas", "headcounts", "outbox_messages"];

    private async Task<long[]> CountsAsync() => await Task.WhenAll(Tables.Select(staffing.CountAsync));

    private async Task AssertRefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, string field)
    {
        var before = await CountsAsync();
        using var response = await send(staffing.Officer(TamThanh));
        var errors = await StaffingClient.ErrorsAsync(response);
        Assert.True(errors.ContainsKey(field), $"{field} not in [{string.Join(", ", errors.Keys)}]");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_bad_quota_names_its_field()
    {
        var path = $"{StaffingClient.Staffing(TamThanh)}/quotas/2026";
        var good = new QuotaInput(null, 52, 323, 4, true, null, new DateOnly(2025, 12, 30));

        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { CivilServants = null }, StaffingClient.Json), "civilServants");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { CivilServants = -1 }, StaffingClient.Json), "civilServants");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { BudgetPaidPublicEmployees = null }, StaffingClient.Json), "budgetPaidPublicEmployees");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { SelfPaidPublicEmployees = 100_001 }, StaffingClient.Json), "selfPaidPublicEmployees");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { Provisional = null }, StaffingClient.Json), "provisional");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { DecidedOn = null }, StaffingClient.Json), "decidedOn");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { DecidedOn = new DateOnly(2024, 12, 31) }, StaffingClient.Json), "decidedOn");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { Decision = " " }, StaffingClient.Json), "decision");
        await AssertRefusedAsync(c => c.PutAsJsonAsync(path, good with { AgencyCode = "Văn phòng" }, StaffingClient.Json), "agencyCode");
        await AssertRefusedAsync(c => c.PutAsJsonAsync($"{StaffingClient.Staffing(TamThanh)}/quotas/1999", good, StaffingClient.Json), "year");
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PutAsJsonAsync(path, good, StaffingClient.Json)).StatusCode);
    }

    [Fact]
    public async Task A_bad_headcount_names_its_field()
    {
        var path = $"{StaffingClient.Staffing(TamThanh)}/headcounts";
        var good = new HeadcountInput(new DateOnly(2026, 2, 28), "hanh-chinh-cong", 6, 0, null, null, 6, null, new OneStopInput(1, 1, 4));

        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { AsOf = null }, StaffingClient.Json), "asOf");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { CivilServants = null }, StaffingClient.Json), "civilServants");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { PublicEmployees = -3 }, StaffingClient.Json), "publicEmployees");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { PublicEmployees = 10, BudgetPaidPublicEmployees = 10 }, StaffingClient.Json), "selfPaidPublicEmployees");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { PublicEmployees = 10, BudgetPaidPublicEmployees = 8, SelfPaidPublicEmployees = 1 }, StaffingClient.Json), "budgetPaidPublicEmployees");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { CivilServantsWithDegree = 7 }, StaffingClient.Json), "civilServantsWithDegree");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { PublicEmployeesWithDegree = 1 }, StaffingClient.Json), "publicEmployeesWithDegree");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { OneStop = new OneStopInput(1, 1, 5) }, StaffingClient.Json), "oneStop");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { OneStop = new OneStopInput(1, null, 4) }, StaffingClient.Json), "oneStop.procedureControlOfficers");
        await AssertRefusedAsync(c => c.PostAsJsonAsync(path, good with { AgencyCode = "" }, StaffingClient.Json), "agencyCode");
        await AssertRefusedAsync(c => c.GetAsync($"{StaffingClient.Staffing(TamThanh)}/2026?asOf=05/03/2026"), "asOf");
        Assert.Equal(HttpStatusCode.OK, (await staffing.Officer(TamThanh).PostAsJsonAsync(path, good, StaffingClient.Json)).StatusCode);
    }
}
