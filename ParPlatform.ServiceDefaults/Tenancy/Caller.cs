using System.Security.Claims;

namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>What a validated access token says its bearer may touch.</summary>
/// <param name="Role">One of <see cref="PlatformRoles"/>.</param>
/// <param name="Units">The units named in the token (a unit officer's one; an integrator's list).</param>
/// <param name="Province">The province named in the token, if any.</param>
public sealed record Caller(string Role, IReadOnlySet<string> Units, string? Province)
{
    /// <summary>The caller of an authenticated principal; null when the token names no role.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        var role = principal.FindFirst(PlatformClaims.Role)?.Value;
        if (string.IsNullOrEmpty(role))
            return null;
        var units = principal.FindAll(PlatformClaims.Unit).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(role, units, principal.FindFirst(PlatformClaims.Province)?.Value);
    }

    public bool Is(params string[] roles) => roles.Contains(Role, StringComparer.Ordinal);
}
