using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Identity;

/// <summary>The kinds of commune-level unit, written in JSON as "ward", "commune", "special-zone".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<UnitKind>))]
public enum UnitKind
{
    Ward,
    Commune,
    SpecialZone,
}
