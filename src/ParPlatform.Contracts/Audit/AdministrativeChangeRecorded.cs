using System.Text.Json;

namespace ParPlatform.Contracts.Audit;

/// <summary>
/// An administrative change (the registry, users, integrator clients, the working calendar, period
/// settings, read-model rebuilds, error-queue replays): who made it, in which service, what, and the
/// changed fields before and after. Every service that takes such changes publishes it through its
/// outbox, in the transaction of the change; the identity service keeps them in its audit log.
/// <see cref="IntegrationEvent.UnitCode"/> and <see cref="IntegrationEvent.ProvinceCode"/> are empty
/// when the change concerns no unit or no province. Never carries a password, hash or secret.
/// </summary>
public sealed record AdministrativeChangeRecorded : IntegrationEvent
{
    /// <summary>The service the change was made in, e.g. "dossiers".</summary>
    public required string Service { get; init; }

    /// <summary>What was done, "{entity}.{verb}", e.g. "user.disabled", "calendar-year.updated".</summary>
    public required string Action { get; init; }

    /// <summary>Which one: the user name, the unit code, the year …</summary>
    public required string EntityKey { get; init; }

    /// <summary>The token's subject: a user's id.</summary>
    public required string ActorId { get; init; }

    /// <summary>The user name, as the token names it (the subject when it names none).</summary>
    public required string ActorName { get; init; }

    /// <summary>The actor's role, e.g. "platform-admin".</summary>
    public required string ActorRole { get; init; }

    /// <summary>The changed fields before the change (an object); null for a creation or an action without values.</summary>
    public JsonElement? Before { get; init; }

    /// <summary>The changed fields after the change (an object); null for an action without values (a password reset).</summary>
    public JsonElement? After { get; init; }
}
