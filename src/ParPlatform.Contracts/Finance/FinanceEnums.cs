using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Finance;

/// <summary>Whose estimate (dự toán) of a budget item: "province-assigned" (dự toán tỉnh giao) or "unit-own" (dự toán phường phấn đấu).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<EstimateBasis>))]
public enum EstimateBasis
{
    ProvinceAssigned,
    UnitOwn,
}

/// <summary>A budget item's side: "revenue" (thu) or "expenditure" (chi).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<BudgetItemKind>))]
public enum BudgetItemKind
{
    Revenue,
    Expenditure,
}

/// <summary>
/// The autonomy group of a public service unit (đơn vị sự nghiệp công lập), as its approved plan sets it:
/// "self-funding-recurrent-and-investment" (tự bảo đảm chi thường xuyên và chi đầu tư), "self-funding-recurrent"
/// (tự bảo đảm chi thường xuyên), "mostly-self-funding" (từ 70% đến dưới 100% chi thường xuyên), "half-self-funding"
/// (từ 30% đến dưới 70%), "partly-self-funding" (từ 10% đến dưới 30%), "state-funded" (do Nhà nước bảo đảm chi thường xuyên).
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AutonomyGroup>))]
public enum AutonomyGroup
{
    SelfFundingRecurrentAndInvestment,
    SelfFundingRecurrent,
    MostlySelfFunding,
    HalfSelfFunding,
    PartlySelfFunding,
    StateFunded,
}
