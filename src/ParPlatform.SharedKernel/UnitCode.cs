namespace ParPlatform.SharedKernel;

/// <summary>
/// The official code of a commune-level unit (mã đơn vị hành chính cấp xã): five digits, e.g.
/// "06112". A unit is a tenant; every unit-scoped route carries its code.
/// </summary>
public readonly record struct UnitCode
{
    public const string FormatError = "Mã đơn vị gồm đúng 5 chữ số (ví dụ 06112).";

    private UnitCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out UnitCode code)
    {
        if (text is { Length: 5 } && text.All(char.IsAsciiDigit))
        {
            code = new UnitCode(text);
            return true;
        }
        code = default;
        return false;
    }

    public static UnitCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}': {FormatError}");

    public override string ToString() => Value;
}
