namespace ParPlatform.Contracts.Reporting;

/// <summary>
/// The reporting service rebuilds its read model of a unit and asks the services that own the
/// unit's data to publish all of it again, tagged with <see cref="ReplayId"/>. It is published after
/// reporting started recording the unit's events into the new model, so nothing that happens
/// after the owners read their data is missed.
/// </summary>
public sealed record ReadModelReplayRequested : IntegrationEvent
{
    public required Guid ReplayId { get; init; }
}
