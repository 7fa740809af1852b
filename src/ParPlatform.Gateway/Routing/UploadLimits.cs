using Microsoft.AspNetCore.Http.Features;

namespace ParPlatform.Gateway.Routing;

/// <summary>
/// Raises the request body limit from Kestrel's 30 MB to <see cref="GatewayRoutes.MaxUploadBytes"/>
/// for a dossier import (POST /api/v1/units/{unitCode}/dossiers/imports, with or without a trailing
/// slash) and nothing else. It runs after authentication and the tenant access rule, so only a
/// caller with a valid token allowed on the unit can make the gateway read that much; and before the
/// proxy, since the limit cannot change once the body is being read.
/// </summary>
public static class UploadLimits
{
    public static bool IsDossierImport(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method) || request.Path.Value is not { } path)
            return false;
        if (path.EndsWith('/'))
            path = path[..^1];
        // "", api, v1, units, {unitCode}, dossiers, imports
        var segments = path.Split('/');
        return segments.Length == 7 && segments[0].Length == 0 && Is(segments[1], "api") && Is(segments[2], "v1")
            && Is(segments[3], "units") && segments[4].Length > 0 && Is(segments[5], "dossiers") && Is(segments[6], "imports");
    }

    /// <summary>The middleware: for an authenticated caller's dossier import, the upload limit.</summary>
    public static Task RaiseForDossierImportsAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.User.Identity?.IsAuthenticated == true && IsDossierImport(context.Request)
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = GatewayRoutes.MaxUploadBytes;
        }
        return next();
    }

    // API paths are read case-insensitively, as the routes match them.
    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
}
