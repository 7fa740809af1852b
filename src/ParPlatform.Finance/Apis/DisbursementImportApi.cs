using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Apis;

/// <summary>One row of a disbursement import: the funding source, the project (empty for none), the date, the amount in millions.</summary>
public sealed record DisbursementImportRow(
    [RequiredColumn] string? SourceCode, string? Project, [RequiredColumn] DateOnly? Date, [RequiredColumn] decimal? Millions);

/// <summary>
/// The disbursement import: a CSV, JSON or XLSX file of a capital plan's disbursements, recorded in its order through the
/// plan's own method, all or nothing: one bad row answers 400 with every bad row's line, column and reason.
/// </summary>
public static class DisbursementImportApi
{
    public static async Task<Results<Ok<CapitalPlanReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string unitCode, int year, HttpRequest request, FinanceDbContext db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (year is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        if (await units.FindProvinceAsync(unitCode, ct) is null)
            return ApiProblems.NotFound($"Dịch vụ tài chính chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var plan = await db.CapitalPlans.Include(p => p.Allocations).Include(p => p.Disbursements).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.UnitCode == unitCode && p.Year == year, ct);
        if (plan is null)
            return ApiProblems.NotFound($"Đơn vị chưa có kế hoạch vốn đầu tư công năm {year}.");
        var rows = new List<(int Row, DisbursementImportRow Cells)>();
        var upload = await request.ReadImportAsync<DisbursementImportRow>(BudgetImportApi.MaxBytes, BudgetImportApi.MaxRows,
            (row, cells) => rows.Add((row, cells)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var by = Caller.Of(request.HttpContext.User).UserId;
        var at = clock.GetUtcNow();
        foreach (var (row, cells) in rows)
        {
            var problemsBefore = upload.Problems.Count;
            if (string.IsNullOrWhiteSpace(cells.SourceCode))
                upload.Problems.Add(row, "sourceCode", "Không được để trống.");
            if (cells.Date is null)
                upload.Problems.Add(row, "date", "Không được để trống.");
            try
            {
                var amount = Millions.Parse("millions", cells.Millions, positive: true);
                if (upload.Problems.Count > problemsBefore)
                    continue; // checked as far as its cells go; with any bad row the plan is not saved
                plan.Disburse(cells.Date!.Value, cells.SourceCode!.Trim(), string.IsNullOrWhiteSpace(cells.Project) ? null : cells.Project.Trim(),
                    amount, by, at);
            }
            catch (DomainInputException e)
            {
                upload.Problems.Add(row, e.Field, e.Message);
            }
        }
        if (upload.Problems.Count > 0)
            return upload.BadRows("khoản giải ngân");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CapitalPlanReport.From(plan, CapitalPlan.LastDisbursementDay(year), await db.FundingSources.AsNoTracking().ToListAsync(ct)));
    }
}
