using System.Security.Claims;

namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>Who is calling, as a validated access token says, and what its bearer may touch.</summary>
/// <param name="Role">One of <see cref="PlatformRoles"/>.</param>
/// <param name="Units">The units named in the token (a unit officer's one; an integrator's list).</param>
/// <param name="Province">The province named in the token, if any.</param>
/// <param name="UserId">The token's subject: a user's id, or an integrator client's id.</param>
/// <param name="Agency">The agency of a unit officer's desk, if any.</param>
public sealed record Caller(string Role, IReadOnlySet<string> Units, string? Province, string UserId, string? Agency = null)
{
    /// <summary>The caller of an authenticated principal; null when the token names no role or no subject.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var role = principal.FindFirst(PlatformClaims.Role)?.Value;
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(role) || string.IsNullOrEmpty(subject))
            return null;
        var units = principal.FindAll(PlatformClaims.Unit).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(role, units, principal.FindFirst(PlatformClaims.Province)?.Value, subject, principal.FindFirst(PlatformClaims.Agency)?.Value);
    }

    /// <summary>
    /// The caller of a request the access rule let through (<see cref="TenantAccessMiddleware"/>), which
    /// refuses a token without a role or a subject before any handler runs.
    /// </summary>
    public static Caller Of(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("The request has no caller: the access rule lets none through without a role and a subject.");

    public bool Is(params string[] roles) => roles.Contains(Role, StringComparer.Ordinal);
}
