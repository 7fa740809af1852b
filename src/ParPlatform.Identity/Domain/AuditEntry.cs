using ParPlatform.Contracts.Audit;

namespace ParPlatform.Identity.Domain;

/// <summary>
/// One administrative change in the audit log, kept as the service that took it reported it
/// (<see cref="AdministrativeChangeRecorded"/>). Entries are only ever added. Tenant-owned row
/// (row-level security by the unit or province it concerns); administrators and operators read all.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The event's id: one entry per event.</summary>
    public Guid Id { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    public string Service { get; private init; } = null!;

    public string Action { get; private init; } = null!;

    public string EntityKey { get; private init; } = null!;

    public string? UnitCode { get; private init; }

    public string? ProvinceCode { get; private init; }

    public string ActorId { get; private init; } = null!;

    public string ActorName { get; private init; } = null!;

    public string ActorRole { get; private init; } = null!;

    /// <summary>The changed fields before, as a JSON object (jsonb); null for a creation or an action without values.</summary>
    public string? Before { get; private init; }

    /// <summary>The changed fields after, as a JSON object (jsonb); null for an action without values.</summary>
    public string? After { get; private init; }

    public static AuditEntry From(AdministrativeChangeRecorded change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new AuditEntry
        {
            Id = change.EventId,
            OccurredAt = change.OccurredAt,
            Service = change.Service,
            Action = change.Action,
            EntityKey = change.EntityKey,
            UnitCode = change.UnitCode.Length == 0 ? null : change.UnitCode,
            ProvinceCode = change.ProvinceCode.Length == 0 ? null : change.ProvinceCode,
            ActorId = change.ActorId,
            ActorName = change.ActorName,
            ActorRole = change.ActorRole,
            Before = change.Before?.GetRawText(),
            After = change.After?.GetRawText(),
        };
    }
}
