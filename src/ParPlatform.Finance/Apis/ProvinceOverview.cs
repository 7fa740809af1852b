using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Finance;
using ParPlatform.Finance.Data;
using ParPlatform.Finance.Domain;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Finance.Apis;

/// <summary>A unit's figures in the province's overview: its budget items and its capital plan (null without one).</summary>
public sealed record UnitFinanceRow(
    string UnitCode, string UnitName, IReadOnlyList<BudgetItemFigures> Items, DisbursementLine? Capital, IReadOnlyList<DisbursementLine> CapitalSources);

/// <summary>
/// A budget item over the province's units: the sums of what the units entered, and the rates of the actuals to each
/// estimate as Σ actuals ÷ Σ estimates over the units that have both (never an average of the units' percentages).
/// </summary>
public sealed record BudgetItemTotals(
    string ItemCode, string Name, BudgetItemKind Kind, AmountResponse ProvinceEstimate, AmountResponse OwnEstimate, AmountResponse Actual,
    MoneyRate VsProvinceEstimate, MoneyRate VsOwnEstimate);

/// <summary>
/// Every unit of the province with its budget of the year as of a date and its capital plan of the year disbursed by that
/// date, and the province's totals: every rate Σ numerators ÷ Σ denominators.
/// </summary>
/// <param name="BudgetAsOf">The date of the budgets' figures: the one asked for, or today but no later than 31/12 of the year.</param>
/// <param name="CapitalAsOf">The date of the disbursements counted: the one asked for, or today but no later than 31/01 of the next year.</param>
public sealed record ProvinceFinanceOverview(
    int Year, DateOnly BudgetAsOf, DateOnly CapitalAsOf, IReadOnlyList<UnitFinanceRow> Units, IReadOnlyList<BudgetItemTotals> Items, DisbursementLine Capital,
    IReadOnlyList<DisbursementLine> CapitalSources);

public static class ProvinceOverview
{
    public static async Task<Results<Ok<ProvinceFinanceOverview>, ValidationProblem>> GetAsync(
        string provinceCode, int? year, string? asOf, FinanceDbContext db, ProvinceFinanceQuery query, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is not (>= 2000 and <= 2100))
            errors.Add("year", "Năm từ 2000 đến 2100.");
        DateOnly? date = asOf is null ? null : DateQuery.ParseDate("asOf", asOf, errors);
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var y = year!.Value;
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var budgetDate = date ?? Earlier(today, new DateOnly(y, 12, 31));
        var capitalDate = date ?? Earlier(today, CapitalPlan.LastDisbursementDay(y));

        var units = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode)
            .OrderBy(u => u.UnitCode).Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(ct);
        var items = await db.BudgetItems.AsNoTracking().OrderBy(i => i.Ordinal).ToListAsync(ct);
        var sources = await db.FundingSources.AsNoTracking().OrderBy(s => s.Ordinal).ToListAsync(ct);
        var (itemFigures, sourceFigures) = await query.RunAsync(provinceCode, y, budgetDate, capitalDate, ct);
        var itemsByUnit = itemFigures.ToLookup(f => f.UnitCode);
        var sourcesByUnit = sourceFigures.ToLookup(f => f.UnitCode);

        var rows = units.Select(unit =>
        {
            var budget = items
                .Select(item => (Item: item, Figures: itemsByUnit[unit.UnitCode].SingleOrDefault(f => f.ItemCode == item.Code)))
                .Where(i => i.Figures is not null)
                .Select(i => BudgetItemFigures.Of(i.Item, i.Figures!.ProvinceEstimate, i.Figures.OwnEstimate, i.Figures.Actual, i.Figures.ActualAsOf))
                .ToList();
            var capital = sources
                .Select(source => (Source: source, Figures: sourcesByUnit[unit.UnitCode].SingleOrDefault(f => f.SourceCode == source.Code)))
                .Where(s => s.Figures is not null)
                .Select(s => DisbursementLine.Of(s.Source.Code, s.Source.Name, null, s.Figures!.Planned, s.Figures.Disbursed))
                .ToList();
            return new UnitFinanceRow(unit.UnitCode, unit.UnitName, budget, capital.Count == 0 ? null : Total(null, null, capital), capital);
        }).ToList();

        var itemTotals = items
            .Select(item => (Item: item, Figures: rows.SelectMany(r => r.Items).Where(f => f.ItemCode == item.Code).ToList()))
            .Where(t => t.Figures.Count > 0)
            .Select(t => new BudgetItemTotals(t.Item.Code, t.Item.Name, t.Item.Kind,
                Sum(t.Figures.Select(f => f.ProvinceEstimate)), Sum(t.Figures.Select(f => f.OwnEstimate)), Sum(t.Figures.Select(f => f.Actual)),
                RateOf(t.Figures.Where(f => f.VsProvinceEstimate is not null).Select(f => f.VsProvinceEstimate!)),
                RateOf(t.Figures.Where(f => f.VsOwnEstimate is not null).Select(f => f.VsOwnEstimate!))))
            .ToList();
        var capitalSources = sources
            .Select(source => (Source: source, Lines: rows.SelectMany(r => r.CapitalSources).Where(l => l.SourceCode == source.Code).ToList()))
            .Where(t => t.Lines.Count > 0)
            .Select(t => Total(t.Source.Code, t.Source.Name, t.Lines))
            .ToList();
        var capitalTotal = Total(null, null, [.. rows.Where(r => r.Capital is not null).Select(r => r.Capital!)]);
        return TypedResults.Ok(new ProvinceFinanceOverview(y, budgetDate, capitalDate, rows, itemTotals, capitalTotal, capitalSources));
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static AmountResponse Sum(IEnumerable<AmountResponse?> amounts) =>
        AmountResponse.From(amounts.Where(a => a is not null).Select(a => a!.Dong).Sum());

    private static MoneyRate RateOf(IEnumerable<MoneyRate> rates)
    {
        var list = rates.ToList();
        return MoneyRate.Of(list.Select(r => r.Numerator).Sum(), list.Select(r => r.Denominator).Sum());
    }

    private static DisbursementLine Total(string? sourceCode, string? sourceName, IReadOnlyList<DisbursementLine> lines) =>
        DisbursementLine.Of(sourceCode, sourceName, null, lines.Select(l => l.Planned.Dong).Sum(), lines.Select(l => l.Disbursed.Dong).Sum());
}
