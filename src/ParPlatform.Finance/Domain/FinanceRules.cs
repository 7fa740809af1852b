using System.Globalization;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A rate of two amounts (DOMAIN.md section 7: numerator ÷ denominator), in percent to two decimals, and printed as the
/// reports print it: "85%" whole, or "82,4%" to one decimal, a decimal comma only when the decimal is not zero. Null when the
/// denominator is zero (nothing to compare with).
/// </summary>
public sealed record MoneyRate(Money Numerator, Money Denominator, decimal? Percent, string? Text, string? TextOneDecimal)
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static MoneyRate Of(Money numerator, Money denominator) => new(numerator, denominator,
        Round(numerator, denominator, 2), Print(numerator, denominator, 0), Print(numerator, denominator, 1));

    private static decimal? Round(Money numerator, Money denominator, int decimals) => denominator.Dong == 0
        ? null
        : Math.Round(100m * numerator.Dong / denominator.Dong, decimals, MidpointRounding.AwayFromZero);

    private static string? Print(Money numerator, Money denominator, int decimals) =>
        Round(numerator, denominator, decimals) is { } percent ? percent.ToString("#,0.#", Vietnamese) + "%" : null;
}

/// <summary>Amounts as entered: in millions of đồng (3190.4), to the đồng.</summary>
public static class Millions
{
    public static Money Parse(string field, decimal? millions, bool positive)
    {
        if (millions is not { } value)
            throw new DomainInputException(field, "Không được để trống.");
        if (positive ? value <= 0 : value < 0)
            throw new DomainInputException(field, positive ? "Số tiền (triệu đồng) phải lớn hơn 0." : "Số tiền (triệu đồng) không được âm.");
        if (value > 100_000_000m)
            throw new DomainInputException(field, "Số tiền quá lớn (tối đa 100.000.000 triệu đồng).");
        if (value * Money.DongPerMillion != decimal.Truncate(value * Money.DongPerMillion))
            throw new DomainInputException(field, "Số tiền (triệu đồng) chỉ đến đồng: tối đa 6 chữ số thập phân.");
        return Money.FromMillions(value);
    }
}

/// <summary>Counts of units as the report prints them.</summary>
public static class UnitCount
{
    /// <summary>"không có" for none, otherwise two digits and "đơn vị" ("01 đơn vị", "16 đơn vị").</summary>
    public static string Text(int count) => count == 0 ? "không có" : $"{count:00} đơn vị";
}
