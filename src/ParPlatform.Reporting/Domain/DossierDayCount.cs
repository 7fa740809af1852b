namespace ParPlatform.Reporting.Domain;

/// <summary>
/// What the dossier facts of a unit's generation add up to on one day (Vietnam time) for form II.06a: the dossiers received
/// that day, those finished that day, and the ratings given that day. PostgreSQL keeps the rows (triggers on
/// reporting.dossier_facts, in the transaction that writes the facts, see the migrations DossierDayCounts and
/// DossierFieldDayCounts), so a province's tables read a row per unit (and field) and day of its window instead of every
/// dossier (<see cref="Data.ReportingStatisticsQuery"/>; docs/decisions/0004). A dossier finished before it was received
/// counts in no row (its window columns are read from its fact). Tenant-owned rows (row-level security).
/// </summary>
public abstract class DayCounts
{
    public required string UnitCode { get; init; }

    public int Generation { get; init; }

    public DateOnly Day { get; init; }

    public required string ProvinceCode { get; init; }

    public int ReceivedOnline { get; init; }

    public int ReceivedOther { get; init; }

    public int Digitised { get; init; }

    public int WithFees { get; init; }

    public int PaidOnline { get; init; }

    public int ResolvedEarly { get; init; }

    public int ResolvedOnTime { get; init; }

    public int ResolvedLate { get; init; }

    public int Returned { get; init; }

    public int ElectronicResults { get; init; }

    public int LateWithApology { get; init; }

    public int VerySatisfied { get; init; }

    public int Satisfied { get; init; }

    public int NotSatisfied { get; init; }
}

/// <summary>The counts of a unit's day, all fields together: the province's form II.06a, a row per unit.</summary>
public sealed class DossierDayCount : DayCounts;

/// <summary>The counts of a unit's day in one field of procedures: the scorecard's targets on a field, for every unit of a province.</summary>
public sealed class DossierFieldDayCount : DayCounts
{
    public required string Field { get; init; }
}
