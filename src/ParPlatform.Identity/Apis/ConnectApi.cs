using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Registration;
using ParPlatform.Identity.Tokens;
using ParPlatform.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ParPlatform.Identity.Apis;

/// <summary>
/// The OAuth 2 / OpenID Connect endpoints OpenIddict hands over after validating the request:
/// /connect/token (client credentials for integrators; authorization code and refresh token for
/// the web UI; the password grant in Development only), /connect/authorize (the web UI's
/// sign-in, with PKCE) and /connect/endsession (its sign-out).
/// </summary>
public static class ConnectApi
{
    /// <summary>/connect (<see cref="IdentityApi.MapIdentityApi"/>).</summary>
    public static void MapConnect(this RouteGroupBuilder connect)
    {
        connect.MapPost("/token", IssueTokenAsync).WithName("IssueToken").WithSummary("Issues an access token (OAuth 2 token endpoint)");
        connect.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync).WithName("Authorize")
            .WithSummary("Signs the web UI's user in (OpenID Connect authorization endpoint, with PKCE)");
        connect.MapMethods("/endsession", ["GET", "POST"], EndSessionAsync).WithName("EndSession")
            .WithSummary("Signs the web UI's user out: ends the sign-in session and revokes the account's refresh tokens (OpenID Connect end session)");
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueTokenAsync(
        HttpContext http, IdentityDbContext db, PasswordSignIn passwords, TenantScope scope, IHostEnvironment environment,
        ILogger<PasswordSignIn> logger, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        scope.SetAllTenants(); // issuing a token reads the registry across tenants
        if (request.IsClientCredentialsGrantType())
        {
            var integrator = await db.Integrators.AsNoTracking().SingleOrDefaultAsync(i => i.ClientId == request.ClientId && i.RevokedAt == null, ct);
            if (integrator is null)
                return Refuse(Errors.UnauthorizedClient, "Ứng dụng này không phải ứng dụng tích hợp đã đăng ký.");
            if (!environment.IsDevelopment() && request.ClientSecret == DemoData.IntegratorSecret)
            {
                logger.LogError(
                    "Token refused: integrator {ClientId} still has the demo data's public secret, which is refused in {Environment}. " +
                    "An administrator gives it a new secret (docs/operations.md, \"Production\")", integrator.ClientId, environment.EnvironmentName);
                return Refuse(Errors.InvalidClient, "Khóa bí mật của ứng dụng là khóa mẫu công khai; liên hệ quản trị để được cấp khóa mới.");
            }
            return SignIn(AccessTokenClaims.ForIntegrator(integrator, request.GetScopes()));
        }
        if (request.IsPasswordGrantType())
        {
            var (check, user) = await passwords.CheckAsync(request.Username, request.Password, ClientAddress.Of(http), ct);
            return check == PasswordCheck.Success
                ? SignIn(AccessTokenClaims.ForUser(user!, request.GetScopes()))
                : Refuse(Errors.InvalidGrant, PasswordSignIn.Reason(check));
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid; issue from the account as it is now.
            var previous = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return await ActiveUserAsync(db, previous.Principal?.GetClaim(Claims.Subject), ct) is { } user
                ? SignIn(AccessTokenClaims.ForUser(user, previous.Principal!.GetScopes()))
                : Refuse(Errors.InvalidGrant, NoLongerAllowed);
        }
        return Refuse(Errors.UnsupportedGrantType, "Kiểu cấp quyền này không được hỗ trợ.");
    }

    private static async Task<Results<ChallengeHttpResult, SignInHttpResult, ForbidHttpResult>> AuthorizeAsync(HttpContext http, IdentityDbContext db, TenantScope scope, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            // Not signed in: the sign-in page, which comes back here with the same request.
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        scope.SetAllTenants();
        return await ActiveUserAsync(db, session.Principal.FindFirst(ClaimTypes.NameIdentifier)?.Value, ct) is { } user
            ? SignIn(AccessTokenClaims.ForUser(user, request.GetScopes()))
            : Refuse(Errors.AccessDenied, NoLongerAllowed);
    }

    /// <summary>
    /// Signing out ends the session of the sign-in page and revokes every refresh token and code of the account (on a
    /// shared office computer, nothing is left to come back with), then returns to the web UI's signed-out address.
    /// </summary>
    private static async Task<SignOutHttpResult> EndSessionAsync(HttpContext http, IOpenIddictTokenManager tokens, TenantScope scope, CancellationToken ct)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } subject)
        {
            scope.SetAllTenants();
            await tokens.RevokeBySubjectAsync(subject, ct);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private const string NoLongerAllowed = "Tài khoản không còn được phép đăng nhập.";

    /// <summary>
    /// The account a code, refresh token or sign-in cookie was issued for, if it still exists and is not disabled (a lockout
    /// stops guessing from an address; it does not end a session that signed in with the right password).
    /// </summary>
    private static async Task<UserAccount?> ActiveUserAsync(IdentityDbContext db, string? subject, CancellationToken ct)
    {
        var user = Guid.TryParse(subject, out var id) ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        return user is { DisabledAt: null } ? user : null;
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Refuse(string error, string description) => TypedResults.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
