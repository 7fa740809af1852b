namespace ParPlatform.ServiceDefaults.Tenancy;

public enum AccessDecision
{
    Allow,

    /// <summary>403: the caller sees this tenant but its role may not do this.</summary>
    Forbidden,

    /// <summary>404: the caller may not see this tenant at all, so it must not learn that it exists.</summary>
    NotFound,
}

/// <summary>
/// The one rule of who may touch which route (ARCHITECTURE.md section 5). Reads are GET, HEAD
/// and OPTIONS; everything else writes.
/// <list type="bullet">
/// <item>A unit's routes: its officers and chairman read and write; its province's reviewers and
/// the integrators scoped to it (by unit or by province) read; everyone else gets 404.</item>
/// <item>A province's routes: its reviewers read and write; integrators scoped to it read; unit
/// officers and chairmen get 403 (province views are not theirs); everyone else 404.</item>
/// <item>Admin routes: platform administrators; operators read, and write only on /api/v1/admin/messaging/…
/// (replaying the error queues); everyone else 403.</item>
/// <item>Account routes (/api/v1/account/…, the caller's own account, found by the token's subject):
/// every person; integrators 403.</item>
/// </list>
/// </summary>
public static class TenantAccess
{
    public static bool IsWrite(string method) =>
        !(HttpMethodsAre(method, "GET") || HttpMethodsAre(method, "HEAD") || HttpMethodsAre(method, "OPTIONS"));

    /// <summary>
    /// Whether deciding needs the province of the route's unit (known to the unit registry, not to
    /// the token): true only for callers whose access to a unit comes from their province.
    /// </summary>
    public static bool NeedsUnitProvince(Caller caller, TenantRoute route) =>
        route.Kind == TenantRouteKind.Unit &&
        (caller.Is(PlatformRoles.ProvinceReviewer) ||
         (caller.Is(PlatformRoles.Integrator) && caller.Province is not null && !caller.Units.Contains(route.Code!)));

    /// <param name="unitProvince">For a unit route, the province the registry knows the unit in
    /// (null when the unit is not registered); ignored otherwise.</param>
    public static AccessDecision Decide(Caller caller, TenantRoute route, bool write, string? unitProvince) => route.Kind switch
    {
        TenantRouteKind.Unit => DecideUnit(caller, route.Code!, write, unitProvince),
        TenantRouteKind.Province => DecideProvince(caller, route.Code!, write),
        TenantRouteKind.Admin => DecideAdmin(caller, write),
        // Operators replay error queues: a write there is decided as a read.
        TenantRouteKind.AdminMessaging => DecideAdmin(caller, write: false),
        // Every person reads and changes their own account; the route names no one else's.
        TenantRouteKind.Account => caller.Is(PlatformRoles.Integrator) ? AccessDecision.Forbidden : AccessDecision.Allow,
        _ => AccessDecision.NotFound,
    };

    private static AccessDecision DecideUnit(Caller caller, string unit, bool write, string? unitProvince)
    {
        if (caller.Is(PlatformRoles.UnitOfficer, PlatformRoles.UnitChairman))
            return caller.Units.Contains(unit) ? AccessDecision.Allow : AccessDecision.NotFound;
        var ofProvince = unitProvince is not null && caller.Province == unitProvince;
        if (caller.Is(PlatformRoles.ProvinceReviewer) && ofProvince)
            return ReadOnly(write);
        if (caller.Is(PlatformRoles.Integrator) && (caller.Units.Contains(unit) || ofProvince))
            return ReadOnly(write);
        return AccessDecision.NotFound;
    }

    private static AccessDecision DecideProvince(Caller caller, string province, bool write)
    {
        if (caller.Is(PlatformRoles.UnitOfficer, PlatformRoles.UnitChairman))
            return AccessDecision.Forbidden;
        if (caller.Province != province)
            return AccessDecision.NotFound;
        if (caller.Is(PlatformRoles.ProvinceReviewer))
            return AccessDecision.Allow;
        return caller.Is(PlatformRoles.Integrator) ? ReadOnly(write) : AccessDecision.NotFound;
    }

    private static AccessDecision DecideAdmin(Caller caller, bool write)
    {
        if (caller.Is(PlatformRoles.PlatformAdmin))
            return AccessDecision.Allow;
        return caller.Is(PlatformRoles.Operator) ? ReadOnly(write) : AccessDecision.Forbidden;
    }

    private static AccessDecision ReadOnly(bool write) => write ? AccessDecision.Forbidden : AccessDecision.Allow;

    private static bool HttpMethodsAre(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
