using ParPlatform.SharedKernel.Indicators;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Domain;

/// <summary>
/// An indicator's value for a unit (or a province) and a period: a rate's numerator and denominator and the percentage, a
/// count's value, a change's value and baseline and the change in percent; no value when there is nothing to count.
/// </summary>
public sealed record IndicatorValue(string Code, string Name, string Source, string Measure, decimal? Numerator, decimal? Denominator, decimal? Value)
{
    public static IndicatorValue Of(Indicator indicator, decimal? numerator, decimal? denominator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        decimal? value = numerator is not { } n ? null : indicator.Measure switch
        {
            IndicatorMeasure.Count => n,
            IndicatorMeasure.Rate => denominator is > 0 and var d ? n * 100m / d : null,
            _ => denominator is > 0 and var b ? (n / b - 1) * 100m : null,
        };
        return new(indicator.Code, indicator.Name, indicator.Source.ToString().ToLowerInvariant(), indicator.Measure.ToString().ToLowerInvariant(),
            numerator, indicator.Measure == IndicatorMeasure.Count ? null : denominator, value);
    }
}

/// <summary>
/// The indicator catalogue's values (DOMAIN.md section 7) for a unit and a period: the computed ones from the period's
/// II.06a and feedback and from the report's figures (<see cref="ReportFigures"/>), the entered ones as the unit typed
/// them; and a province's, where a rate is Σ numerators ÷ Σ denominators over its units, never an average of their rates.
/// </summary>
public static class IndicatorValues
{
    /// <summary>Why an entered value cannot be the indicator's (the field and the reason); null when it can.</summary>
    public static (string Field, string Problem)? Problem(Indicator indicator, decimal numerator, decimal? denominator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (numerator < 0 || numerator > 1_000_000_000_000m)
            return ("numerator", "Giá trị từ 0 đến 1.000.000.000.000.");
        return indicator.Measure switch
        {
            IndicatorMeasure.Count when denominator is not null => ("denominator", "Chỉ số đếm không có mẫu số."),
            IndicatorMeasure.Count when numerator != decimal.Truncate(numerator) => ("numerator", "Chỉ số đếm là số nguyên."),
            not IndicatorMeasure.Count when denominator is not > 0 => ("denominator", "Mẫu số phải lớn hơn 0."),
            IndicatorMeasure.Rate when numerator > denominator => ("numerator", "Tử số không lớn hơn mẫu số."),
            _ => null,
        };
    }

    /// <summary>Every indicator of the catalogue for a unit, in the catalogue's order.</summary>
    public static IReadOnlyList<IndicatorValue> ForUnit(
        DossierRates dossiers, FeedbackStatistics feedback, IReadOnlyDictionary<string, ComputedFigure> figures, IEnumerable<ReportIndicator> entered)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(figures);
        var typed = entered.ToDictionary(i => i.Code, StringComparer.Ordinal);
        decimal? F(string code) => figures.TryGetValue(code, out var figure) ? figure.Number : null;
        (decimal?, decimal?) R(Rate rate) => (rate.Numerator, rate.Denominator);
        var computed = new Dictionary<string, (decimal? Numerator, decimal? Denominator)>(StringComparer.Ordinal)
        {
            ["Dossiers.OnTimeRate"] = R(dossiers.OnTime),
            ["Dossiers.OnlineRate"] = R(dossiers.Online),
            ["Dossiers.ElectronicResultRate"] = R(dossiers.ElectronicResult),
            ["Dossiers.DigitisationRate"] = R(dossiers.Digitisation),
            ["Dossiers.SatisfactionRate"] = R(dossiers.Satisfaction),
            ["Dossiers.OnlinePaymentRate"] = R(dossiers.OnlinePayment),
            ["Dossiers.ApologyCoverage"] = R(dossiers.ApologyCoverage),
            ["Feedback.OnTimeRate"] = R(feedback.OnTime),
            ["Finance.DisbursementRate"] = (F("Finance.Current.Disbursed"), F("Finance.Current.Plan")),
            ["Finance.RevenueVsEstimate"] = (F("Finance.Revenue"), F("Finance.Revenue.ProvinceEstimate")),
            ["Finance.AuditRemittanceRate"] = (F("Finance.AuditRemitted"), F("Finance.AuditToRemit")),
            ["Staffing.QuotaUse"] = (F("Staffing.Headcount"), F("Staffing.Quota")),
            ["Staffing.Vacancies"] = (F("Staffing.Quota") - F("Staffing.Headcount") is { } gap ? Math.Max(gap, 0) : null, null),
            ["Staffing.UniversityDegreeRate"] = (F("Staffing.WithDegree"), F("Staffing.Headcount")),
            ["Staffing.DisciplinedLeaders"] = (F("Staffing.DisciplinedLeaders"), null),
            ["Staffing.TrainingPlanCompletion"] = (F("Staffing.TrainingCompleted"), F("Staffing.TrainingPlanned")),
        };
        return [.. IndicatorCatalogue.All.Select(indicator =>
        {
            if (indicator.Source == IndicatorSource.Entered)
                return typed.TryGetValue(indicator.Code, out var e) ? IndicatorValue.Of(indicator, e.Numerator, e.Denominator) : IndicatorValue.Of(indicator, null, null);
            var (numerator, denominator) = computed.GetValueOrDefault(indicator.Code);
            // A rate over nothing has no value (0 of 0 is not 0%).
            return indicator.Measure == IndicatorMeasure.Count || denominator is > 0
                ? IndicatorValue.Of(indicator, numerator, denominator)
                : IndicatorValue.Of(indicator, null, null);
        })];
    }

    /// <summary>A province's values from its units': Σ numerators ÷ Σ denominators (Σ of counts) over the units that have one.</summary>
    public static IReadOnlyList<IndicatorValue> ForProvince(IEnumerable<IReadOnlyList<IndicatorValue>> units)
    {
        var byCode = units.SelectMany(u => u).Where(v => v.Value is not null).ToLookup(v => v.Code, StringComparer.Ordinal);
        return [.. IndicatorCatalogue.All.Select(indicator =>
        {
            var values = byCode[indicator.Code].ToList();
            return values.Count == 0
                ? IndicatorValue.Of(indicator, null, null)
                : IndicatorValue.Of(indicator, values.Sum(v => v.Numerator), indicator.Measure == IndicatorMeasure.Count ? null : values.Sum(v => v.Denominator));
        })];
    }
}
