using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Identity;

/// <summary>The kinds of commune-level unit, written in JSON as "ward", "commune", "special-zone".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    [JsonStringEnumMemberName("ward")]
    Ward,

    [JsonStringEnumMemberName("commune")]
    Commune,

    [JsonStringEnumMemberName("special-zone")]
    SpecialZone,
}
