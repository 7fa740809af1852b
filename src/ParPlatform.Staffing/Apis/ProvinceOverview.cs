using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.Staffing.Data;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Apis;

/// <summary>A category of a unit in the province's overview: its quota, in post, vacancies, excess and Staffing.QuotaUse in percent.</summary>
public sealed record UnitCategoryFigures(StaffCategory Category, int? Quota, int? InPost, int? Vacancies, int OverBy, decimal? QuotaUse)
{
    public static UnitCategoryFigures From(CategoryLine line) => new(line.Category, line.Quota, line.InPost, line.Vacancies, line.OverBy, line.QuotaUse?.Percent);
}

/// <summary>A degree rate of a unit in the province's overview, in percent.</summary>
public sealed record UnitDegreeFigures(StaffCategory Category, int WithDegree, int InPost, decimal? Rate);

/// <summary>
/// A unit's figures in the province's overview, compact (the province's 150 units in one answer): its whole-unit quota
/// against its headcount for each category that has either, the degree rates, the budget-paid change in percent on each
/// basis. The unit's own report (GET /api/v1/units/{unitCode}/staffing/{year}) has the same figures with their texts.
/// </summary>
public sealed record UnitStaffingRow(
    string UnitCode, string UnitName, bool? Provisional, DateOnly? HeadcountAsOf, bool OverQuota, IReadOnlyList<UnitCategoryFigures> Lines,
    IReadOnlyList<UnitDegreeFigures> Degrees, decimal? BudgetPaidChangeOnQuota, decimal? BudgetPaidChangeOnHeadcount);

/// <summary>
/// Every unit of the province with its staffing of a year as of a date, and the province's totals: per category the sums
/// over the units that have both a quota and a headcount (vacancies and the excess summed unit by unit, so one unit's
/// vacancies never hide another's excess), every rate Σ numerators ÷ Σ denominators, never an average of the units' percentages.
/// </summary>
public sealed record ProvinceStaffingOverview(
    int Year, DateOnly AsOf, int BaselineYear, IReadOnlyList<UnitStaffingRow> Units, int UnitsOverQuota, IReadOnlyList<CategoryLine> Lines,
    IReadOnlyList<DegreeLine> Degrees, CountChange? BudgetPaidChangeOnQuota, CountChange? BudgetPaidChangeOnHeadcount, IReadOnlyList<IndicatorValue> Indicators);

