using Microsoft.AspNetCore.Http;
using ParPlatform.SharedKernel;

namespace ParPlatform.ServiceDefaults.Tenancy;

public enum TenantRouteKind
{
    /// <summary>/api/v1/units/{unitCode}/…: one unit's data.</summary>
    Unit,

    /// <summary>/api/v1/provinces/{provinceCode}/…: one province's views.</summary>
    Province,

    /// <summary>/api/v1/admin/…: the registry and the platform's own state.</summary>
    Admin,

    /// <summary>/api/v1/admin/messaging/…: the broker's error queues, which operators replay too.</summary>
    AdminMessaging,

    /// <summary>/api/v1/account/…: the caller's own account (a person's; an integrator client has none).</summary>
    Account,

    /// <summary>Any other /api/ path: no such route exists, whoever asks.</summary>
    Unknown,
}

/// <summary>
/// What an API path is about, read from its shape alone: the route says whose data it is, so the
/// same rule covers every route of every service, including routes not written yet.
/// </summary>
/// <param name="Code">The unit or province code of the path (as written; see <see cref="CodeError"/>).</param>
/// <param name="CodeError">Why the code is malformed, or null when it is well formed.</param>
public sealed record TenantRoute(TenantRouteKind Kind, string? Code, string? CodeError)
{
    /// <summary>The route of an /api/ path; null for paths outside the API (health, /connect, pages).</summary>
    public static TenantRoute? Parse(PathString path)
    {
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return null;
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        // segments: api, v1, (units|provinces|admin|account), code, …
        // Case-insensitive, as routing is: /API/V1/Units/… is the same route as /api/v1/units/….
        if (segments.Length >= 3 && Is(segments[1], "v1"))
        {
            // The path is decoded already (as routing sees it): decoding again would let the rule
            // and the endpoint read different codes.
            var code = segments.Length >= 4 ? segments[3] : null;
            if (Is(segments[2], "units") && code is not null)
                return new TenantRoute(TenantRouteKind.Unit, code, UnitCode.TryParse(code, out _) ? null : UnitCode.FormatError);
            if (Is(segments[2], "provinces") && code is not null)
                return new TenantRoute(TenantRouteKind.Province, code, ProvinceCode.TryParse(code, out _) ? null : ProvinceCode.FormatError);
            if (Is(segments[2], "account"))
                return new TenantRoute(TenantRouteKind.Account, null, null);
            if (Is(segments[2], "admin"))
                return new TenantRoute(code is not null && Is(code, "messaging") ? TenantRouteKind.AdminMessaging : TenantRouteKind.Admin, null, null);
        }
        return new TenantRoute(TenantRouteKind.Unknown, null, null);
    }

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The route parameter that carries the code, for field errors.</summary>
    public string CodeField => Kind == TenantRouteKind.Province ? "provinceCode" : "unitCode";
}
