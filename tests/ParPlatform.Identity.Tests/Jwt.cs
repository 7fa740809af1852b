using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.Identity.Tests;

/// <summary>Reads and mints JWTs for the tests.</summary>
public static class Jwt
{
    /// <summary>The payload of a token, read without validating it.</summary>
    public static JsonElement Payload(string token)
    {
        var part = token.Split('.')[1];
        return JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(part))).RootElement;
    }

    /// <summary>A token signed with <paramref name="key"/> for a platform administrator, as the caller shapes it.</summary>
    public static string Mint(
        System.Security.Cryptography.RSA key, string issuer, string audience, DateTime notBefore, DateTime expires, string tokenType = "at+jwt")
    {
        var signingKey = new RsaSecurityKey(key);
        signingKey.KeyId = Base64UrlEncoder.Encode(signingKey.ComputeJwkThumbprint());
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = tokenType,
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", "admin-test"), new Claim("role", "platform-admin")]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
