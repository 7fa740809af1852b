namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>The claims an access token of the identity service carries, and the roles.</summary>
public static class PlatformClaims
{
    /// <summary>The audience of every access token: the platform's APIs.</summary>
    public const string Audience = "parplatform-api";

    /// <summary>The JWT "typ" of an access token (RFC 9068).</summary>
    public const string AccessTokenType = "at+jwt";

    /// <summary>The scope a client asks for to call the APIs.</summary>
    public const string ApiScope = "api";

    public const string Subject = "sub";
    public const string Name = "name";

    /// <summary>A person's user name (OpenID Connect's preferred_username).</summary>
    public const string UserName = "preferred_username";
    public const string Role = "role";

    /// <summary>A unit the caller may touch (one for a unit officer; several for an integrator).</summary>
    public const string Unit = "unit";

    /// <summary>The caller's province: a reviewer's, a unit officer's unit's, or an integrator's scope.</summary>
    public const string Province = "province";

    /// <summary>A unit officer's agency (cơ quan) code within the unit.</summary>
    public const string Agency = "agency";
}

/// <summary>Who a caller is. Written in tokens and the admin API as the kebab-case names below.</summary>
public static class PlatformRoles
{
    /// <summary>Cán bộ, công chức of one unit and one agency: reads and writes that unit's data.</summary>
    public const string UnitOfficer = "unit-officer";

    /// <summary>Chủ tịch UBND of one unit: what an officer may, and signs its reports.</summary>
    public const string UnitChairman = "unit-chairman";

    /// <summary>Sở Nội vụ of one province: reads every unit of it; acts on province routes.</summary>
    public const string ProvinceReviewer = "province-reviewer";

    /// <summary>Manages the registry (provinces, units, users, integrator clients); sees no unit data.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Runs the platform; reads the admin status; sees no unit data.</summary>
    public const string Operator = "operator";

    /// <summary>A system subscribed for some units or one province: reads only.</summary>
    public const string Integrator = "integrator";

    /// <summary>The roles a user account can have (integrators are clients, not users).</summary>
    public static readonly IReadOnlyList<string> UserRoles = [UnitOfficer, UnitChairman, ProvinceReviewer, PlatformAdmin, Operator];
}