public static class ProvinceOverview
{
    public static async Task<Results<Ok<ProvinceStaffingOverview>, ValidationProblem>> GetAsync(
        string provinceCode, int? year, string? asOf, int? baselineYear, StaffingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (year is not (>= 2000 and <= 2100))
            errors.Add("year", "Năm từ 2000 đến 2100.");
        DateOnly? date = asOf is null ? null : DateQuery.ParseDate("asOf", asOf, errors);
        var y = year ?? 2000;
        var baseline = baselineYear ?? BudgetPaidChange.DefaultBaselineYear(y);
        if (!errors.Any && (baseline < 2000 || baseline >= y))
            errors.Add("baselineYear", $"Năm gốc từ 2000 đến {y - 1}.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var day = date ?? (today < new DateOnly(y, 12, 31) ? today : new DateOnly(y, 12, 31));

        var units = await db.Set<KnownUnit>().AsNoTracking().Where(u => u.ProvinceCode == provinceCode)
            .OrderBy(u => u.UnitCode).Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(ct);
        var quotas = (await db.Quotas.AsNoTracking()
            .Where(q => q.ProvinceCode == provinceCode && q.AgencyCode == null && (q.Year == y || q.Year == baseline)).ToListAsync(ct))
            .ToLookup(q => q.UnitCode);
        // Of each unit's headcounts, only the two a report reads: the latest by the date, and the latest of the baseline year.
        var baselineEnd = new DateOnly(baseline, 12, 31) < day ? new DateOnly(baseline, 12, 31) : day;
        var headcounts = (await LatestHeadcounts(db, provinceCode, DateOnly.MinValue, day)
                .Concat(LatestHeadcounts(db, provinceCode, new DateOnly(baseline, 1, 1), baselineEnd)).ToListAsync(ct))
            .DistinctBy(h => h.Id)
            .ToLookup(h => h.UnitCode);

        var reports = units.Select(unit => (unit.UnitCode, unit.UnitName,
            Report: StaffingStore.Report(y, day, baseline, [.. quotas[unit.UnitCode]], [.. headcounts[unit.UnitCode]]))).ToList();
        var rows = reports.Select(r => new UnitStaffingRow(r.UnitCode, r.UnitName, r.Report.Unit.Quota?.Provisional, r.Report.Unit.Headcount?.AsOf,
            r.Report.Unit.OverQuota, [.. r.Report.Unit.Lines.Where(l => l.Quota is not null || l.InPost is not null).Select(UnitCategoryFigures.From)],
            [.. r.Report.Unit.Degrees.Select(d => new UnitDegreeFigures(d.Category, d.WithDegree, d.InPost, d.Rate.Percent))],
            r.Report.BudgetPaidChange.Quota?.Percent, r.Report.BudgetPaidChange.Headcount?.Percent)).ToList();

        var lines = Enum.GetValues<StaffCategory>().Select(category =>
        {
            var compared = reports.Select(r => r.Report.Unit.Lines.Single(l => l.Category == category)).Where(l => l.QuotaUse is not null).ToList();
            var quota = compared.Sum(l => l.Quota!.Value);
            var inPost = compared.Sum(l => l.InPost!.Value);
            var overBy = compared.Sum(l => l.OverBy);
            return compared.Count == 0
                ? CategoryLine.Of(category, null, null)
                : new CategoryLine(category, quota, inPost, compared.Sum(l => l.Vacancies!.Value), overBy, overBy > 0, CountRate.Of(inPost, quota));
        }).ToList();
        var degrees = rows.SelectMany(r => r.Degrees).GroupBy(d => d.Category).OrderBy(g => g.Key)
            .Select(g => DegreeLine.Of(g.Key, g.Sum(d => d.WithDegree), g.Sum(d => d.InPost))).ToList();
        var onQuota = Total(baseline, reports.Select(r => r.Report.BudgetPaidChange.Quota));
        var onHeadcount = Total(baseline, reports.Select(r => r.Report.BudgetPaidChange.Headcount));
        return TypedResults.Ok(new ProvinceStaffingOverview(y, day, baseline, rows, rows.Count(r => r.OverQuota), lines, degrees, onQuota, onHeadcount,
            StaffingIndicators.Of(lines, degrees, onQuota, onHeadcount)));
    }

    /// <summary>Each unit's last whole-unit headcount from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static IQueryable<Headcount> LatestHeadcounts(StaffingDbContext db, string provinceCode, DateOnly from, DateOnly to)
    {
        var wholeUnit = db.Headcounts.AsNoTracking().Where(h => h.ProvinceCode == provinceCode && h.AgencyCode == null);
        var latest = wholeUnit.Where(h => h.AsOf >= from && h.AsOf <= to).GroupBy(h => h.UnitCode).Select(g => new { UnitCode = g.Key, AsOf = g.Max(h => h.AsOf) });
        return wholeUnit.Join(latest, h => new { h.UnitCode, h.AsOf }, l => new { l.UnitCode, l.AsOf }, (h, _) => h);
    }

    /// <summary>Σ current ÷ Σ baseline − 1 over the units that have both; null when none has.</summary>
    private static CountChange? Total(int baselineYear, IEnumerable<CountChange?> changes)
    {
        var known = changes.OfType<CountChange>().ToList();
        return known.Count == 0 ? null : CountChange.Of(baselineYear, known.Sum(c => c.Baseline), known.Sum(c => c.Current));
    }
}
