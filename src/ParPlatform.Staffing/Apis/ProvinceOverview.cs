using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.Staffing.Data;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Apis;

/// <summary>A unit's figures in the province's overview: its whole-unit quota against its headcount, degree rates and budget-paid change.</summary>
public sealed record UnitStaffingRow(
    string UnitCode, string UnitName, bool? Provisional, DateOnly? HeadcountAsOf, IReadOnlyList<CategoryLine> Lines, bool OverQuota,
    IReadOnlyList<DegreeLine> Degrees, BudgetPaidChange BudgetPaidChange);

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
        var headcounts = (await db.Headcounts.AsNoTracking()
            .Where(h => h.ProvinceCode == provinceCode && h.AgencyCode == null && h.AsOf <= day).ToListAsync(ct))
            .ToLookup(h => h.UnitCode);

        var rows = units.Select(unit =>
        {
            var report = StaffingStore.Report(y, day, baseline, [.. quotas[unit.UnitCode]], [.. headcounts[unit.UnitCode]]);
            return new UnitStaffingRow(unit.UnitCode, unit.UnitName, report.Unit.Quota?.Provisional, report.Unit.Headcount?.AsOf, report.Unit.Lines,
                report.Unit.OverQuota, report.Unit.Degrees, report.BudgetPaidChange);
        }).ToList();

        var lines = Enum.GetValues<StaffCategory>().Select(category =>
        {
            var compared = rows.Select(r => r.Lines.Single(l => l.Category == category)).Where(l => l.QuotaUse is not null).ToList();
            var quota = compared.Sum(l => l.Quota!.Value);
            var inPost = compared.Sum(l => l.InPost!.Value);
            var overBy = compared.Sum(l => l.OverBy);
            return compared.Count == 0
                ? CategoryLine.Of(category, null, null)
                : new CategoryLine(category, quota, inPost, compared.Sum(l => l.Vacancies!.Value), overBy, overBy > 0, CountRate.Of(inPost, quota));
        }).ToList();
        var degrees = rows.SelectMany(r => r.Degrees).GroupBy(d => d.Category).OrderBy(g => g.Key)
            .Select(g => DegreeLine.Of(g.Key, g.Sum(d => d.WithDegree), g.Sum(d => d.InPost))).ToList();
        var onQuota = Total(baseline, rows.Select(r => r.BudgetPaidChange.Quota));
        var onHeadcount = Total(baseline, rows.Select(r => r.BudgetPaidChange.Headcount));
        return TypedResults.Ok(new ProvinceStaffingOverview(y, day, baseline, rows, rows.Count(r => r.OverQuota), lines, degrees, onQuota, onHeadcount,
            StaffingIndicators.Of(lines, degrees, onQuota, onHeadcount)));
    }

    /// <summary>Σ current ÷ Σ baseline − 1 over the units that have both; null when none has.</summary>
    private static CountChange? Total(int baselineYear, IEnumerable<CountChange?> changes)
    {
        var known = changes.OfType<CountChange>().ToList();
        return known.Count == 0 ? null : CountChange.Of(baselineYear, known.Sum(c => c.Baseline), known.Sum(c => c.Current));
    }
}
