using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParPlatform.SharedKernel;

/// <summary>
/// An amount of Vietnamese đồng, held in whole đồng. Reports print it in millions (triệu đồng) the
/// Vietnamese way, with a decimal comma only when the decimal is not zero: 44.553 (44 553 000 000 đ),
/// 3.969,4 (3 969 400 000 đ). In JSON it is the number of đồng.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Dong) : IComparable<Money>
{
    public const long DongPerMillion = 1_000_000;

    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static Money Zero => default;

    /// <summary>An amount given in millions (3969.4 is 3 969 400 000 đ); a part smaller than one đồng is refused.</summary>
    public static Money FromMillions(decimal millions)
    {
        var dong = millions * DongPerMillion;
        if (dong != decimal.Truncate(dong))
            throw new ArgumentOutOfRangeException(nameof(millions), millions, "Số tiền phải là số đồng nguyên.");
        if (dong is > long.MaxValue or < long.MinValue)
            throw new ArgumentOutOfRangeException(nameof(millions), millions, "Số tiền quá lớn.");
        return new Money((long)dong);
    }

    public decimal Millions => (decimal)Dong / DongPerMillion;

    /// <summary>In millions, Vietnamese style, exact: 44.553; 3.969,4; 0,0005 (500 đ); -1.200.</summary>
    public string ToMillionsText() => Millions.ToString("#,0.######", Vietnamese);

    public override string ToString() => ToMillionsText();

    public int CompareTo(Money other) => Dong.CompareTo(other.Dong);

    public static Money operator +(Money left, Money right) => new(checked(left.Dong + right.Dong));

    public static Money operator -(Money left, Money right) => new(checked(left.Dong - right.Dong));

    public static Money operator -(Money amount) => new(checked(-amount.Dong));

    public static bool operator <(Money left, Money right) => left.Dong < right.Dong;

    public static bool operator >(Money left, Money right) => left.Dong > right.Dong;

    public static bool operator <=(Money left, Money right) => left.Dong <= right.Dong;

    public static bool operator >=(Money left, Money right) => left.Dong >= right.Dong;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Negate(Money amount) => -amount;
}

/// <summary>Sums of amounts.</summary>
public static class MoneyExtensions
{
    public static Money Sum(this IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);
}

/// <summary>Money in JSON: the whole number of đồng.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var dong)
            ? new Money(dong)
            : throw new JsonException("Số tiền là một số nguyên đồng.");

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Dong);
    }
}
