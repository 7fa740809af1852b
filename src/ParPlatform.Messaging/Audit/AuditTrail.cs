using System.Security.Claims;
using System.Text.Json;
using ParPlatform.Contracts.Audit;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Messaging.Audit;

/// <summary>
/// The one way a service records an administrative change for the audit log: an
/// <see cref="AdministrativeChangeRecorded"/> event added to the service's outbox, so the SaveChanges
/// that writes the change writes the entry too (a change that rolls back leaves none), and the identity
/// service keeps it. Call <see cref="Record"/> before that SaveChanges.
/// </summary>
public sealed class AuditTrail(IOutbox outbox, MessagingService service, TimeProvider clock)
{
    /// <summary>Records what <paramref name="actor"/> did, unless it changed nothing (equal before and after).</summary>
    /// <param name="actor">The caller, as its access token says.</param>
    /// <param name="action">"{entity}.{verb}", e.g. "user.disabled".</param>
    /// <param name="entityKey">Which entity: a user name, a unit code, a year …</param>
    /// <param name="before">The entity's audited fields before the change (written as JSON; never a password, hash or
    /// secret), or null for a creation or an action without values.</param>
    /// <param name="after">The same fields after the change, or null for an action without values.</param>
    /// <param name="unitCode">The unit the change concerns, if any.</param>
    /// <param name="provinceCode">The province the change concerns, if any.</param>
    public void Record(
        ClaimsPrincipal actor, string action, string entityKey, object? before, object? after, string? unitCode = null, string? provinceCode = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var (changedBefore, changedAfter, changed) = AuditChange.Between(before, after);
        if (!changed)
            return;
        var caller = Caller.Of(actor);
        outbox.Add(new AdministrativeChangeRecorded
        {
            OccurredAt = clock.GetUtcNow(),
            UnitCode = unitCode ?? "",
            ProvinceCode = provinceCode ?? "",
            Service = service.Name,
            Action = action,
            EntityKey = entityKey,
            ActorId = caller.UserId,
            ActorName = actor.FindFirst(PlatformClaims.UserName)?.Value ?? caller.UserId,
            ActorRole = caller.Role,
            Before = changedBefore,
            After = changedAfter,
        }, $"{action.Split('.')[0]}:{entityKey}");
    }
}

/// <summary>The fields of a change that differ, before and after, as JSON objects.</summary>
public static class AuditChange
{
    /// <summary>
    /// <paramref name="before"/> and <paramref name="after"/> written as JSON (camelCase); when both are given, only the
    /// top-level fields whose values differ are kept, and <c>Changed</c> is false when none does. A creation (no before)
    /// keeps every field; an action without values (neither) is a change.
    /// </summary>
    public static (JsonElement? Before, JsonElement? After, bool Changed) Between(object? before, object? after)
    {
        var old = before is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(before, JsonSerializerOptions.Web);
        var now = after is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(after, JsonSerializerOptions.Web);
        if (old is not { } o || now is not { } n)
            return (old, now, true);
        var oldFields = o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var newFields = n.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var differing = oldFields.Keys.Union(newFields.Keys)
            .Where(name => !(oldFields.TryGetValue(name, out var was) && newFields.TryGetValue(name, out var @is) && JsonElement.DeepEquals(was, @is)))
            .ToList();
        if (differing.Count == 0)
            return (null, null, false);
        return (Only(oldFields, differing), Only(newFields, differing), true);
    }

    private static JsonElement Only(Dictionary<string, JsonElement> fields, List<string> names) =>
        JsonSerializer.SerializeToElement(names.Where(fields.ContainsKey).ToDictionary(name => name, name => fields[name]), JsonSerializerOptions.Web);
}
