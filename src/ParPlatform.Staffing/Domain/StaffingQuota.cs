using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Domain;

/// <summary>
/// The staffing quota (biên chế) the province assigned to a unit for a year, for the whole unit or one of its agencies
/// (<see cref="AgencyCode"/>): civil servants (cán bộ, công chức) and public employees (viên chức) paid from the state budget
/// or from the unit's own revenue; possibly provisional ("tạm giao"). Setting it again replaces it. Tenant-owned row, one
/// per unit, year and agency.
/// </summary>
public sealed class StaffingQuota : Aggregate
{
    private StaffingQuota()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Year { get; private set; }

    /// <summary>The agency's code in the unit's registry; null for the whole unit.</summary>
    public string? AgencyCode { get; private set; }

    public int CivilServants { get; private set; }

    public int BudgetPaidPublicEmployees { get; private set; }

    public int SelfPaidPublicEmployees { get; private set; }

    public bool Provisional { get; private set; }

    public string? Decision { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public int PublicEmployees => BudgetPaidPublicEmployees + SelfPaidPublicEmployees;

    public int Total => CivilServants + PublicEmployees;

    public override string EventKey() => $"quota:{UnitCode}:{Year}:{AgencyCode}";

    public static StaffingQuota For(string unitCode, string provinceCode, int year, string? agencyCode) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Year = year, AgencyCode = agencyCode };

    /// <summary>
    /// Sets the quota, decided in the year before its year or in it; <paramref name="inPost"/>, the latest headcount of the
    /// same scope in the year, is flagged when it is above the new quota.
    /// </summary>
    public void Set(int civilServants, int budgetPaid, int selfPaid, bool provisional, string? decision, DateOnly decidedOn,
        Headcount? inPost, string by, DateTimeOffset at)
    {
        Counts.Check("civilServants", civilServants);
        Counts.Check("budgetPaidPublicEmployees", budgetPaid);
        Counts.Check("selfPaidPublicEmployees", selfPaid);
        if (decidedOn.Year != Year && decidedOn.Year != Year - 1)
            throw new DomainInputException("decidedOn", $"Biên chế năm {Year} được giao trong năm {Year - 1} hoặc năm {Year}.");
        (CivilServants, BudgetPaidPublicEmployees, SelfPaidPublicEmployees, Provisional, Decision, DecidedOn, RecordedBy, RecordedAt) =
            (civilServants, budgetPaid, selfPaid, provisional, decision, decidedOn, by, at);
        Raise(new QuotaSet
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, AgencyCode = AgencyCode, CivilServants = civilServants,
            BudgetPaidPublicEmployees = budgetPaid, SelfPaidPublicEmployees = selfPaid, Total = Total, Provisional = provisional, Decision = decision,
            DecidedOn = decidedOn,
        });
        if (inPost is not null)
            FlagOver(inPost, at);
    }

    private void FlagOver(Headcount inPost, DateTimeOffset at)
    {
        if (QuotaComparison.Over(this, inPost) is { Count: > 0 } over)
        {
            Raise(new OverQuotaFlagged
            {
                UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, AsOf = inPost.AsOf, AgencyCode = AgencyCode,
                Categories = over,
            });
        }
    }
}
