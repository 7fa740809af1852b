namespace ParPlatform.SharedKernel;

/// <summary>
/// The official code of a province or centrally governed city (mã tỉnh): two digits, e.g. "20"
/// for Lạng Sơn. A province's reviewers see every unit of it.
/// </summary>
public readonly record struct ProvinceCode
{
    public const string FormatError = "Mã tỉnh gồm đúng 2 chữ số (ví dụ 20).";

    private ProvinceCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out ProvinceCode code)
    {
        if (text is { Length: 2 } && text.All(char.IsAsciiDigit))
        {
            code = new ProvinceCode(text);
            return true;
        }
        code = default;
        return false;
    }

    public static ProvinceCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}': {FormatError}");

    public override string ToString() => Value;
}
