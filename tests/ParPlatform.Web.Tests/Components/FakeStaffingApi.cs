using System.Net;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>A unit's staffing as its page sees it: a year to read; each write recorded, and answered or refused.</summary>
internal sealed class FakeStaffingApi : IStaffingApi, IStaffingUploadsApi
{
    public StaffingYear Year { get; set; } = new(2026, new DateOnly(2026, 3, 31), new ScopeStaffing(null, null, null, [], false), []);

    /// <summary>The ProblemDetails the next writes are refused with (a 400); none to accept them.</summary>
    public object? Refusal { get; set; }

    public List<string> Calls { get; } = [];

    private Task<T> WriteAsync<T>(string call, T answer)
    {
        Calls.Add(call);
        return Refusal is { } problem ? Refusals.ThrowAsync<T>(HttpStatusCode.BadRequest, problem) : Task.FromResult(answer);
    }

    public Task<StaffingYear> YearAsync(string unitCode, int year, CancellationToken cancellationToken) => Task.FromResult(Year);

    public Task<Quota> SetQuotaAsync(string unitCode, int year, QuotaInput input, CancellationToken cancellationToken) =>
        WriteAsync($"quota {year} {input.AgencyCode} {input.CivilServants} {input.BudgetPaidPublicEmployees} {input.SelfPaidPublicEmployees} {input.Provisional} {input.Decision}",
            new Quota(year, null, input.CivilServants ?? 0, 0, 0, 0, 0, false, input.Decision, input.DecidedOn ?? default));

    public Task<HeadcountRecorded> RecordHeadcountAsync(string unitCode, HeadcountInput input, CancellationToken cancellationToken) =>
        WriteAsync($"headcount {input.AsOf} {input.AgencyCode} {input.CivilServants} {input.PublicEmployees}",
            new HeadcountRecorded(new Headcount(input.AsOf ?? default, null, input.CivilServants ?? 0, input.PublicEmployees ?? 0, 0), OverQuota: true));

    public Task<Movements> MovementsAsync(string unitCode, string period, CancellationToken cancellationToken)
    {
        Calls.Add($"movements {period}");
        return Refusals.ThrowAsync<Movements>(HttpStatusCode.NotFound, new { title = "Đơn vị chưa ghi biến động biên chế quý i/2026.", status = 404 });
    }

    public Task<Movements> RecordMovementsAsync(string unitCode, string period, MovementsInput input, CancellationToken cancellationToken) =>
        WriteAsync($"record movements {period} retired={input.Retired}",
            new Movements(period, "Quý I/2026", null, null, null, null, input.Retired, null, null, null, null, null));

    public async Task<StaffingImported> ImportAsync(string unitCode, HttpContent file, CancellationToken cancellationToken) =>
        await WriteAsync($"import {file.Headers.ContentType?.MediaType} {await file.ReadAsStringAsync(cancellationToken)}", new StaffingImported([], []));
}
