using System.Text;
using System.Text.RegularExpressions;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// Matches the bodies a task table names ("Phòng Văn hoá - Xã hội phường", "Văn phòng UBND và HĐND phường theo dõi đôn đốc,
/// kiểm tra") to the unit's registered bodies and the groups, forgiving how the same name is written: Unicode composition,
/// the old and new tone placement ("hoá"/"hóa", "uỷ"/"ủy"), case, dashes ("-", "–", "—") and the spaces around them, a
/// trailing "phường" or "xã", and "UBND và HĐND" for "HĐND và UBND". What follows a matched name is its role. A name that
/// matches nothing whole may still be a registered name with words left out ("Trung tâm hành chính công" for "Trung tâm
/// Phục vụ hành chính công", "Phòng kinh tế" for "Phòng Kinh tế, Hạ tầng và Đô thị") when it has at least three words and
/// fits exactly one registered name.
/// </summary>
public sealed partial class BodyNames
{
    private static readonly (string Name, BodyGroup Group)[] GroupNames =
    [
        ("các phòng thuộc ubnd", BodyGroup.AllAgencies),
        ("các phòng, đơn vị thuộc ubnd", BodyGroup.AllAgencies),
        ("các phòng, ban, đơn vị thuộc ubnd", BodyGroup.AllAgencies),
        ("các cơ quan chuyên môn, các đơn vị trực thuộc ubnd", BodyGroup.AllAgencies),
        ("các phòng liên quan", BodyGroup.RelatedAgencies),
        ("các phòng, ban liên quan", BodyGroup.RelatedAgencies),
        ("các đơn vị được kiểm tra", BodyGroup.InspectedBodies),
    ];

    private readonly Dictionary<string, BodyRef> _byName = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, string Code)> _registered = [];

    /// <param name="bodies">The unit's registered bodies: code → name.</param>
    public BodyNames(IReadOnlyDictionary<string, string> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        foreach (var (name, group) in GroupNames)
            _byName[Normalise(name)] = new BodyRef(null, group);
        foreach (var (code, name) in bodies)
        {
            var key = Normalise(name);
            _byName[key] = new BodyRef(code, null);
            _registered.Add((Words(key), code));
        }
    }

    /// <summary>
    /// The bodies of a cell, separated by ";" (a role after a name when <paramref name="roles"/>), or null with the parts
    /// that match nothing in <paramref name="unknown"/>.
    /// </summary>
    public List<BodyRef>? Match(string? cell, bool roles, List<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        var found = new List<BodyRef>();
        foreach (var part in (cell ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MatchPart(part, roles) is { } body)
                found.Add(body);
            else
                unknown.Add(part);
        }
        return unknown.Count == 0 ? found : null;
    }

    private BodyRef? MatchPart(string part, bool roles)
    {
        var words = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var take = words.Length; take >= (roles ? 1 : words.Length); take--)
        {
            if (!_byName.TryGetValue(Normalise(string.Join(' ', words.Take(take))), out var body))
                continue;
            var role = string.Join(' ', words.Skip(take)).Trim(' ', ',', ':', '-');
            return body with { Role = role.Length == 0 ? null : role };
        }
        var key = Words(Normalise(part));
        if (key.Length < 3)
            return null;
        var fits = _registered.Where(r => IsSubsequence(key, r.Words)).Select(r => r.Code).Distinct().ToList();
        return fits.Count == 1 ? new BodyRef(fits[0], null) : null;
    }

    /// <summary>A normalised name's words without their punctuation ("tế," is "tế").</summary>
    private static string[] Words(string normalised) =>
        [.. normalised.Split(' ').Select(w => w.Trim(',', '.', ';', ':')).Where(w => w.Length > 0 && w != "-")];

    private static bool IsSubsequence(string[] part, string[] name)
    {
        var i = 0;
        foreach (var word in name)
        {
            if (i < part.Length && part[i] == word)
                i++;
        }
        return i == part.Length;
    }

    /// <summary>The form two ways of writing one name share.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        text = OldTonePlacement().Replace(text, m => NewTone(m.Value));
        text = Dashes().Replace(text, " - ");
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = text.Replace("ubnd và hđnd", "hđnd và ubnd", StringComparison.Ordinal);
        foreach (var trailing in (string[])[" phường", " xã"])
        {
            if (text.EndsWith(trailing, StringComparison.Ordinal))
                text = text[..^trailing.Length];
        }
        return text;
    }

    /// <summary>The old placement of a tone at a word's end ("oá", "uý") and the new one ("óa", "úy").</summary>
    private static readonly Dictionary<string, string> NewTones = new(StringComparer.Ordinal)
    {
        ["oá"] = "óa", ["oà"] = "òa", ["oả"] = "ỏa", ["oã"] = "õa", ["oạ"] = "ọa",
        ["oé"] = "óe", ["oè"] = "òe", ["oẻ"] = "ỏe", ["oẽ"] = "õe", ["oẹ"] = "ọe",
        ["uý"] = "úy", ["uỳ"] = "ùy", ["uỷ"] = "ủy", ["uỹ"] = "ũy", ["uỵ"] = "ụy",
    };

    private static string NewTone(string pair) => NewTones[pair];

    /// <summary>"oa", "oe" or "uy" (not after q) with the tone on the second vowel, at the end of a word (hoá, khoẻ, thuỷ).</summary>
    [GeneratedRegex(@"(?<!q)(o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?!\p{L})")]
    private static partial Regex OldTonePlacement();

    [GeneratedRegex(@"\s*[-–—]\s*")]
    private static partial Regex Dashes();
}
