using ParPlatform.Contracts.Dossiers;

namespace ParPlatform.Reporting.Domain;

/// <summary>
/// One dossier as reporting knows it from the dossier events: the columns form II.06a reads
/// (<see cref="SharedKernel.Reporting.DossierStatisticsSql"/>), named as in the dossiers service.
/// Each event type arrives on its own queue, so events of one dossier may be applied out of order:
/// each sets only its own columns, and the columns that several events set (the due date, the
/// pause, the payment) keep the value of the latest event (the *ChangedAt columns).
/// Tenant-owned row (row-level security).
/// </summary>
public sealed class DossierFact
{
    /// <summary>Which model of the unit the row belongs to (<see cref="UnitGeneration"/>).</summary>
    public int Generation { get; init; }

    public Guid DossierId { get; init; }

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public required string Field { get; init; }

    public DossierChannel? Channel { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? DueChangedAt { get; init; }

    /// <summary>Start of the supplement pause in progress.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    public DateTimeOffset? PauseChangedAt { get; init; }

    /// <summary>Resolved, returned as not eligible, or stopped.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    public DossierTimeliness? Timeliness { get; init; }

    public DossierReturnReason? ReturnReason { get; init; }

    public bool ElectronicResult { get; init; }

    public bool Digitised { get; init; }

    public bool HasFee { get; init; }

    public bool PaidOnline { get; init; }

    public DateTimeOffset? PaidChangedAt { get; init; }

    public DateTimeOffset? ApologyIssuedAt { get; init; }

    public DossierRating? Rating { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>
    /// How long the dossier was open, kept by PostgreSQL from <see cref="ReceivedAt"/> and <see cref="FinishedAt"/>: k when under
    /// 2^k days (0: under a day … 15: under 2^15 days), 16 beyond, null while open. With the received instant it finds the
    /// dossiers open at an instant by ranges of an index (<see cref="Data.ReportingStatisticsQuery"/>).
    /// </summary>
    public int? OpenDaysClass { get; init; }
}

/// <summary>One piece of feedback (PAKN) as reporting knows it from the feedback events. Tenant-owned row.</summary>
public sealed class FeedbackFact
{
    public int Generation { get; init; }

    public Guid FeedbackId { get; init; }

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public bool? ResolvedWithinDeadline { get; init; }
}

/// <summary>A province's own reporting periods (<see cref="SharedKernel.Reporting.ReportPeriodSettings"/> as JSON); a province without a row uses the defaults.</summary>
public sealed class PeriodSettingsEntry
{
    public required string ProvinceCode { get; init; }

    public required string Settings { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
