using OpenIddict.Abstractions;
using ParPlatform.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ParPlatform.Identity.Tokens;

/// <summary>The OAuth clients of the platform and what each may ask for.</summary>
public static class Clients
{
    /// <summary>The web UI: a public client, authorization code with PKCE, refresh tokens.</summary>
    public const string WebClientId = "parplatform-web";

    /// <summary>Scripts and tests in Development: a public client allowed the password grant.</summary>
    public const string ScriptsClientId = "parplatform-scripts";

    /// <summary>Configuration key of the web UI's redirect addresses (comma-separated).</summary>
    public const string WebRedirectUrisConfig = "Identity:WebClient:RedirectUris";

    public const string DefaultWebRedirectUri = "http://localhost:5173/auth/callback";

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

    public static OpenIddictApplicationDescriptor Web(IEnumerable<Uri> redirectUris)
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
