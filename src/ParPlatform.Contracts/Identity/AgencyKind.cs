using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Identity;

/// <summary>
/// What kind of body an entry of a unit's registry is: the bodies that lead or cooperate on a plan's tasks, report
/// and are counted. Written in JSON as "administrative", "public-service", "police", "steering-committee",
/// "fatherland-front", "higher-level", "school".
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AgencyKind>))]
public enum AgencyKind
{
    /// <summary>An administrative agency of the unit's People's Committee (cơ quan hành chính, chuyên môn): the Office, the offices, the one-stop centre.</summary>
    Administrative,

    /// <summary>A public service unit (đơn vị sự nghiệp công lập) other than a school: the public service centre.</summary>
    PublicService,

    /// <summary>The unit's police (Công an xã, phường).</summary>
    Police,

    /// <summary>A steering committee (Ban Chỉ đạo), e.g. of PAR or of digital transformation and Project 06.</summary>
    SteeringCommittee,

    /// <summary>The Fatherland Front and the socio-political organisations (Ủy ban MTTQ và các đoàn thể).</summary>
    FatherlandFront,

    /// <summary>A central or provincial agency located in the unit (cơ quan Trung ương, tỉnh đóng trên địa bàn).</summary>
    HigherLevel,

    /// <summary>A public school (trường mầm non, tiểu học, THCS): a public service unit too, counted apart in the report ("08 trường học").</summary>
    School,
}
