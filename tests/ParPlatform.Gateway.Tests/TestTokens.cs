using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// The identity service's signing key as the tests know it: the fake identity service publishes
/// its public half at /.well-known/jwks, and the tests mint access tokens with it.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://issuer.test/";
    public const string Audience = "parplatform-api";
    public const string KeyId = "test-signing-key";

    private static readonly RSA SigningKey = RSA.Create(2048);

    public static RsaSecurityKey Key { get; } = new(SigningKey) { KeyId = KeyId };

    /// <summary>The JSON Web Key Set with the public half of <see cref="Key"/> only.</summary>
    public static string KeySet()
    {
        var publicKey = new RsaSecurityKey(SigningKey.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        });
    }

    public static string UnitOfficer(string unit = "06112", string province = "20", string subject = "officer-06112") =>
        Create(("sub", subject), ("role", "unit-officer"), ("unit", unit), ("province", province));

    public static string ProvinceReviewer(string province = "20", string subject = "reviewer-20") =>
        Create(("sub", subject), ("role", "province-reviewer"), ("province", province));

    public static string PlatformAdmin(string subject = "admin") =>
        Create(("sub", subject), ("role", "platform-admin"));

    /// <summary>A token valid for ten minutes from a minute ago, signed with <see cref="Key"/>.</summary>
    public static string Create(params (string Type, string Value)[] claims) => Create(Descriptor(claims));

    /// <summary>A token of <paramref name="claims"/> that <paramref name="change"/> spoils.</summary>
    public static string Create(Action<SecurityTokenDescriptor> change, params (string Type, string Value)[] claims)
    {
        ArgumentNullException.ThrowIfNull(change);
        var descriptor = Descriptor(claims);
        change(descriptor);
        return Create(descriptor);
    }

    private static SecurityTokenDescriptor Descriptor((string Type, string Value)[] claims)
    {
        var now = DateTime.UtcNow;
        return new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        };
    }

    private static string Create(SecurityTokenDescriptor descriptor) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
}
