using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>
/// A valid token is answered from memory until it expires or for five minutes, whichever comes first;
/// anything else is validated in full. "From memory" shows as a token still accepted after its key was
/// taken out of the validation parameters, which a full validation refuses.
/// </summary>
public sealed class RememberingTokenHandlerTests : IDisposable
{
    private const string Issuer = "http://identity.test/";
    private const string Audience = "parplatform";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly RememberingTokenHandler _handler;

    public RememberingTokenHandlerTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "key-1" };
        _handler = new RememberingTokenHandler(_clock);
    }

    public void Dispose() => _rsa.Dispose();

    [Fact]
    public async Task A_valid_token_is_answered_from_memory_afterwards()
    {
        var token = Token(TimeSpan.FromHours(1));

        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var again = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.True(again.IsValid);
        Assert.Equal("officer-06112", again.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.False((await _handler.ValidateTokenAsync(Token(TimeSpan.FromHours(1)), Parameters())).IsValid);
    }

    [Fact]
    public async Task A_token_is_validated_again_after_five_minutes()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        _clock.Now += TimeSpan.FromMinutes(4);
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task A_token_is_not_remembered_past_its_expiry()
    {
        var token = Token(TimeSpan.FromMinutes(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        _clock.Now += TimeSpan.FromSeconds(61);

        Assert.False((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task An_altered_copy_of_a_remembered_token_is_refused()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("officer-06112", "officer-06181", StringComparison.Ordinal);
        var altered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await _handler.ValidateTokenAsync(altered, Parameters(_key));

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var token = Token(TimeSpan.FromHours(1));
        Assert.False((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        Assert.False((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
    }

    [Fact]
    public async Task Each_answer_has_an_identity_of_its_own()
    {
        var token = Token(TimeSpan.FromHours(1));
        var first = await _handler.ValidateTokenAsync(token, Parameters(_key));
        first.ClaimsIdentity.AddClaim(new Claim("role", "platform-admin"));
        var second = await _handler.ValidateTokenAsync(token, Parameters());
        second.ClaimsIdentity.AddClaim(new Claim("role", "platform-admin"));
        var third = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.True(third.IsValid);
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
        Assert.Null(third.ClaimsIdentity.FindFirst("role"));
    }

    private string Token(TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["sub"] = "officer-06112", ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = keys,
    };

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
