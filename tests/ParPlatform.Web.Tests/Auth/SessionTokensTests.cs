using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ParPlatform.Web.Auth;

namespace ParPlatform.Web.Tests.Auth;

/// <summary>
/// A person's tokens on the server: used while they live, refreshed with the refresh token when they are about to expire
/// (access tokens live 5 minutes), and the session ended when the identity service refuses the refresh.
/// </summary>
public sealed class SessionTokensTests : IDisposable
{
    private static readonly DateTimeOffset SignedInAt = new(2026, 3, 5, 2, 0, 0, TimeSpan.Zero);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly ServerTicketStore _store;
    private readonly Clock _clock = new() { Now = SignedInAt };
    private readonly TokenEndpoint _identity = new();
    private readonly HttpClient _backchannel;
    private readonly SessionTokens _tokens;
    private readonly ClaimsPrincipal _user;

    public SessionTokensTests()
    {
        _store = new ServerTicketStore(_cache);
        _backchannel = new HttpClient(_identity);
        var options = new OpenIdConnectOptions
        {
            ClientId = SignIn.ClientId,
            Backchannel = _backchannel,
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { TokenEndpoint = "http://localhost:5080/connect/token" }),
        };
        _tokens = new SessionTokens(_store, new Monitor(options), _clock);
        _user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(WebClaims.Session, "s1")], "test"));
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "access-1" },
            new AuthenticationToken { Name = "refresh_token", Value = "refresh-1" },
            new AuthenticationToken { Name = "expires_at", Value = SignedInAt.AddMinutes(5).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        _store.StoreAsync(new AuthenticationTicket(_user, properties, "Cookies")).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_token_with_time_to_live_is_used_as_it_is()
    {
        _clock.Now = SignedInAt.AddMinutes(4);

        Assert.Equal("access-1", await _tokens.AccessTokenAsync(_user, CancellationToken.None));
        Assert.Empty(_identity.Requests);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_and_the_rotated_refresh_token_kept()
    {
        _identity.Answer = (HttpStatusCode.OK, """{"access_token":"access-2","refresh_token":"refresh-2","expires_in":300,"token_type":"Bearer"}""");
        _clock.Now = SignedInAt.AddMinutes(4).AddSeconds(45);

        Assert.Equal("access-2", await _tokens.AccessTokenAsync(_user, CancellationToken.None));
        Assert.Equal(["grant_type=refresh_token&client_id=parplatform-web&refresh_token=refresh-1"], _identity.Requests);

        // The next call within the new token's 5 minutes uses it; the one after them refreshes with the new refresh token.
        _clock.Now = SignedInAt.AddMinutes(9);
        Assert.Equal("access-2", await _tokens.AccessTokenAsync(_user, CancellationToken.None));
        _identity.Answer = (HttpStatusCode.OK, """{"access_token":"access-3","expires_in":300,"token_type":"Bearer"}""");
        _clock.Now = SignedInAt.AddMinutes(10);
        Assert.Equal("access-3", await _tokens.AccessTokenAsync(_user, CancellationToken.None));
        Assert.EndsWith("refresh_token=refresh-2", _identity.Requests[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session()
    {
        // Signed out elsewhere, or the account disabled: the identity service has revoked the refresh token.
        _identity.Answer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Tài khoản không còn được phép đăng nhập."}""");
        _clock.Now = SignedInAt.AddMinutes(6);

        await Assert.ThrowsAsync<SessionEndedException>(() => _tokens.AccessTokenAsync(_user, CancellationToken.None));
        Assert.Null(await _store.RetrieveAsync("s1"));
        await Assert.ThrowsAsync<SessionEndedException>(() => _tokens.AccessTokenAsync(_user, CancellationToken.None));
        Assert.Single(_identity.Requests);
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _backchannel.Dispose();
        _identity.Dispose();
        _cache.Dispose();
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Monitor(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;

        public OpenIdConnectOptions Get(string? name) => name == OpenIdConnectDefaults.AuthenticationScheme ? options : throw new KeyNotFoundException(name);

        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }

    /// <summary>The identity service's token endpoint: records each request's form and gives the answer set.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public (HttpStatusCode Status, string Json) Answer { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("http://localhost:5080/connect/token", request.RequestUri!.ToString());
            Requests.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(Answer.Status) { Content = new StringContent(Answer.Json, Encoding.UTF8, "application/json") };
        }
    }
}
