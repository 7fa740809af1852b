using OpenIddict.Abstractions;
using ParPlatform.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ParPlatform.Identity.Tokens;

/// <summary>The OAuth clients of the platform and what each may ask for.</summary>
public static class Clients
{
    /// <summary>The web UI: a public client, authorization code with PKCE, refresh tokens, signing out (end session).</summary>
    public const string WebClientId = "parplatform-web";

    /// <summary>Scripts and tests in Development: a public client allowed the password grant.</summary>
    public const string ScriptsClientId = "parplatform-scripts";

    /// <summary>Configuration key of the web UI's redirect addresses (comma-separated).</summary>
    public const string WebRedirectUrisConfig = "Identity:WebClient:RedirectUris";

    public const string DefaultWebRedirectUri = "http://localhost:5173/auth/callback";

    /// <summary>Configuration key of the addresses the web UI may be sent back to after signing out (comma-separated).</summary>
    public const string WebSignedOutUrisConfig = "Identity:WebClient:SignedOutUris";

    public const string DefaultWebSignedOutUri = "http://localhost:5173/auth/signed-out";

    public static OpenIddictApplicationDescriptor Integrator(string clientId, string displayName, string secret) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        DisplayName = displayName,
        ClientType = ClientTypes.Confidential,
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
        },
    };

    public static OpenIddictApplicationDescriptor Web(IEnumerable<Uri> redirectUris, IEnumerable<Uri> signedOutUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientId,
            DisplayName = "ParPlatform web",
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
            descriptor.RedirectUris.Add(uri);
        foreach (var uri in signedOutUris)
            descriptor.PostLogoutRedirectUris.Add(uri);
        return descriptor;
    }

    public static OpenIddictApplicationDescriptor Scripts() => new()
    {
        ClientId = ScriptsClientId,
        DisplayName = "ParPlatform scripts (Development)",
        ClientType = ClientTypes.Public,
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.Password,
            Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
        },
    };
}
