using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ParPlatform.SharedKernel;
using Xunit;

namespace ParPlatform.TestSupport;

/// <summary>
/// The enum columns of a service's EF model checked against the one naming rule: each stores the
/// member names of its enum (those the statistics SQL and the raw Npgsql paths write), in a column
/// wide enough for the longest, and the names a client reads are what System.Text.Json writes.
/// </summary>
internal static class EnumColumns
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    /// <summary>
    /// Asserts every enum column of <paramref name="context"/>'s model; <paramref name="storedNames"/> lists,
    /// by hand, the names each stored enum has in the database: renaming a member leaves the rows already
    /// written with the old name, so it fails here until a migration renames them and this table follows.
    /// </summary>
    public static void AssertStoredByName(DbContext context, IReadOnlyDictionary<Type, string[]> storedNames)
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!type.IsEnum)
                    continue;
                seen.Add(type);
                var column = $"{entity.GetTableName()}.{property.GetColumnName()} ({type.Name})";
                var converter = property.GetTypeMapping().Converter;
                if (converter?.ProviderClrType != typeof(string))
                {
                    problems.Add($"{column}: not stored as text");
                    continue;
                }
                var longest = 0;
                foreach (var value in Enum.GetValues(type))
                {
                    var stored = (string)converter.ConvertToProvider(value)!;
                    longest = Math.Max(longest, stored.Length);
                    if (stored != Enum.GetName(type, value))
                        problems.Add($"{column}: {value} stored as \"{stored}\", not its member name");
                }
                if (property.GetMaxLength() is not { } maxLength || maxLength < longest)
                    problems.Add($"{column}: max length {property.GetMaxLength()} below the longest name ({longest})");
            }
        }
        foreach (var type in seen)
        {
            if (!storedNames.TryGetValue(type, out var expected))
                problems.Add($"{type.Name}: stored but not in the table of stored names");
            else if (!expected.SequenceEqual(Enum.GetNames(type)))
                problems.Add($"{type.Name}: stores {string.Join(", ", Enum.GetNames(type))}; the table (and the rows) say {string.Join(", ", expected)}");
            var apiName = typeof(EnumNames).GetMethod(nameof(EnumNames.Name))!.MakeGenericMethod(type);
            foreach (var value in Enum.GetValues(type))
            {
                var json = JsonSerializer.Serialize(value, type, Json);
                var name = (string)apiName.Invoke(null, [value])!;
                if (json != $"\"{name}\"")
                    problems.Add($"{type.Name}.{value}: System.Text.Json writes {json}, EnumNames \"{name}\"");
            }
        }
        problems.AddRange(storedNames.Keys.Where(t => !seen.Contains(t)).Select(t => $"{t.Name}: in the table but stored by no column"));
        Assert.Empty(problems);
    }
}
