using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Apis;

/// <summary>One row of a capital-plan import: the funding source, the project (empty for none), the amount in millions.</summary>
public sealed record CapitalPlanImportRow([RequiredColumn] string? SourceCode, string? Project, [RequiredColumn] decimal? Millions);

/// <summary>
/// The capital-plan import: a CSV, JSON or XLSX file of a year's allocations, one per funding source and project, that sets
/// the plan whole through its own method, all or nothing: one bad row answers 400 with every bad row's line, column and
/// reason, and the plan stays as it was.
/// </summary>
public static class CapitalPlanImportApi
{
    public static async Task<Results<Ok<CapitalPlanReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string unitCode, int year, HttpRequest request, FinanceDbContext db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (year is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return ApiProblems.NotFound($"Dịch vụ tài chính chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var rows = new List<(int Row, CapitalPlanImportRow Cells)>();
        var upload = await request.ReadImportAsync<CapitalPlanImportRow>(BudgetImportApi.MaxBytes, BudgetImportApi.MaxRows,
            (row, cells) => rows.Add((row, cells)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var sources = await db.FundingSources.AsNoTracking().OrderBy(s => s.Ordinal).ToListAsync(ct);
        var allocations = new List<(int Row, AllocationContent Content)>();
        foreach (var (row, cells) in rows)
        {
            var problemsBefore = upload.Problems.Count;
            if (string.IsNullOrWhiteSpace(cells.SourceCode) || !sources.Any(s => s.Code == cells.SourceCode.Trim()))
                upload.Problems.Add(row, "sourceCode",
                    $"Không có nguồn vốn \"{cells.SourceCode}\"; có: {string.Join(", ", sources.Select(s => s.Code))}.");
            var project = string.IsNullOrWhiteSpace(cells.Project) ? null : cells.Project.Trim();
            if (project is { Length: > 500 })
                upload.Problems.Add(row, "project", "Tên dự án tối đa 500 ký tự.");
            try
            {
                var amount = Millions.Parse("millions", cells.Millions, positive: true);
                if (upload.Problems.Count == problemsBefore)
                    allocations.Add((row, new AllocationContent(cells.SourceCode!.Trim(), project, amount)));
            }
            catch (DomainInputException e)
            {
                upload.Problems.Add(row, e.Field, e.Message);
            }
        }
        if (upload.Problems.Count > 0)
            return upload.BadRows("dòng kế hoạch vốn");
        var plan = await db.CapitalPlans.Include(p => p.Allocations).Include(p => p.Disbursements).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.UnitCode == unitCode && p.Year == year, ct);
        if (plan is null)
            db.CapitalPlans.Add(plan = CapitalPlan.Open(unitCode, province, year));
        try
        {
            plan.Set([.. allocations.Select(a => a.Content)], Caller.Of(request.HttpContext.User).UserId, clock.GetUtcNow());
        }
        catch (DomainInputException e)
        {
            upload.Problems.Add(RowOf(e.Field, allocations), ColumnOf(e.Field), e.Message);
            return upload.BadRows("dòng kế hoạch vốn");
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CapitalPlanReport.From(plan, CapitalPlan.LastDisbursementDay(year), sources));
    }

    /// <summary>The file's row of a plan's refusal naming "allocations[i]…", or the first row for the plan as a whole.</summary>
    private static int RowOf(string field, List<(int Row, AllocationContent Content)> allocations) =>
        field.StartsWith("allocations[", StringComparison.Ordinal) && int.TryParse(field["allocations[".Length..field.IndexOf(']', StringComparison.Ordinal)], out var i)
            ? allocations[i].Row
            : allocations[0].Row;

    private static string ColumnOf(string field) => field.EndsWith(".millions", StringComparison.Ordinal) ? "millions" : "sourceCode";
}
