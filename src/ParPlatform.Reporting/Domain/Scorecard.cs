using ParPlatform.Contracts;
using ParPlatform.Contracts.Plans;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Indicators;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>Where a target stands against its indicator's value for the period.</summary>
public enum TargetResult
{
    Met,
    NotMet,

    /// <summary>The indicator has no value for the period (nothing to count, or not entered).</summary>
    NoData,
}

/// <summary>A measurable target of one of the unit's plans, its indicator's value for the period and the result.</summary>
public sealed record ScorecardLine(
    Guid TargetId, Guid PlanId, string PlanReference, string? Area, string IndicatorCode, string IndicatorName, string Comparator, decimal Threshold,
    string? Field, string? Channel, decimal? Value, string Result);

/// <summary>A unit's targets for the period: how many met, not met, without data, and the share met of those with data.</summary>
public sealed record UnitScorecard(string UnitCode, string UnitName, int Targets, int Met, int NotMet, int NoData, Rate MetRate, IReadOnlyList<ScorecardLine> Lines);

/// <summary>
/// A unit's place in the province's ranking of scorecards (none when no target of it has data), with its scorecard's counts: the
/// unit's lines are on its own scorecard (a province's 150 units' 1,200 lines were 482 KB the dashboard never shows).
/// </summary>
public sealed record RankedScorecard(int? Rank, string UnitCode, string UnitName, int Targets, int Met, int NotMet, int NoData, Rate MetRate)
{
    public static RankedScorecard Of(int? rank, UnitScorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new(rank, scorecard.UnitCode, scorecard.UnitName, scorecard.Targets, scorecard.Met, scorecard.NotMet, scorecard.NoData, scorecard.MetRate);
    }
}

/// <summary>
/// The scorecard (issue 21): every measurable target of the unit's plans in force for the period's year (the unit's own
/// plans, not its agencies', not superseded) against its indicator's value for the period: met, not met, or no data. A
/// target on one field of procedures is measured on that field's dossiers; one on a channel has no data (the read model
/// does not split the rates by channel).
/// </summary>
public static class Scorecard
{
    public static UnitScorecard Of(string unitCode, string unitName, UnitSources sources, int year, IReadOnlyList<IndicatorValue> values,
        IReadOnlyDictionary<string, DossierRates> fields)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(fields);
        var byCode = values.ToDictionary(v => v.Code, StringComparer.Ordinal);
        var lines = sources.PlanTargets(year)
            .Select(planned =>
            {
                var (t, plan) = planned;
                var indicator = IndicatorCatalogue.Find(t.IndicatorCode);
                var value = ValueOf(t, indicator, byCode, fields);
                var result = value is not { } v ? TargetResult.NoData : Meets(v, t.Comparator, t.Threshold) ? TargetResult.Met : TargetResult.NotMet;
                return new ScorecardLine(t.TargetId, t.PlanId, plan.Reference, t.Area is { } area ? EnumNames.Name(area) : null, t.IndicatorCode,
                    indicator?.Name ?? t.IndicatorCode, EnumNames.Name(t.Comparator), t.Threshold, t.Field, t.Channel, value, EnumNames.Name(result));
            })
            .ToList();
        var met = lines.Count(l => l.Result == EnumNames.Name(TargetResult.Met));
        var notMet = lines.Count(l => l.Result == EnumNames.Name(TargetResult.NotMet));
        return new UnitScorecard(unitCode, unitName, lines.Count, met, notMet, lines.Count - met - notMet, Rate.Of(met, met + notMet), lines);
    }

    /// <summary>The province's units by the share of their targets met, highest first, equal shares sharing a rank; then those without data.</summary>
    public static IReadOnlyList<RankedScorecard> Rank(IEnumerable<UnitScorecard> units)
    {
        var all = units.ToList();
        var ranked = all.Where(u => u.MetRate.Percent is not null)
            .OrderByDescending(u => u.MetRate.Percent).ThenByDescending(u => u.Met).ThenBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
        var rows = new List<RankedScorecard>(all.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var tied = i > 0 && ranked[i].MetRate.Percent == ranked[i - 1].MetRate.Percent && ranked[i].Met == ranked[i - 1].Met;
            rows.Add(RankedScorecard.Of(tied ? rows[i - 1].Rank : i + 1, ranked[i]));
        }
        rows.AddRange(all.Where(u => u.MetRate.Percent is null).OrderBy(u => u.UnitCode, StringComparer.Ordinal).Select(u => RankedScorecard.Of(null, u)));
        return rows;
    }

    private static decimal? ValueOf(TargetSet target, Indicator? indicator, Dictionary<string, IndicatorValue> values, IReadOnlyDictionary<string, DossierRates> fields)
    {
        if (indicator is null || target.Channel is not null)
            return null;
        if (target.Field is null)
            return values.GetValueOrDefault(target.IndicatorCode)?.Value;
        if (!fields.TryGetValue(target.Field, out var rates))
            return null;
        var field = IndicatorValues.ForUnit(rates, FeedbackStatistics.None, new Dictionary<string, ComputedFigure>(), []);
        return target.IndicatorCode.StartsWith("Dossiers.", StringComparison.Ordinal) ? field.Single(v => v.Code == target.IndicatorCode).Value : null;
    }

    private static bool Meets(decimal value, TargetComparator comparator, decimal threshold) => comparator switch
    {
        TargetComparator.GreaterThan => value > threshold,
        TargetComparator.AtLeast => value >= threshold,
        TargetComparator.Equal => value == threshold,
        TargetComparator.AtMost => value <= threshold,
        _ => value < threshold,
    };
}
