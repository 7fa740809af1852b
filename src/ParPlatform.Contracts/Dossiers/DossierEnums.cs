using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Dossiers;

/// <summary>How a dossier reached the one-stop desk: "online", "in-person", "postal".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DossierChannel>))]
public enum DossierChannel
{
    Online,
    InPerson,
    Postal,
}

/// <summary>A finished dossier against its due date: "early" (trước hạn), "on-time" (đúng hạn), "late" (quá hạn).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DossierTimeliness>))]
public enum DossierTimeliness
{
    Early,
    OnTime,
    Late,
}

/// <summary>The applicant's rating: "very-satisfied" (rất hài lòng), "satisfied" (hài lòng), "not-satisfied" (không hài lòng).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DossierRating>))]
public enum DossierRating
{
    VerySatisfied,
    Satisfied,
    NotSatisfied,
}

/// <summary>Why a dossier ended without a result: "not-eligible" (trả lại, không đủ điều kiện) or "withdrawn" (rút hồ sơ, dừng xử lý).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DossierReturnReason>))]
public enum DossierReturnReason
{
    NotEligible,
    Withdrawn,
}

/// <summary>How feedback (phản ánh, kiến nghị) arrived: "portal" (the national public-service portal) or "in-person".</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<FeedbackChannel>))]
public enum FeedbackChannel
{
    Portal,
    InPerson,
}
