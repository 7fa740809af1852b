using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Domain;

/// <summary>The counts of a period's movements and people management as entered; a count not reported is null.</summary>
public sealed record MovementCounts(
    int? RecruitedCivilServants, int? RecruitedPublicEmployees, int? TransferredToCivilService, int? TransferredOut, int? Retired, int? Resigned,
    int? PromotionRegistrations, int? TrainingPlanned, int? TrainingCompleted);

/// <summary>
/// A unit's staff movements and people management of a reporting period (quý I, 6 tháng, quý III, năm): recruited,
/// transferred, retired, resigned, disciplined by level (and how many leaders), promotion registrations, training planned
/// and completed. Counts, not personal records; recording the period again replaces them. Tenant-owned row, one per unit
/// and period.
/// </summary>
public sealed class PeriodMovements : Aggregate
{
    private PeriodMovements()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public int Year { get; private set; }

    public ReportPeriodKind Kind { get; private set; }

    public int? RecruitedCivilServants { get; private set; }

    public int? RecruitedPublicEmployees { get; private set; }

    public int? TransferredToCivilService { get; private set; }

    public int? TransferredOut { get; private set; }

    public int? Retired { get; private set; }

    public int? Resigned { get; private set; }

    /// <summary>Whether the discipline of the period was reported: with none, <see cref="Discipline"/> empty means nobody.</summary>
    public bool DisciplineReported { get; private set; }

    public List<DisciplineRecord> Discipline { get; private set; } = [];

    public int? PromotionRegistrations { get; private set; }

    public int? TrainingPlanned { get; private set; }

    public int? TrainingCompleted { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public ReportPeriod Period => new(Year, Kind);

    /// <summary>Leaders disciplined at reprimand or above (every level is), <c>Staffing.DisciplinedLeaders</c>; null when not reported.</summary>
    public int? DisciplinedLeaders => DisciplineReported ? Discipline.Sum(d => d.Leaders) : null;

    public override string EventKey() => $"movements:{UnitCode}:{Period.Code}";

    public static PeriodMovements Of(string unitCode, string provinceCode, ReportPeriod period) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Year = period.Year, Kind = period.Kind };

    /// <summary>
    /// Records the period's counts, replacing earlier ones: each count not negative; each level of discipline at most once,
    /// its leaders no more than its staff. <paramref name="discipline"/> null when not reported, empty when nobody was disciplined.
    /// </summary>
    public void Record(MovementCounts counts, IReadOnlyList<DisciplineCount>? discipline, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (field, value) in new (string, int?)[]
        {
            ("recruitedCivilServants", counts.RecruitedCivilServants), ("recruitedPublicEmployees", counts.RecruitedPublicEmployees),
            ("transferredToCivilService", counts.TransferredToCivilService), ("transferredOut", counts.TransferredOut), ("retired", counts.Retired),
            ("resigned", counts.Resigned), ("promotionRegistrations", counts.PromotionRegistrations), ("trainingPlanned", counts.TrainingPlanned),
            ("trainingCompleted", counts.TrainingCompleted),
        })
        {
            if (value is { } v)
                Counts.Check(field, v);
        }
        for (var i = 0; i < (discipline?.Count ?? 0); i++)
        {
            var line = discipline![i];
            Counts.Check($"discipline[{i}].staff", line.Staff);
            Counts.CheckPart($"discipline[{i}].leaders", line.Leaders, line.Staff, "số người bị kỷ luật ở mức này");
            if (discipline.Take(i).Any(d => d.Level == line.Level))
                throw new DomainInputException($"discipline[{i}].level", "Mỗi hình thức kỷ luật ghi một dòng.");
        }
        (RecruitedCivilServants, RecruitedPublicEmployees, TransferredToCivilService, TransferredOut, Retired, Resigned) =
            (counts.RecruitedCivilServants, counts.RecruitedPublicEmployees, counts.TransferredToCivilService, counts.TransferredOut, counts.Retired, counts.Resigned);
        (PromotionRegistrations, TrainingPlanned, TrainingCompleted) = (counts.PromotionRegistrations, counts.TrainingPlanned, counts.TrainingCompleted);
        DisciplineReported = discipline is not null;
        Discipline.Clear();
        Discipline.AddRange((discipline ?? []).Select(d => new DisciplineRecord(this, d.Level, d.Staff, d.Leaders)));
        (RecordedBy, RecordedAt) = (by, at);
        Raise(new MovementsRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, Period = Period.Code,
            RecruitedCivilServants = RecruitedCivilServants, RecruitedPublicEmployees = RecruitedPublicEmployees,
            TransferredToCivilService = TransferredToCivilService, TransferredOut = TransferredOut, Retired = Retired, Resigned = Resigned,
            Discipline = discipline is null ? null : [.. Levels()], DisciplinedLeaders = DisciplinedLeaders,
            PromotionRegistrations = PromotionRegistrations, TrainingPlanned = TrainingPlanned, TrainingCompleted = TrainingCompleted,
        });
    }

    /// <summary>The discipline recorded, lightest level first.</summary>
    public IEnumerable<DisciplineCount> Levels() => Discipline.OrderBy(d => d.Level).Select(d => new DisciplineCount(d.Level, d.Staff, d.Leaders));
}

/// <summary>How many were disciplined at one level in a period, and how many of them are leaders. Tenant-owned row.</summary>
public sealed class DisciplineRecord
{
    private DisciplineRecord()
    {
    }

    internal DisciplineRecord(PeriodMovements movements, DisciplineLevel level, int staff, int leaders) =>
        (MovementsId, UnitCode, ProvinceCode, Level, Staff, Leaders) = (movements.Id, movements.UnitCode, movements.ProvinceCode, level, staff, leaders);

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MovementsId { get; private set; }

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public DisciplineLevel Level { get; private set; }

    public int Staff { get; private set; }

    public int Leaders { get; private set; }
}
