using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>One allocation of a capital plan: a funding source's amount, for one project or for none.</summary>
public sealed record AllocationContent(string SourceCode, string? Project, Money Amount);

/// <summary>
/// A unit's public-investment capital plan (kế hoạch vốn đầu tư công) of a year: its allocations per funding source and
/// project, and the dated disbursements (giải ngân) against them. The plan of year Y is disbursed from 01/01 of Y until
/// 31/01 of Y+1 (<see cref="LastDisbursementDay"/>). Tenant-owned row, one per unit and year.
/// </summary>
public sealed class CapitalPlan : Aggregate
{
    private CapitalPlan()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Year { get; private set; }

    public string SetBy { get; private set; } = null!;

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>When the plan or its disbursements last changed: each change updates the row, so two at once cannot both spend what remains.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public uint Version { get; private set; }

    public List<CapitalAllocation> Allocations { get; private set; } = [];

    public List<Disbursement> Disbursements { get; private set; } = [];

    public override string EventKey() => $"capital-plan:{UnitCode}:{Year}";

    /// <summary>The last day the plan of <paramref name="year"/> may be disbursed: 31/01 of the next year.</summary>
    public static DateOnly LastDisbursementDay(int year) => new(year + 1, 1, 31);

    public DateOnly FirstDisbursementDay => new(Year, 1, 1);

    public static CapitalPlan Open(string unitCode, string provinceCode, int year) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Year = year };

    /// <summary>
    /// Sets the plan whole: one allocation per source and project. What was already disbursed keeps an allocation at least
    /// as large.
    /// </summary>
    public void Set(IReadOnlyList<AllocationContent> allocations, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        for (var i = 0; i < allocations.Count; i++)
        {
            var allocation = allocations[i];
            if (allocations.Take(i).Any(a => a.SourceCode == allocation.SourceCode && a.Project == allocation.Project))
                throw new DomainInputException($"allocations[{i}]", "Trùng nguồn vốn và dự án với một dòng trước.");
            var disbursed = Disbursed(allocation.SourceCode, allocation.Project, LastDisbursementDay(Year));
            if (allocation.Amount < disbursed)
                throw new DomainInputException($"allocations[{i}].millions", $"Đã giải ngân {disbursed.ToMillionsText()} triệu đồng của dòng này.");
        }
        var dropped = Disbursements.FirstOrDefault(d => !allocations.Any(a => a.SourceCode == d.SourceCode && a.Project == d.Project));
        if (dropped is not null)
            throw new DomainInputException("allocations", $"Đã giải ngân cho nguồn {dropped.SourceCode}{(dropped.Project is null ? "" : $", dự án {dropped.Project}")}: không bỏ dòng này được.");
        Allocations.Clear();
        Allocations.AddRange(allocations.Select(a => new CapitalAllocation(this, a)));
        (SetBy, SetAt, ChangedAt) = (by, at, at);
        Raise(new CapitalPlanSet
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, TotalDong = Total.Dong,
            Sources = [.. allocations.GroupBy(a => a.SourceCode).Select(g => new CapitalSourceAmount(g.Key, g.Select(a => a.Amount).Sum().Dong))],
        });
    }

    public Money Total => Allocations.Select(a => a.Amount).Sum();

    /// <summary>Records a disbursement of an allocation, dated within the plan's window, no more than what remains of it.</summary>
    public Disbursement Disburse(DateOnly date, string sourceCode, string? project, Money amount, string by, DateTimeOffset at)
    {
        if (date < FirstDisbursementDay || date > LastDisbursementDay(Year))
            throw new DomainInputException("date",
                $"Kế hoạch vốn năm {Year} giải ngân từ {FirstDisbursementDay:dd/MM/yyyy} đến {LastDisbursementDay(Year):dd/MM/yyyy}.");
        var allocation = Allocations.SingleOrDefault(a => a.SourceCode == sourceCode && a.Project == project)
            ?? throw new DomainInputException(project is null ? "sourceCode" : "project",
                $"Kế hoạch vốn năm {Year} không có nguồn {sourceCode}{(project is null ? " (không theo dự án)" : $", dự án \"{project}\"")}.");
        var remaining = allocation.Amount - Disbursed(sourceCode, project, LastDisbursementDay(Year));
        if (amount > remaining)
            throw new DomainInputException("millions", $"Vượt kế hoạch vốn còn lại: {remaining.ToMillionsText()} triệu đồng.");
        var disbursement = new Disbursement(this, date, sourceCode, project, amount, by, at);
        Disbursements.Add(disbursement);
        ChangedAt = at;
        Raise(new DisbursementRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, DisbursementId = disbursement.Id, Date = date,
            SourceCode = sourceCode, Project = project, AmountDong = amount.Dong,
        });
        return disbursement;
    }

    /// <summary>Disbursed of one allocation up to and including <paramref name="asOf"/>.</summary>
    public Money Disbursed(string sourceCode, string? project, DateOnly asOf) =>
        Disbursements.Where(d => d.SourceCode == sourceCode && d.Project == project && d.Date <= asOf).Select(d => d.Amount).Sum();
}

/// <summary>A funding source's allocation of a capital plan, for a project or none. Tenant-owned row.</summary>
public sealed class CapitalAllocation
{
    private CapitalAllocation()
    {
    }

    internal CapitalAllocation(CapitalPlan plan, AllocationContent content) =>
        (CapitalPlanId, UnitCode, ProvinceCode, SourceCode, Project, Amount) =
        (plan.Id, plan.UnitCode, plan.ProvinceCode, content.SourceCode, content.Project, content.Amount);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CapitalPlanId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string SourceCode { get; private set; } = null!;

    public string? Project { get; private set; }

    public Money Amount { get; private set; }
}

/// <summary>An amount disbursed on a date from an allocation of a capital plan. Tenant-owned row.</summary>
public sealed class Disbursement
{
    private Disbursement()
    {
    }

    internal Disbursement(CapitalPlan plan, DateOnly date, string sourceCode, string? project, Money amount, string by, DateTimeOffset at) =>
        (CapitalPlanId, UnitCode, ProvinceCode, Date, SourceCode, Project, Amount, RecordedBy, RecordedAt) =
        (plan.Id, plan.UnitCode, plan.ProvinceCode, date, sourceCode, project, amount, by, at);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CapitalPlanId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public string SourceCode { get; private set; } = null!;

    public string? Project { get; private set; }

    public Money Amount { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }
}
