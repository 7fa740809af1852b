using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A recommendation of an inspection or audit that the unit remit an amount to the state budget, and the dated remittances
/// against it (<c>Finance.AuditRemittanceRate</c> is remitted ÷ to remit). Tenant-owned row.
/// </summary>
public sealed class AuditRecommendation : Aggregate
{
    /// <summary>What the report prints when no inspection or audit has recommended anything (001:133), instead of 0%.</summary>
    public const string NoneText = "chưa được thanh tra, kiểm toán";

    private AuditRecommendation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Reference { get; private set; } = null!;

    public DateOnly IssuedOn { get; private set; }

    public Money ToRemit { get; private set; }

    /// <summary>Remitted so far: each remittance updates the row, so two at once cannot both remit what remains.</summary>
    public Money Remitted { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public List<AuditRemittance> Remittances { get; private set; } = [];

    public override string EventKey() => Id.ToString();

    public static AuditRecommendation Record(
        string unitCode, string provinceCode, string reference, DateOnly issuedOn, Money toRemit, string by, DateTimeOffset at)
    {
        var recommendation = new AuditRecommendation
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, Reference = reference, IssuedOn = issuedOn, ToRemit = toRemit, RecordedBy = by,
            RecordedAt = at,
        };
        recommendation.Raise(new AuditRecommendationRecorded
        {
            UnitCode = unitCode, ProvinceCode = provinceCode, OccurredAt = at, RecommendationId = recommendation.Id, Reference = reference,
            IssuedOn = issuedOn, ToRemitDong = toRemit.Dong,
        });
        return recommendation;
    }

    /// <summary>Records a remittance dated on or after the recommendation, no more than what remains to remit.</summary>
    public AuditRemittance Remit(DateOnly date, Money amount, string by, DateTimeOffset at)
    {
        if (date < IssuedOn)
            throw new DomainInputException("date", $"Kiến nghị ban hành ngày {IssuedOn:dd/MM/yyyy}; ngày nộp không được trước ngày đó.");
        if (amount > ToRemit - Remitted)
            throw new DomainInputException("millions", $"Vượt số còn phải nộp: {(ToRemit - Remitted).ToMillionsText()} triệu đồng.");
        var remittance = new AuditRemittance(this, date, amount, by, at);
        Remittances.Add(remittance);
        Remitted += amount;
        Raise(new RemittanceRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, RecommendationId = Id, Date = date, AmountDong = amount.Dong,
            RemittedDong = Remitted.Dong,
        });
        return remittance;
    }

    /// <summary>Remitted up to and including <paramref name="asOf"/>.</summary>
    public Money RemittedBy(DateOnly asOf) => Remittances.Where(r => r.Date <= asOf).Select(r => r.Amount).Sum();
}

/// <summary>An amount remitted on a date against an audit recommendation. Tenant-owned row.</summary>
public sealed class AuditRemittance
{
    private AuditRemittance()
    {
    }

    internal AuditRemittance(AuditRecommendation recommendation, DateOnly date, Money amount, string by, DateTimeOffset at) =>
        (RecommendationId, UnitCode, ProvinceCode, Date, Amount, RecordedBy, RecordedAt) =
        (recommendation.Id, recommendation.UnitCode, recommendation.ProvinceCode, date, amount, by, at);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RecommendationId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public DateOnly Date { get; private set; }

    public Money Amount { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }
}
