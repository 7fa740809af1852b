using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Plans;

/// <summary>
/// The areas of administrative reform (lĩnh vực CCHC) that plans, targets, tasks and reports are filed under: the six
/// content areas of the 2021–2030 programme, and <see cref="Direction"/> and <see cref="Impact"/>, groupings of the PAR
/// index and of some plan appendices. Written in JSON as "direction", "institutions", "procedures", "organization",
/// "civil-service", "public-finance", "digital-government", "impact".
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ParArea>))]
public enum ParArea
{
    /// <summary>Công tác chỉ đạo, điều hành CCHC.</summary>
    Direction,

    /// <summary>Cải cách thể chế.</summary>
    Institutions,

    /// <summary>Cải cách thủ tục hành chính.</summary>
    Procedures,

    /// <summary>Cải cách tổ chức bộ máy hành chính.</summary>
    Organization,

    /// <summary>Cải cách chế độ công vụ.</summary>
    CivilService,

    /// <summary>Cải cách tài chính công.</summary>
    PublicFinance,

    /// <summary>Xây dựng và phát triển Chính quyền điện tử, Chính quyền số.</summary>
    DigitalGovernment,

    /// <summary>Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH.</summary>
    Impact,
}
