using System.Text.Json.Serialization;

namespace ParPlatform.Contracts.Staffing;

/// <summary>
/// A category of staff that quotas and headcounts are kept by: "civil-servants" (cán bộ, công chức), "public-employees"
/// (viên chức, both kinds), "budget-paid-public-employees" (viên chức hưởng lương từ ngân sách nhà nước),
/// "self-paid-public-employees" (viên chức hưởng lương từ nguồn thu sự nghiệp) and "total".
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<StaffCategory>))]
public enum StaffCategory
{
    Total,
    CivilServants,
    PublicEmployees,
    BudgetPaidPublicEmployees,
    SelfPaidPublicEmployees,
}

/// <summary>
/// A disciplinary measure, from the lightest: "reprimand" (khiển trách), "warning" (cảnh cáo), "salary-reduction" (hạ bậc
/// lương), "demotion" (giáng chức), "removal" (cách chức), "dismissal" (buộc thôi việc).
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DisciplineLevel>))]
public enum DisciplineLevel
{
    Reprimand,
    Warning,
    SalaryReduction,
    Demotion,
    Removal,
    Dismissal,
}
