using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Dossiers;

/// <summary>How a dossier reached the one-stop desk: "online", "in-person", "postal".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierChannel>))]
public enum DossierChannel
{
    [JsonStringEnumMemberName("online")]
    Online,

    [JsonStringEnumMemberName("in-person")]
    InPerson,

    [JsonStringEnumMemberName("postal")]
    Postal,
}

/// <summary>A finished dossier against its due date: "early" (trước hạn), "on-time" (đúng hạn), "late" (quá hạn).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierTimeliness>))]
public enum DossierTimeliness
{
    [JsonStringEnumMemberName("early")]
    Early,

    [JsonStringEnumMemberName("on-time")]
    OnTime,

    [JsonStringEnumMemberName("late")]
    Late,
}

/// <summary>The applicant's rating: "very-satisfied" (rất hài lòng), "satisfied" (hài lòng), "not-satisfied" (không hài lòng).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierRating>))]
public enum DossierRating
{
    [JsonStringEnumMemberName("very-satisfied")]
    VerySatisfied,

    [JsonStringEnumMemberName("satisfied")]
    Satisfied,

    [JsonStringEnumMemberName("not-satisfied")]
    NotSatisfied,
}

/// <summary>Why a dossier ended without a result: "not-eligible" (trả lại, không đủ điều kiện) or "withdrawn" (rút hồ sơ, dừng xử lý).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierReturnReason>))]
public enum DossierReturnReason
{
    [JsonStringEnumMemberName("not-eligible")]
    NotEligible,

    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}

/// <summary>How feedback (phản ánh, kiến nghị) arrived: "portal" (the national public-service portal) or "in-person".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackChannel>))]
public enum FeedbackChannel
{
    [JsonStringEnumMemberName("portal")]
    Portal,

    [JsonStringEnumMemberName("in-person")]
    InPerson,
}
