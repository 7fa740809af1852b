using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Domain;

/// <summary>The one-stop centre's staff by role (Trung tâm Phục vụ hành chính công): director, TTHC-control officers, receiving officers.</summary>
public sealed record OneStopRoles(int Directors, int ProcedureControlOfficers, int ReceivingOfficers)
{
    public int Total => Directors + ProcedureControlOfficers + ReceivingOfficers;
}

/// <summary>
/// The staff in post on a date (biên chế hiện có), for the whole unit or one of its agencies (<see cref="AgencyCode"/>): civil
/// servants and public employees, the latter split into budget-paid and self-paid where the split is known; how many hold a
/// university degree or above; the one-stop centre's roles. Counts, not personal records. Recording the same date and scope
/// again corrects it. Tenant-owned row.
/// </summary>
public sealed class Headcount : Aggregate
{
    private Headcount()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public DateOnly AsOf { get; private set; }

    public string? AgencyCode { get; private set; }

    public int CivilServants { get; private set; }

    public int PublicEmployees { get; private set; }

    public int? BudgetPaidPublicEmployees { get; private set; }

    public int? SelfPaidPublicEmployees { get; private set; }

    public int? CivilServantsWithDegree { get; private set; }

    public int? PublicEmployeesWithDegree { get; private set; }

    public int? OneStopDirectors { get; private set; }

    public int? ProcedureControlOfficers { get; private set; }

    public int? ReceivingOfficers { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public int Total => CivilServants + PublicEmployees;

    public OneStopRoles? Roles => OneStopDirectors is { } d && ProcedureControlOfficers is { } c && ReceivingOfficers is { } r ? new OneStopRoles(d, c, r) : null;

    public override string EventKey() => $"headcount:{UnitCode}:{AgencyCode}";

    public static Headcount On(string unitCode, string provinceCode, DateOnly asOf, string? agencyCode) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, AsOf = asOf, AgencyCode = agencyCode };

    /// <summary>
    /// Records the counts: the split of the public employees, when given, adds up to them; those with a degree and the
    /// centre's roles are no more than the staff they count. Above <paramref name="quota"/> (the quota of the same scope and
    /// year) it is recorded all the same, and flagged.
    /// </summary>
    public void Record(int civilServants, int publicEmployees, int? budgetPaid, int? selfPaid, int? civilServantsWithDegree,
        int? publicEmployeesWithDegree, OneStopRoles? roles, StaffingQuota? quota, string by, DateTimeOffset at)
    {
        Counts.Check("civilServants", civilServants);
        Counts.Check("publicEmployees", publicEmployees);
        if ((budgetPaid is null) != (selfPaid is null))
            throw new DomainInputException(budgetPaid is null ? "budgetPaidPublicEmployees" : "selfPaidPublicEmployees",
                "Ghi cả số viên chức hưởng lương từ ngân sách và số hưởng lương từ nguồn thu sự nghiệp, hoặc bỏ trống cả hai.");
        Counts.CheckPart("budgetPaidPublicEmployees", budgetPaid, publicEmployees, "số viên chức");
        Counts.CheckPart("selfPaidPublicEmployees", selfPaid, publicEmployees, "số viên chức");
        if (budgetPaid + selfPaid is { } split && split != publicEmployees)
            throw new DomainInputException("budgetPaidPublicEmployees",
                $"{budgetPaid} + {selfPaid} = {split}, khác số viên chức ({publicEmployees}).");
        Counts.CheckPart("civilServantsWithDegree", civilServantsWithDegree, civilServants, "số cán bộ, công chức");
        Counts.CheckPart("publicEmployeesWithDegree", publicEmployeesWithDegree, publicEmployees, "số viên chức");
        if (roles is not null)
        {
            Counts.Check("oneStop.directors", roles.Directors);
            Counts.Check("oneStop.procedureControlOfficers", roles.ProcedureControlOfficers);
            Counts.Check("oneStop.receivingOfficers", roles.ReceivingOfficers);
            if (roles.Total > civilServants + publicEmployees)
                throw new DomainInputException("oneStop", $"Số người theo vị trí ({roles.Total}) lớn hơn số người hiện có ({civilServants + publicEmployees}).");
        }
        (CivilServants, PublicEmployees, BudgetPaidPublicEmployees, SelfPaidPublicEmployees, CivilServantsWithDegree, PublicEmployeesWithDegree) =
            (civilServants, publicEmployees, budgetPaid, selfPaid, civilServantsWithDegree, publicEmployeesWithDegree);
        (OneStopDirectors, ProcedureControlOfficers, ReceivingOfficers) = (roles?.Directors, roles?.ProcedureControlOfficers, roles?.ReceivingOfficers);
        (RecordedBy, RecordedAt) = (by, at);
        Raise(new HeadcountRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, AsOf = AsOf, AgencyCode = AgencyCode, CivilServants = civilServants,
            PublicEmployees = publicEmployees, BudgetPaidPublicEmployees = budgetPaid, SelfPaidPublicEmployees = selfPaid, Total = Total,
            CivilServantsWithDegree = civilServantsWithDegree, PublicEmployeesWithDegree = publicEmployeesWithDegree,
        });
        if (quota is not null && QuotaComparison.Over(quota, this) is { Count: > 0 } over)
        {
            Raise(new OverQuotaFlagged
            {
                UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = quota.Year, AsOf = AsOf, AgencyCode = AgencyCode,
                Categories = over,
            });
        }
    }
}
