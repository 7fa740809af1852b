using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.SharedKernel.Indicators;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Apis;

public sealed record IndicatorInput(decimal? Numerator, decimal? Denominator, string? Evidence);

/// <summary>The indicator catalogue's values for a unit and a period, as of a date (the report's due date, or today before it).</summary>
public sealed record IndicatorsResponse(string UnitCode, string Period, DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>A province's scorecards for a period, ranked, and its value of every indicator (Σ numerators ÷ Σ denominators).</summary>
public sealed record ProvinceScorecardResponse(
    string ProvinceCode, string Period, DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<RankedScorecard> Units, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// The indicators and the scorecard of a unit or of a province for a period: one path for both (<see cref="UnitsAsync"/>),
/// so a unit's row in the province's ranking is its own scorecard.
/// </summary>
public sealed class ScorecardStore(ReportingDbContext db, ProvincePeriodsStore periods, ReportingStatisticsQuery statistics, TimeProvider clock)
{
    public async Task<Results<Ok<IndicatorsResponse>, ValidationProblem, ProblemHttpResult>> UnitIndicatorsAsync(string unitCode, string period, CancellationToken ct)
    {
        var (scope, invalid, unknown) = await UnitScopeAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var unit = (await UnitsAsync(scope!, ct)).Single();
        return TypedResults.Ok(new IndicatorsResponse(unitCode, scope!.Period.Code, scope.Window.From, scope.Window.To, scope.AsOf, unit.Indicators));
    }

    public async Task<Results<Ok<UnitScorecard>, ValidationProblem, ProblemHttpResult>> UnitScorecardAsync(string unitCode, string period, CancellationToken ct)
    {
        var (scope, invalid, unknown) = await UnitScopeAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        return TypedResults.Ok((await UnitsAsync(scope!, ct)).Single().Scorecard);
    }

    public async Task<Results<Ok<ProvinceScorecardResponse>, ValidationProblem, ProblemHttpResult>> ProvinceScorecardAsync(
        string provinceCode, string period, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p))
            return ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError));
        if (await periods.FindAsync(provinceCode, p, ct) is not { } scheduled)
            return ApiProblems.NotFound(PeriodsApi.NotCollected(p));
        return TypedResults.Ok(await ProvinceScorecardOf(provinceCode, scheduled, ct));
    }

    public async Task<ProvinceScorecardResponse> ProvinceScorecardOf(string provinceCode, ScheduledPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var scope = await ScopeAsync(ProvinceColumn, provinceCode, provinceCode, period, ct);
        var units = await UnitsAsync(scope, ct);
        return new ProvinceScorecardResponse(provinceCode, period.Period.Code, scope.Window.From, scope.Window.To, scope.AsOf,
            Scorecard.Rank(units.Select(u => u.Scorecard)), IndicatorValues.ForProvince(units.Select(u => u.Indicators)));
    }

    public async Task<Results<Ok<IndicatorValue>, ValidationProblem, ProblemHttpResult>> EnterAsync(
        string unitCode, string period, string code, IndicatorInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.Numerator is null)
            errors.Add("numerator", "Không được để trống.");
        if (input.Evidence is { } evidence && (evidence.Trim().Length == 0 || evidence.Trim().Length > 2_000))
            errors.Add("evidence", "Ghi chú minh chứng từ 1 đến 2.000 ký tự; bỏ trống (null) khi không có.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var (scope, invalid, unknown) = await UnitScopeAsync(unitCode, period, ct);
        if (invalid is not null)
            return invalid;
        if (unknown is not null)
            return unknown;
        var report = await db.Reports.Include(r => r.Indicators).Include(r => r.Versions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.UnitCode == unitCode && r.Period == scope!.Period.Code, ct);
        if (report is null)
            db.Reports.Add(report = Report.Open(unitCode, scope!.ProvinceCode, scope.Period.Code));
        var entered = report.EnterIndicator(code, input.Numerator!.Value, input.Denominator, input.Evidence?.Trim(), Caller.Of(user).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IndicatorValue.Of(IndicatorCatalogue.Find(code)!, entered.Numerator, entered.Denominator));
    }

    private const string UnitColumn = "unit_code", ProvinceColumn = "province_code";

    private sealed record Scope(string Column, string Code, string ProvinceCode, ScheduledPeriod Scheduled, DateOnly AsOf,
        IReadOnlyList<(string UnitCode, string UnitName)> Units)
    {
        public ReportPeriod Period => Scheduled.Period;

        public DateWindow Window => Scheduled.Window;
    }

    private sealed record UnitResult(IReadOnlyList<IndicatorValue> Indicators, UnitScorecard Scorecard);

    private async Task<(Scope? Scope, ValidationProblem? Invalid, ProblemHttpResult? Unknown)> UnitScopeAsync(string unitCode, string period, CancellationToken ct)
    {
        if (!ReportPeriod.TryParse(period, out var p))
            return (null, ApiProblems.Invalid(new FieldErrors().Add("period", ReportPeriod.FormatError)), null);
        var unit = await db.Set<KnownUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.UnitCode == unitCode, ct);
        if (unit is null)
            return (null, null, ApiProblems.NotFound($"Dịch vụ báo cáo chưa nhận được đơn vị {unitCode} từ danh mục."));
        if (await periods.FindAsync(unit.ProvinceCode, p, ct) is not { } scheduled)
            return (null, null, ApiProblems.NotFound(PeriodsApi.NotCollected(p)));
        return (await ScopeAsync(UnitColumn, unitCode, unit.ProvinceCode, scheduled, ct), null, null);
    }

    /// <summary>The units of a scope, the period's window, and the date the figures are taken at: the due date, or today before it.</summary>
    private async Task<Scope> ScopeAsync(string column, string code, string provinceCode, ScheduledPeriod period, CancellationToken ct)
    {
        var due = period.Due;
        var today = WorkingCalendar.VietnamDate(clock.GetUtcNow());
        var known = db.Set<KnownUnit>().AsNoTracking();
        var units = await (column == UnitColumn ? known.Where(u => u.UnitCode == code) : known.Where(u => u.ProvinceCode == code))
            .OrderBy(u => u.UnitCode).Select(u => new { u.UnitCode, u.UnitName }).ToListAsync(ct);
        return new Scope(column, code, provinceCode, period, today < due ? today : due,
            [.. units.Select(u => (u.UnitCode, u.UnitName))]);
    }

    /// <summary>
    /// Each unit's indicators and scorecard, from four reads of the scope: the sources (the plans' targets among them), the II.06a
    /// window's counts by unit and by unit and the fields the targets name (what the rates read), the feedback, the entered indicators.
    /// </summary>
    private async Task<IReadOnlyList<UnitResult>> UnitsAsync(Scope scope, CancellationToken ct)
    {
        var byUnit = scope.Column == UnitColumn;
        var events = db.SourceEvents.AsNoTracking();
        var sources = (await (byUnit ? events.Where(e => e.UnitCode == scope.Code) : events.Where(e => e.ProvinceCode == scope.Code)).ToListAsync(ct))
            .GroupBy(e => e.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, UnitSources.From, StringComparer.Ordinal);
        var year = scope.Window.To.Year;
        var fields = sources.Values.SelectMany(s => s.PlanTargets(year)).Select(t => t.Target.Field).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var (totals, counts, feedback) = await statistics.WindowCountsAsync(scope.Column, scope.Code, fields, scope.Window, ct);
        var indicators = db.Set<ReportIndicator>().AsNoTracking().Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.Period == scope.Period.Code));
        var entered = (await (byUnit ? indicators.Where(i => i.UnitCode == scope.Code) : indicators.Where(i => i.ProvinceCode == scope.Code)).ToListAsync(ct))
            .ToLookup(i => i.UnitCode, StringComparer.Ordinal);
        var fieldsByUnit = counts.ToLookup(c => c.Key.UnitCode, StringComparer.Ordinal);
        return [.. scope.Units.Select(unit =>
        {
            var rates = fieldsByUnit[unit.UnitCode].ToDictionary(f => f.Key.Field, f => DossierRates.Of(f.Value), StringComparer.Ordinal);
            var total = DossierRates.Of(totals.GetValueOrDefault(unit.UnitCode) ?? new DossierCounts());
            var unitSources = sources.GetValueOrDefault(unit.UnitCode) ?? UnitSources.From([]);
            var figures = ReportFigures.OfSources(unitSources, scope.Scheduled, scope.AsOf).ToDictionary(f => f.Code, StringComparer.Ordinal);
            var values = IndicatorValues.ForUnit(total, feedback.GetValueOrDefault(unit.UnitCode) ?? FeedbackStatistics.None, figures, entered[unit.UnitCode]);
            return new UnitResult(values, Scorecard.Of(unit.UnitCode, unit.UnitName, unitSources, year, values, rates));
        })];
    }
}
