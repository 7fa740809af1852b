using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Web.Auth;

/// <summary>
/// Signing in with the identity service: OpenID Connect, authorization code with PKCE, as its public client
/// <see cref="ClientId"/>. The tokens stay on the server (<see cref="ServerTicketStore"/>); the browser holds a cookie with
/// the session's key. Signing out ends the identity service's session too.
/// </summary>
public static class SignIn
{
    public const string ClientId = "parplatform-web";

    /// <summary>Where the identity service sends the browser back with the code, and after signing out.</summary>
    public const string CallbackPath = "/signin-oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public const string SignOutPath = "/account/sign-out";

    public static void AddSignIn(this IHostApplicationBuilder builder)
    {
        // The identity endpoints' public address (Identity__Issuer, from the AppHost), as for every service.
        var issuer = builder.AddAccessTokenOptions().Issuer;
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ServerTicketStore>();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerTicketStore>((options, store) => options.SessionStore = store);

        builder.Services.AddAuthentication(options =>
            {
                // ServiceDefaults registers bearer tokens for the APIs; people sign in here with a cookie.
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                // The identity service's sign-in page keeps its own cookie on the same host name (another port).
                cookie.Cookie.Name = "parplatform.web";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = ServerTicketStore.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnSigningIn = context =>
                {
                    context.Principal!.Identities.First().AddClaim(new Claim(WebClaims.Session, Guid.NewGuid().ToString("N")));
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = issuer;
                oidc.RequireHttpsMetadata = issuer.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                oidc.ClientId = ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "offline_access", PlatformClaims.ApiScope })
                    oidc.Scope.Add(scope);
                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                oidc.SignedOutRedirectUri = "/";
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                // The identity service's redirect back is a top-level navigation of the same site.
                foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
                oidc.Events.OnTokenValidated = context =>
                {
                    AddTenantClaims(context.Principal!, context.TokenEndpointResponse?.AccessToken);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
    }

    /// <summary>
    /// The unit, province and agency a person works for are in the access token only (the identity token carries the name
    /// and role); the pages need them for their routes. The token came straight from the identity service's token endpoint.
    /// </summary>
    private static void AddTenantClaims(ClaimsPrincipal principal, string? accessToken)
    {
        if (accessToken is null)
            return;
        var token = new JsonWebToken(accessToken);
        var identity = principal.Identities.First();
        foreach (var type in new[] { PlatformClaims.Unit, PlatformClaims.Province, PlatformClaims.Agency })
        {
            if (token.TryGetPayloadValue<string>(type, out var value) && identity.FindFirst(type) is null)
                identity.AddClaim(new Claim(type, value));
        }
    }

    /// <summary>POST /account/sign-out (the header's form): ends this session, then the identity service's.</summary>
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(SignOutPath, async Task<IResult> (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return TypedResults.BadRequest();
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).RequireAuthorization().DisableAntiforgery();
}
