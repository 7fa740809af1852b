using System.Net;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>A unit's finance as its pages see it: a capital plan and a budget to read; each write recorded, and answered or refused.</summary>
internal sealed class FakeFinanceApi : IFinanceApi, IFinanceUploadsApi
{
    public CapitalPlan Plan { get; set; } = new(
        2026, new DateOnly(2026, 3, 31), new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 31),
        Line(null, null, 44_553_000_000, 20_000_000_000, 44.89m), [Line("nsdp", null, 44_553_000_000, 20_000_000_000, 44.89m)], [], []);

    public Budget Budget { get; set; } = new(2026, new DateOnly(2026, 3, 31), [], null);

    /// <summary>The ProblemDetails the next writes are refused with (a 400); none to accept them.</summary>
    public object? Refusal { get; set; }

    public List<string> Calls { get; } = [];

    public static DisbursementLine Line(string? source, string? project, long planned, long disbursed, decimal? percent) =>
        new(source, source is null ? null : "Ngân sách địa phương", project, new Amount(planned, Millions(planned)), new Amount(disbursed, Millions(disbursed)),
            new AmountRate(percent, null));

    private static string Millions(long dong) => Vietnamese.Figure(dong / 1_000_000m);

    private Task<T> WriteAsync<T>(string call, T answer)
    {
        Calls.Add(call);
        return Refusal is { } problem ? Refusals.ThrowAsync<T>(HttpStatusCode.BadRequest, problem) : Task.FromResult(answer);
    }

    public Task<IReadOnlyList<BudgetItem>> BudgetItemsAsync(string unitCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BudgetItem>>([new BudgetItem("thu-ngan-sach", "revenue", "Thu ngân sách nhà nước trên địa bàn")]);

    public Task<IReadOnlyList<FundingSource>> FundingSourcesAsync(string unitCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FundingSource>>([new FundingSource("nsdp", "Ngân sách địa phương")]);

    public Task<Budget> BudgetAsync(string unitCode, int year, CancellationToken cancellationToken) => Task.FromResult(Budget);

    public Task<Estimate> SetEstimateAsync(string unitCode, int year, EstimateInput input, CancellationToken cancellationToken) =>
        WriteAsync($"estimate {year} {input.ItemCode} {input.Basis} {input.Millions} {input.DecidedOn}",
            new Estimate(Guid.NewGuid(), input.ItemCode ?? "", input.Basis ?? "", new Amount(0, "0"), input.DecidedOn ?? default, 1));

    public Task<Actual> RecordActualAsync(string unitCode, int year, ActualInput input, CancellationToken cancellationToken) =>
        WriteAsync($"actual {year} {input.ItemCode} {input.AsOf} {input.Millions}", new Actual(Guid.NewGuid(), input.ItemCode ?? "", input.AsOf ?? default, new Amount(0, "0")));

    /// <summary>The unit has no capital plan for the year: reading it answers 404.</summary>
    public bool PlanMissing { get; set; }

    public Task<CapitalPlan> CapitalPlanAsync(string unitCode, int year, CancellationToken cancellationToken)
    {
        Calls.Add($"plan {year}");
        return PlanMissing
            ? Refusals.ThrowAsync<CapitalPlan>(HttpStatusCode.NotFound, new { title = $"Đơn vị chưa có kế hoạch vốn năm {year}.", status = 404 })
            : Task.FromResult(Plan);
    }

    public Task<Disbursement> DisburseAsync(string unitCode, int year, DisbursementInput input, CancellationToken cancellationToken) =>
        WriteAsync($"disburse {year} {input.Date:yyyy-MM-dd} {input.SourceCode} {input.Project} {input.Millions}",
            new Disbursement(Guid.NewGuid(), input.Date ?? default, input.SourceCode ?? "", input.Project, new Amount(0, "0"), "tamthanh.canbo", DateTimeOffset.UtcNow));

    public async Task<CapitalPlan> ImportDisbursementsAsync(string unitCode, int year, HttpContent file, CancellationToken cancellationToken) =>
        await WriteAsync($"import {year} {file.Headers.ContentType?.MediaType} {await file.ReadAsStringAsync(cancellationToken)}", Plan);

    public Task<CapitalPlan> SetCapitalPlanAsync(string unitCode, int year, CapitalPlanInput input, CancellationToken cancellationToken) =>
        WriteAsync($"set plan {year} {string.Join("; ", input.Allocations.Select(a => $"{a.SourceCode} {a.Project} {a.Millions}"))}", Plan);

    public async Task<CapitalPlan> ImportCapitalPlanAsync(string unitCode, int year, HttpContent file, CancellationToken cancellationToken) =>
        await WriteAsync($"import plan {year} {file.Headers.ContentType?.MediaType} {await file.ReadAsStringAsync(cancellationToken)}", Plan);

    public async Task<Budget> ImportBudgetAsync(string unitCode, int year, HttpContent file, CancellationToken cancellationToken) =>
        await WriteAsync($"import budget {year} {file.Headers.ContentType?.MediaType} {await file.ReadAsStringAsync(cancellationToken)}", Budget);
}
