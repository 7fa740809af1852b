using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>
/// Bearer-token validation, the same in the gateway and every service: signature against the
/// identity service's published keys, issuer, audience <see cref="PlatformClaims.Audience"/>,
/// lifetime. The keys are fetched from the identity service by its discovery name
/// (http://identity/.well-known/jwks) and fetched again when a token names a key not seen yet.
/// </summary>
public static class AccessTokens
{
    /// <summary>Configuration key of the issuer every token must carry (the public address of the identity endpoints).</summary>
    public const string IssuerKey = "Identity:Issuer";

    /// <summary>Configuration key of where the signing keys are read (default <see cref="DefaultKeysUri"/>).</summary>
    public const string KeysUriKey = "Identity:KeysUri";

    public const string DefaultKeysUri = "http://identity/.well-known/jwks";

    /// <summary>The issuer from configuration; a service cannot validate tokens without it.</summary>
    public static string Issuer(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issuer = configuration[IssuerKey];
        if (string.IsNullOrWhiteSpace(issuer) || !Uri.TryCreate(issuer, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                $"{IssuerKey} is not configured: set it (environment variable Identity__Issuer) to the public address of the " +
                "identity endpoints, e.g. http://localhost:5080/. The AppHost sets it for every service.");
        }
        return issuer;
    }

    internal static void AddAccessTokenValidation(this IHostApplicationBuilder builder)
    {
        var issuer = Issuer(builder.Configuration);
        var keysUri = builder.Configuration[KeysUriKey] ?? DefaultKeysUri;
        builder.Services.AddHttpClient(nameof(AccessTokens));
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(services =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                keysUri,
                new KeySetRetriever(issuer),
                new HttpDocumentRetriever(services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AccessTokens))) { RequireHttps = false }));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfigurationManager<OpenIdConnectConfiguration>>((options, keys) =>
            {
                options.ConfigurationManager = keys;
                options.MapInboundClaims = false;
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = PlatformClaims.Audience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
    }

    /// <summary>Reads a JSON Web Key Set as the configuration of the one issuer the platform trusts.</summary>
    private sealed class KeySetRetriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var keySet = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = keySet };
            foreach (var key in keySet.GetSigningKeys())
                configuration.SigningKeys.Add(key);
            return configuration;
        }
    }
}
