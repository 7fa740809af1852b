using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ParPlatform.Identity.Apis;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Events;
using ParPlatform.Identity.Registration;
using ParPlatform.Identity.Tokens;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ParPlatform.Identity;

public static class Extensions
{
    /// <summary>How long an access token is good for: the longest a disabled account or a revoked client still gets in.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);

    public static void AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("identitydb", IdentityDbContext.Schema);
        // Identity publishes the registry's events (UnitRegistered, UnitUpdated); it keeps the audit log of every service's
        // administrative changes (its own included), which arrive as events.
        builder.AddMessaging<IdentityDbContext>("messaging", IdentityDbContext.Schema, consumers => consumers
            .Add<AdministrativeChangeRecordedConsumer>());
        // Its admin API shows and replays the broker's error queues and gives integrators their broker accounts.
        builder.AddBrokerManagement("messaging");

        var issuer = builder.AddAccessTokenOptions().Issuer;
        var options = builder.AddServiceOptions<IdentityServiceOptions>(IdentityServiceOptions.Section);
        if (options.DemoData && !builder.Environment.IsDevelopment())
        {
            // The demo accounts' password is in the README: an installation never creates them.
            throw new OptionsValidationException(IdentityServiceOptions.Section, typeof(IdentityServiceOptions),
                [$"Identity:DemoData: the demo accounts have the README's public password; they are created in Development only, not in {builder.Environment.EnvironmentName}."]);
        }
        var keys = TokenKeys.From(options);
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<IntegratorBroker>();
        builder.Services.AddSingleton<SignInAttempts>();
        builder.Services.AddScoped<IUnitDirectory, RegistryUnitDirectory>();
        // This service validates its own tokens with its own key, without asking itself over HTTP.
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(
            new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { Issuer = issuer, SigningKeys = { keys.Signing } }));

        builder.Services.AddAuthentication().AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.LoginPath = AccountApi.LoginPath;
            cookie.Cookie.Name = "parplatform.signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAntiforgery();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer, UriKind.Absolute));
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                if (builder.Environment.IsDevelopment())
                    server.AllowPasswordFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, PlatformClaims.ApiScope);
                server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
                // Access tokens are signed JWTs every service reads; what only identity reads stays encrypted.
                server.DisableAccessTokenEncryption();
                // Services check tokens by their signature alone: an account disabled, or a client revoked, keeps a token it
                // already has until it expires (refresh tokens stop at once). Five minutes is that window (docs/operations.md).
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                server.UseAspNetCore()
                    .SuppressJsonResponseIndentation()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends before the gateway (at the hosting's load balancer).
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddHostedService<ClientRegistration>();
        builder.Services.AddHostedService<DemoData>();
    }
}
