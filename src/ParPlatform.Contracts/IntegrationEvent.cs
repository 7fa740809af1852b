namespace ParPlatform.Contracts;

/// <summary>
/// What every integration event carries. Events are records in the namespace of the service
/// that publishes them (<c>ParPlatform.Contracts.Identity</c>, <c>…Dossiers</c>, …); the
/// exchange an event is published to is <c>events.{service}.{event-name}</c>, see docs/events.md.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Time-ordered (version 7) GUID; a consumer applies each EventId once.</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <summary>When the change happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The unit (ward, commune, special zone) the event belongs to: five digits.</summary>
    public required string UnitCode { get; init; }

    /// <summary>The province of that unit: two digits.</summary>
    public required string ProvinceCode { get; init; }
}
