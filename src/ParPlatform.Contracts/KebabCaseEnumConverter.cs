using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParPlatform.Contracts;

/// <summary>
/// Writes and reads an enum as the kebab-case of its member name ("InPerson" ↔ "in-person"), or the
/// member's <see cref="JsonStringEnumMemberNameAttribute"/> where it has one; numbers are refused.
/// The rule every enum of the API and the events follows (SharedKernel's EnumNames gives the same names).
/// Internal: the catalogue's public types are its events and their enums; System.Text.Json needs only the public constructor.
/// </summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
