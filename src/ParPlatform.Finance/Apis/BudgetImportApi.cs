using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Apis;

/// <summary>
/// One row of a budget import: an item, what the amount is ("province-assigned" or "unit-own" for an estimate, decided on
/// <see cref="Date"/>; "actual" for the amount accumulated from 01/01 to <see cref="Date"/>), and the amount in millions.
/// </summary>
public sealed record BudgetImportRow(
    [RequiredColumn] string? ItemCode, [RequiredColumn] string? Basis, [RequiredColumn] DateOnly? Date, [RequiredColumn] decimal? Millions);

/// <summary>
/// The budget import: a CSV, JSON or XLSX file of estimates and actuals for a year, applied in its order through the
/// budget's own methods (a second estimate of an item revises the first), all or nothing: one bad row answers 400 with
/// every bad row's line, column and reason, and nothing is written.
/// </summary>
public static class BudgetImportApi
{
    public const string Actual = "actual";

    /// <summary>Largest file: 5 MB, at most 5.000 rows.</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    public const int MaxRows = 5_000;

    public static async Task<Results<Ok<BudgetReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string unitCode, int year, HttpRequest request, FinanceDbContext db, IUnitDirectory units, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (year is < 2000 or > 2100)
            return ApiProblems.Invalid(new FieldErrors().Add("year", "Năm từ 2000 đến 2100."));
        if (await units.FindProvinceAsync(unitCode, ct) is not { } province)
            return ApiProblems.NotFound($"Dịch vụ tài chính chưa nhận được đơn vị {unitCode} từ danh mục; thử lại sau ít giây.");
        var rows = new List<(int Row, BudgetImportRow Cells)>();
        var upload = await request.ReadImportAsync<BudgetImportRow>(MaxBytes, MaxRows, (row, cells) => rows.Add((row, cells)), ct);
        if (upload.Refused is { } refused)
            return refused;
        var items = await db.BudgetItems.AsNoTracking().Select(i => i.Code).ToListAsync(ct);
        var budget = await db.Budgets.Include(b => b.Estimates).Include(b => b.Actuals).AsSplitQuery()
            .SingleOrDefaultAsync(b => b.UnitCode == unitCode && b.Year == year, ct);
        if (budget is null)
            db.Budgets.Add(budget = Budget.Open(unitCode, province, year));
        var by = Caller.Of(request.HttpContext.User).UserId;
        var at = clock.GetUtcNow();
        foreach (var (row, cells) in rows)
        {
            var problemsBefore = upload.Problems.Count;
            if (cells.ItemCode is null || !items.Contains(cells.ItemCode))
                upload.Problems.Add(row, "itemCode", $"Không có khoản thu, chi \"{cells.ItemCode}\" trong danh mục.");
            var basis = cells.Basis == Actual ? null : EnumNames.Parse<EstimateBasis>(cells.Basis);
            if (cells.Basis != Actual && basis is null)
                upload.Problems.Add(row, "basis", $"Ghi \"province-assigned\", \"unit-own\" hoặc \"{Actual}\".");
            if (cells.Date is null)
                upload.Problems.Add(row, "date", "Không được để trống.");
            try
            {
                var amount = Millions.Parse("millions", cells.Millions, positive: basis is not null);
                if (upload.Problems.Count > problemsBefore)
                    continue; // checked as far as its cells go; with any bad row the budget is not saved
                if (basis is { } b)
                    budget.SetEstimate(cells.ItemCode!, b, amount, cells.Date!.Value, by, at);
                else
                    budget.RecordActual(cells.ItemCode!, cells.Date!.Value, amount, by, at);
            }
            catch (DomainInputException e)
            {
                upload.Problems.Add(row, e.Field is "decidedOn" or "asOf" ? "date" : e.Field, e.Message);
            }
        }
        if (upload.Problems.Count > 0)
            return upload.BadRows("số liệu");
        await db.SaveChangesAsync(ct);
        var allItems = await db.BudgetItems.AsNoTracking().OrderBy(i => i.Ordinal).ToListAsync(ct);
        return TypedResults.Ok(BudgetReport.From(year, new DateOnly(year, 12, 31), budget, allItems));
    }
}
