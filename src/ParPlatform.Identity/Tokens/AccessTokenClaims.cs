using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ParPlatform.Identity.Domain;
using ParPlatform.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ParPlatform.Identity.Tokens;

/// <summary>
/// The principal a token is issued for: subject, name, role, and the unit, province and agency
/// the tenant access rule reads (<see cref="PlatformClaims"/>), for the platform's APIs as audience.
/// </summary>
public static class AccessTokenClaims
{
    public static ClaimsPrincipal ForUser(UserAccount user, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = NewIdentity(user.Id.ToString(), user.DisplayName, user.Role);
        if (user.UnitCode is not null)
            identity.SetClaim(PlatformClaims.Unit, user.UnitCode);
        if (user.ProvinceCode is not null)
            identity.SetClaim(PlatformClaims.Province, user.ProvinceCode);
        if (user.AgencyCode is not null)
            identity.SetClaim(PlatformClaims.Agency, user.AgencyCode);
        identity.SetClaim(Claims.PreferredUsername, user.UserName);
        return Finish(identity, [.. scopes]);
    }

    public static ClaimsPrincipal ForIntegrator(IntegratorClient integrator, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(integrator);
        var identity = NewIdentity(integrator.ClientId, integrator.DisplayName, PlatformRoles.Integrator);
        if (integrator.ProvinceCode is not null)
            identity.SetClaim(PlatformClaims.Province, integrator.ProvinceCode);
        foreach (var unit in integrator.UnitCodes)
            identity.AddClaim(new Claim(PlatformClaims.Unit, unit));
        // An integrator exists to read the APIs: its tokens are for them whatever scopes it names.
        return Finish(identity, [.. scopes.Append(PlatformClaims.ApiScope).Distinct()]);
    }

    private static ClaimsIdentity NewIdentity(string subject, string name, string role)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(PlatformClaims.Subject, subject);
        identity.SetClaim(PlatformClaims.Name, name);
        identity.SetClaim(PlatformClaims.Role, role);
        return identity;
    }

    /// <summary>Only a token asked for with the "api" scope is good for the platform's APIs (its audience).</summary>
    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IReadOnlyList<string> scopes)
    {
        identity.SetScopes(scopes);
        if (scopes.Contains(PlatformClaims.ApiScope))
            identity.SetResources(PlatformClaims.Audience);
        // Everything goes into the access token; the name and role also into an identity token (web sign-in).
        identity.SetDestinations(claim => claim.Type is PlatformClaims.Name or PlatformClaims.Role or Claims.PreferredUsername
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
