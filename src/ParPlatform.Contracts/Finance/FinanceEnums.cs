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
