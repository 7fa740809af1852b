using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A unit's budget (ngân sách) of a fiscal year (the calendar year): per item, the estimate assigned by the province and the
/// unit's own, each revisable with its history kept; the year-to-date actuals with their as-of dates; the PAR budget line
/// (kinh phí CCHC). Tenant-owned row (row-level security), one per unit and year.
/// </summary>
public sealed class Budget : Aggregate
{
    private Budget()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Year { get; private set; }

    /// <summary>The PAR budget line of the year (kinh phí thực hiện CCHC); null until set.</summary>
    public Money? ParFunding { get; private set; }

    /// <summary>
    /// Violations in the use of administrative funds found in the year up to <see cref="AdminFundViolationsAsOf"/> (target
    /// 0); null until recorded. A later count replaces an earlier one.
    /// </summary>
    public int? AdminFundViolations { get; private set; }

    public DateOnly? AdminFundViolationsAsOf { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Every estimate ever set, revisions included.</summary>
    public List<BudgetEstimate> Estimates { get; private set; } = [];

    public List<BudgetActual> Actuals { get; private set; } = [];

    public override string EventKey() => $"budget:{UnitCode}:{Year}";

    public static Budget Open(string unitCode, string provinceCode, int year) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Year = year };

    /// <summary>
    /// Sets the item's estimate of <paramref name="basis"/>, or revises it: the estimate is decided in the year before the
    /// budget's or in it, and a revision is decided no earlier than the estimate it replaces.
    /// </summary>
    public BudgetEstimate SetEstimate(string itemCode, EstimateBasis basis, Money amount, DateOnly decidedOn, string by, DateTimeOffset at)
    {
        if (decidedOn.Year != Year && decidedOn.Year != Year - 1)
            throw new DomainInputException("decidedOn", $"Dự toán năm {Year} được giao trong năm {Year - 1} hoặc năm {Year}.");
        var previous = Estimates.Where(e => e.ItemCode == itemCode && e.Basis == basis).MaxBy(e => e.Revision);
        if (previous is not null && decidedOn < previous.DecidedOn)
            throw new DomainInputException("decidedOn", $"Dự toán điều chỉnh không được trước ngày {previous.DecidedOn:dd/MM/yyyy} của dự toán đang áp dụng.");
        var estimate = new BudgetEstimate(this, itemCode, basis, amount, decidedOn, (previous?.Revision ?? 0) + 1, by, at);
        Estimates.Add(estimate);
        Raise(new BudgetEstimateSet
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, ItemCode = itemCode, Basis = basis,
            AmountDong = amount.Dong, DecidedOn = decidedOn, Revision = estimate.Revision, PreviousDong = previous?.Amount.Dong,
        });
        return estimate;
    }

    /// <summary>
    /// Records the item's amount accumulated from 01/01 to <paramref name="asOf"/>, a date of the year; recording the same date
    /// again corrects it.
    /// </summary>
    public BudgetActual RecordActual(string itemCode, DateOnly asOf, Money amount, string by, DateTimeOffset at)
    {
        if (asOf.Year != Year)
            throw new DomainInputException("asOf", $"Số thực hiện lũy kế năm {Year} tính đến một ngày trong năm {Year}.");
        var actual = Actuals.SingleOrDefault(a => a.ItemCode == itemCode && a.AsOf == asOf);
        if (actual is null)
            Actuals.Add(actual = new BudgetActual(this, itemCode, asOf));
        actual.Record(amount, by, at);
        Raise(new BudgetActualRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, ItemCode = itemCode, AsOf = asOf, AmountDong = amount.Dong,
        });
        return actual;
    }

    public void SetParFunding(Money amount) => ParFunding = amount;

    /// <summary>Records the violations found in the year up to <paramref name="asOf"/>, a date of the year no earlier than the last count's.</summary>
    public void RecordAdminFundViolations(int count, DateOnly asOf, DateTimeOffset at)
    {
        if (asOf.Year != Year)
            throw new DomainInputException("asOf", $"Số sai phạm năm {Year} tính đến một ngày trong năm {Year}.");
        if (asOf < AdminFundViolationsAsOf)
            throw new DomainInputException("asOf", $"Đã ghi số sai phạm đến ngày {AdminFundViolationsAsOf:dd/MM/yyyy}; số mới tính đến ngày đó trở về sau.");
        (AdminFundViolations, AdminFundViolationsAsOf) = (count, asOf);
        Raise(new AdminFundViolationsRecorded { UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Year = Year, AsOf = asOf, Count = count });
    }

    /// <summary>The estimate of <paramref name="basis"/> in force on <paramref name="asOf"/>: the last revision decided by then.</summary>
    public BudgetEstimate? EstimateInForce(string itemCode, EstimateBasis basis, DateOnly asOf) =>
        Estimates.Where(e => e.ItemCode == itemCode && e.Basis == basis && e.DecidedOn <= asOf).MaxBy(e => e.Revision);

    /// <summary>The latest year-to-date actual as of <paramref name="asOf"/>.</summary>
    public BudgetActual? ActualAsOf(string itemCode, DateOnly asOf) =>
        Actuals.Where(a => a.ItemCode == itemCode && a.AsOf <= asOf).MaxBy(a => a.AsOf);
}

/// <summary>One estimate of a budget item, as decided: revision 1 is the first, each revision a new row. Tenant-owned row.</summary>
public sealed class BudgetEstimate
{
    private BudgetEstimate()
    {
    }

    internal BudgetEstimate(Budget budget, string itemCode, EstimateBasis basis, Money amount, DateOnly decidedOn, int revision, string by, DateTimeOffset at)
    {
        (BudgetId, UnitCode, ProvinceCode, ItemCode, Basis, Amount, DecidedOn, Revision, RecordedBy, RecordedAt) =
            (budget.Id, budget.UnitCode, budget.ProvinceCode, itemCode, basis, amount, decidedOn, revision, by, at);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BudgetId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string ItemCode { get; private set; } = null!;

    public EstimateBasis Basis { get; private set; }

    public Money Amount { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public int Revision { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A budget item's amount accumulated from 01/01 to a date (lũy kế từ đầu năm). Tenant-owned row.</summary>
public sealed class BudgetActual
{
    private BudgetActual()
    {
    }

    internal BudgetActual(Budget budget, string itemCode, DateOnly asOf) =>
        (BudgetId, UnitCode, ProvinceCode, ItemCode, AsOf) = (budget.Id, budget.UnitCode, budget.ProvinceCode, itemCode, asOf);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BudgetId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string ItemCode { get; private set; } = null!;

    public DateOnly AsOf { get; private set; }

    public Money Amount { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Record(Money amount, string by, DateTimeOffset at) => (Amount, RecordedBy, RecordedAt) = (amount, by, at);
}
