using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
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
/// A token once found valid is answered from memory for a while (<see cref="RememberingTokenHandler"/>).
/// </summary>
public static class AccessTokens
{
    /// <summary>The issuer and where the keys are, from configuration; a service cannot validate tokens without them.</summary>
    public static AccessTokenOptions AddAccessTokenOptions(this IHostApplicationBuilder builder) =>
        builder.AddServiceOptions<AccessTokenOptions>(AccessTokenOptions.Section);

    internal static void AddAccessTokenValidation(this IHostApplicationBuilder builder)
    {
        var options = builder.AddAccessTokenOptions();
        var (issuer, keysUri) = (options.Issuer, options.KeysUri);
        // One try, answered within 5 s: a caller waits on this (the default retries took 7–11 s
        // before saying no). RemoveAllResilienceHandlers is marked for evaluation; it is the
        // documented way to opt one client out of ConfigureHttpClientDefaults.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(nameof(AccessTokens), http => http.Timeout = TimeSpan.FromSeconds(5)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton(new KeySetRetriever(issuer));
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(services =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                keysUri,
                services.GetRequiredService<KeySetRetriever>(),
                new HttpDocumentRetriever(services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AccessTokens))) { RequireHttps = false }));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfigurationManager<OpenIdConnectConfiguration>>((options, keys) =>
            {
                options.ConfigurationManager = keys;
                options.TokenHandlers.Clear();
                // The system's clock, as the token's lifetime check uses (not a service's own TimeProvider).
                options.TokenHandlers.Add(new RememberingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
                options.MapInboundClaims = false;
                options.RefreshOnIssuerKeyNotFound = true;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = PlatformClaims.Audience,
                    // Access tokens only (RFC 9068): an identity token is not a key to the APIs.
                    ValidTypes = [PlatformClaims.AccessTokenType],
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents { OnChallenge = AnswerUnavailableKeysWith503Async };
            });
    }

    /// <summary>
    /// When the keys could not be read at all (the identity service is down), the token is not
    /// the problem: 503, so the caller retries instead of signing in again.
    /// </summary>
    private static async Task AnswerUnavailableKeysWith503Async(JwtBearerChallengeContext context)
    {
        // The token handler reports keys it could not fetch as a key it did not find.
        if (context.AuthenticateFailure is not SecurityTokenSignatureKeyNotFoundException ||
            !context.HttpContext.RequestServices.GetRequiredService<KeySetRetriever>().LastFetchFailed)
        {
            return;
        }
        context.HandleResponse();
        await TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Chưa kiểm tra được mã truy cập.",
            detail: "Dịch vụ định danh tạm thời không sẵn sàng; vui lòng thử lại sau ít phút.")
            .ExecuteAsync(context.HttpContext);
    }

    /// <summary>
    /// Reads a JSON Web Key Set as the configuration of the one issuer the platform trusts, and
    /// remembers whether the last read failed (the identity service did not answer).
    /// </summary>
    internal sealed class KeySetRetriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public bool LastFetchFailed { get; private set; }

        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            string document;
            try
            {
                document = await retriever.GetDocumentAsync(address, cancel);
                LastFetchFailed = false;
            }
            catch (Exception) when (!cancel.IsCancellationRequested)
            {
                LastFetchFailed = true;
                throw;
            }
            var keySet = new JsonWebKeySet(document);
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = keySet };
            foreach (var key in keySet.GetSigningKeys())
                configuration.SigningKeys.Add(key);
            return configuration;
        }
    }
}

/// <summary>
/// The "Identity" section as every service reads it: the issuer every token must carry, the public address of
/// the identity endpoints (environment variable <c>Identity__Issuer</c>, e.g. http://localhost:5080/; the AppHost
/// sets it for every service), and where the signing keys are read.
/// </summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Identity";

    [Required(ErrorMessage = "is not configured: set it to the public address of the identity endpoints, e.g. http://localhost:5080/ (the AppHost sets it for every service).")]
    [Url]
    public string Issuer { get; set; } = "";

    [Url]
    public string KeysUri { get; set; } = "http://identity/.well-known/jwks";
}
