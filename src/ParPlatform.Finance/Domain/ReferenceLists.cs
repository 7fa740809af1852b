using ParPlatform.Contracts.Finance;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A revenue or expenditure item of a budget (tổng thu ngân sách, thu tiền sử dụng đất, chi ngân sách…). The list is data
/// (the budget_items table); <see cref="Defaults"/> are the items seed 001's section II.5 reports.
/// </summary>
public sealed class BudgetItem
{
    public const string TotalRevenue = "total-revenue", LandUseFees = "land-use-fees", TotalExpenditure = "total-expenditure";

    public static readonly BudgetItem[] Defaults =
    [
        new(TotalRevenue, BudgetItemKind.Revenue, "Tổng thu ngân sách nhà nước trên địa bàn", 1),
        new(LandUseFees, BudgetItemKind.Revenue, "Thu tiền sử dụng đất", 2),
        new(TotalExpenditure, BudgetItemKind.Expenditure, "Tổng chi ngân sách nhà nước", 3),
    ];

    public BudgetItem(string code, BudgetItemKind kind, string name, int ordinal) => (Code, Kind, Name, Ordinal) = (code, kind, name, ordinal);

    public string Code { get; private set; }

    public BudgetItemKind Kind { get; private set; }

    public string Name { get; private set; }

    public int Ordinal { get; private set; }
}

/// <summary>
/// A funding source of public investment (nguồn vốn). The list is data (the funding_sources table); <see cref="Defaults"/> are
/// the central budget, the local budget (seed 001) and the national target programmes (DOMAIN.md section 5).
/// </summary>
public sealed class FundingSource
{
    public const string Central = "nstw", Local = "nsdp", NationalTargetProgrammes = "ctmtqg";

    public static readonly FundingSource[] Defaults =
    [
        new(Central, "Vốn ngân sách trung ương (NSTW)", 1),
        new(Local, "Vốn ngân sách địa phương (NSDP)", 2),
        new(NationalTargetProgrammes, "Vốn các chương trình mục tiêu quốc gia", 3),
    ];

    public FundingSource(string code, string name, int ordinal) => (Code, Name, Ordinal) = (code, name, ordinal);

    public string Code { get; private set; }

    public string Name { get; private set; }

    public int Ordinal { get; private set; }
}
