namespace ParPlatform.Reporting.Domain;

/// <summary>
/// The latest event of another service about one subject of a unit (a budget estimate revision, a capital plan, a
/// disbursement, a quota decision, a headcount date, an agency, a plan target …), kept as the service published it: the
/// read model reporting computes the report's figures from (<see cref="UnitSources"/>). <see cref="Kind"/> names the
/// subject's kind (the event's name, or one name for the events of one subject), <see cref="Subject"/> its key within the
/// unit. Tenant-owned row.
/// </summary>
public sealed class SourceEvent
{
    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public required string Kind { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The event as JSON (the web defaults of System.Text.Json, as the services publish it).</summary>
    public required string Payload { get; init; }
}
