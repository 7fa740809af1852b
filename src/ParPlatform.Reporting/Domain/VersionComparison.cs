using System.Text.Json;

namespace ParPlatform.Reporting.Domain;

/// <summary>A value that differs between two versions of a report: where it is (e.g. "narrative[II.2.1].text", "dossiers.received.total") and its two values.</summary>
public sealed record VersionChange(string Path, string? Before, string? After);

/// <summary>
/// What changed between two submitted versions of a report, read from the reports as submitted: every value that differs,
/// by its path. Items of a list are named by their key ("key", "code" or "field") rather than their position, so a
/// section or a fact is compared with the same section or fact.
/// </summary>
public static class VersionComparison
{
    private static readonly string[] ItemKeys = ["key", "code", "field"];

    public static IReadOnlyList<VersionChange> Compare(JsonElement before, JsonElement after)
    {
        var left = new Dictionary<string, string?>();
        var right = new Dictionary<string, string?>();
        Flatten(before, "", left);
        Flatten(after, "", right);
        return [.. left.Keys.Union(right.Keys).Order(StringComparer.Ordinal)
            .Where(path => left.GetValueOrDefault(path) != right.GetValueOrDefault(path))
            .Select(path => new VersionChange(path, left.GetValueOrDefault(path), right.GetValueOrDefault(path)))];
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var name = item.ValueKind == JsonValueKind.Object
                        ? ItemKeys.Select(k => item.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(k => k is not null)
                        : null;
                    Flatten(item, $"{path}[{name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", values);
                    index++;
                }
                break;
            case JsonValueKind.Null:
                values[path] = null;
                break;
            default:
                values[path] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
