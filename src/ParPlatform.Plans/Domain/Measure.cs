using System.Globalization;
using ParPlatform.Contracts.Plans;
using ParPlatform.SharedKernel.Indicators;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// What makes a target (or a task's criterion) measurable: an indicator of the catalogue, a comparator and a threshold,
/// e.g. "tỷ lệ hồ sơ giải quyết đúng hạn ≥ 98%" is Dossiers.OnTimeRate at-least 98.
/// </summary>
public sealed record Measure(string IndicatorCode, TargetComparator Comparator, decimal Threshold)
{
    public Indicator Indicator => IndicatorCatalogue.Find(IndicatorCode)
        ?? throw new InvalidOperationException($"{IndicatorCode} is not in the indicator catalogue.");

    /// <summary>The measure as a person reads it: "Dossiers.OnTimeRate ≥ 98%", "Procedures.InterLevelCount ≥ 30".</summary>
    public override string ToString() =>
        $"{IndicatorCode} {Symbol(Comparator)} {Threshold.ToString("0.##", CultureInfo.InvariantCulture)}{(Indicator.Measure == IndicatorMeasure.Count ? "" : "%")}";

    public static string Symbol(TargetComparator comparator) => comparator switch
    {
        TargetComparator.GreaterThan => ">",
        TargetComparator.AtLeast => "≥",
        TargetComparator.Equal => "=",
        TargetComparator.AtMost => "≤",
        _ => "<",
    };

    /// <summary>Why the threshold does not fit the indicator (a count is a whole number, never negative; a rate is never negative), or null.</summary>
    public static string? ThresholdProblem(Indicator indicator, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Measure switch
        {
            IndicatorMeasure.Count when threshold < 0 || threshold != decimal.Truncate(threshold) =>
                $"{indicator.Code} là một số đếm: ngưỡng là số nguyên không âm.",
            IndicatorMeasure.Rate when threshold < 0 => $"{indicator.Code} là một tỷ lệ (%): ngưỡng không âm.",
            _ => null,
        };
    }

    /// <summary>
    /// Whether every value that meets this measure also meets <paramref name="source"/>: keeping or tightening a province
    /// target ("≥ 98%" → "≥ 99%" or "= 100%") does, loosening it ("≥ 98%" → "≥ 95%") does not.
    /// </summary>
    public bool Implies(Measure source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (IndicatorCode != source.IndicatorCode)
            return false;
        var (n, s) = (Threshold, source.Threshold);
        return (source.Comparator, Comparator) switch
        {
            (TargetComparator.Equal, TargetComparator.Equal) => n == s,
            (TargetComparator.Equal, _) => false,
            (TargetComparator.AtLeast, TargetComparator.AtLeast or TargetComparator.GreaterThan or TargetComparator.Equal) => n >= s,
            (TargetComparator.GreaterThan, TargetComparator.GreaterThan) => n >= s,
            (TargetComparator.GreaterThan, TargetComparator.AtLeast or TargetComparator.Equal) => n > s,
            (TargetComparator.AtMost, TargetComparator.AtMost or TargetComparator.LessThan or TargetComparator.Equal) => n <= s,
            (TargetComparator.LessThan, TargetComparator.LessThan) => n <= s,
            (TargetComparator.LessThan, TargetComparator.AtMost or TargetComparator.Equal) => n < s,
            _ => false,
        };
    }
}
