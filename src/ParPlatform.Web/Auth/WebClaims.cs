using System.Security.Claims;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Web.Auth;

/// <summary>What the web application knows of the person signed in, from the identity service's tokens.</summary>
public static class WebClaims
{
    /// <summary>The key of the person's server-side session (<see cref="ServerTicketStore"/>), where their tokens are.</summary>
    public const string Session = "web_session";

    public static string Name(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Name)?.Value ?? "";

    public static string Role(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Role)?.Value ?? "";

    public static string? Unit(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Unit)?.Value;

    public static string? Province(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Province)?.Value;

    /// <summary>A unit officer's agency within the unit, whose part of the unit's report the officer writes and sends.</summary>
    public static string? Agency(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Agency)?.Value;

    /// <summary>An officer or the chairman of the unit: receives and acts on its dossiers (the APIs' rule, TenantAccess).</summary>
    public static bool WorksForUnit(this ClaimsPrincipal user, string unitCode) =>
        user.Role() is PlatformRoles.UnitOfficer or PlatformRoles.UnitChairman && user.Unit() == unitCode;

    public static bool ReviewsProvince(this ClaimsPrincipal user) => user.Role() == PlatformRoles.ProvinceReviewer && user.Province() is not null;
}
