using System.Globalization;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Domain;

/// <summary>
/// A rate of two counts (DOMAIN.md section 7: numerator ÷ denominator), in percent to two decimals, printed as the reports
/// print it: "96%" whole, or "96,1%" to one decimal, a decimal comma only when the decimal is not zero. Null percent when
/// the denominator is zero.
/// </summary>
public sealed record CountRate(int Numerator, int Denominator, decimal? Percent, string? Text, string? TextOneDecimal)
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static CountRate Of(int numerator, int denominator) => new(numerator, denominator,
        Round(numerator, denominator, 2), Print(Round(numerator, denominator, 0)), Print(Round(numerator, denominator, 1)));

    private static decimal? Round(int numerator, int denominator, int decimals) => denominator == 0
        ? null
        : Math.Round(100m * numerator / denominator, decimals, MidpointRounding.AwayFromZero);

    internal static string? Print(decimal? percent) => percent is { } p ? p.ToString("#,0.#", Vietnamese) + "%" : null;
}

/// <summary>
/// A change against a baseline (<c>Staffing.BudgetPaidChangeVsBaseline</c>, DOMAIN.md section 7): current ÷ baseline − 1,
/// in percent to two decimals, negative for a decrease ("−10%"); null percent when the baseline is zero.
/// </summary>
public sealed record CountChange(int BaselineYear, int Baseline, int Current, decimal? Percent, string? Text, string? TextOneDecimal)
{
    public static CountChange Of(int baselineYear, int baseline, int current)
    {
        decimal? Round(int decimals) => baseline == 0
            ? null
            : Math.Round(100m * (current - baseline) / baseline, decimals, MidpointRounding.AwayFromZero);
        return new CountChange(baselineYear, baseline, current, Round(2), CountRate.Print(Round(0)), CountRate.Print(Round(1)));
    }
}

/// <summary>The checks every count entered goes through.</summary>
public static class Counts
{
    /// <summary>At most this many people in one category of one unit.</summary>
    public const int Max = 100_000;

    public static void Check(string field, int value)
    {
        if (value < 0)
            throw new DomainInputException(field, "Số người không được âm.");
        if (value > Max)
            throw new DomainInputException(field, $"Quá lớn (tối đa {Max:#,0}).".Replace(',', '.'));
    }

    public static void CheckPart(string field, int? part, int whole, string wholeName)
    {
        if (part is not { } value)
            return;
        Check(field, value);
        if (value > whole)
            throw new DomainInputException(field, $"Không được lớn hơn {wholeName} ({whole}).");
    }
}
