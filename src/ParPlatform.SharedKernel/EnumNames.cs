using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParPlatform.SharedKernel;

/// <summary>
/// The one naming rule for enums. A client reads and writes the kebab-case of the member name
/// ("InPerson" → "in-person") in JSON, URLs and import files, unless the member carries
/// <see cref="JsonStringEnumMemberName"/> (TimeLimitUnit.WorkingHours is "hours"): exactly what
/// System.Text.Json writes with <see cref="JsonNamingPolicy.KebabCaseLower"/>. A database stores the
/// member name itself ("InPerson"), as EF Core's enum-to-string conversion does; SQL that compares an
/// enum column writes <see cref="Stored{TEnum}(TEnum)"/>, so renaming a member renames the literal with it.
/// </summary>
public static class EnumNames
{
    /// <summary>The name clients read and write: "in-person", "request-supplement", "hours"…</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ApiByValue.TryGetValue(value, out var name) ? name : throw Undefined(value);

    /// <summary>The member a client's name stands for (ordinal: "In-Person" is not a name), or null when it names none.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        name is not null && Names<TEnum>.ApiByName.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every client name of <typeparamref name="TEnum"/>, in declaration order, for error messages.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Api;

    /// <summary>The name a database column holds: the member name ("InPerson").</summary>
    public static string Stored<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.StoredByValue.TryGetValue(value, out var name) ? name : throw Undefined(value);

    /// <summary><see cref="Stored{TEnum}(TEnum)"/> of a nullable column: null stays null.</summary>
    public static string? Stored<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Stored(v) : null;

    /// <summary>The member a database column names; a name no member has is corrupt data and throws.</summary>
    public static TEnum FromStored<TEnum>(string stored) where TEnum : struct, Enum =>
        Names<TEnum>.StoredByName.TryGetValue(stored, out var value)
            ? value
            : throw new InvalidOperationException($"\"{stored}\" is not a member of {typeof(TEnum).Name}.");

    /// <summary><see cref="Stored{TEnum}(TEnum)"/> as a quoted SQL literal ('OnTime'); a member name needs no escaping.</summary>
    public static string SqlLiteral<TEnum>(TEnum value) where TEnum : struct, Enum => $"'{Stored(value)}'";

    private static ArgumentOutOfRangeException Undefined<TEnum>(TEnum value) where TEnum : struct, Enum =>
        new(nameof(value), value, $"{typeof(TEnum).Name} has no member {value}.");

    /// <summary>Each enum's names, worked out once (an import reads millions of them).</summary>
    private static class Names<TEnum> where TEnum : struct, Enum
    {
        private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

        public static readonly Dictionary<TEnum, string> StoredByValue = Values.ToDictionary(v => v, v => Enum.GetName(v)!);

        public static readonly Dictionary<string, TEnum> StoredByName = StoredByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string[] Api = [.. Values.Select(ApiName)];

        public static readonly Dictionary<TEnum, string> ApiByValue = Values.Zip(Api).ToDictionary(p => p.First, p => p.Second);

        public static readonly Dictionary<string, TEnum> ApiByName = ApiByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static string ApiName(TEnum value)
        {
            var member = Enum.GetName(value)!;
            return typeof(TEnum).GetField(member)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.KebabCaseLower.ConvertName(member);
        }
    }
}
