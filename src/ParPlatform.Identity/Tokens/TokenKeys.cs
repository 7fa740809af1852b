using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.Identity.Tokens;

/// <summary>
/// The installation's token keys, from configuration (never from git): Identity:SigningKey, an
/// RSA private key in PEM, signs access tokens (its public half is published at
/// /.well-known/jwks); Identity:EncryptionKey, 32 bytes in base64, encrypts what only this
/// service reads back (authorization codes, refresh tokens). The AppHost generates both on first
/// start and keeps them in .parplatform/identity/.
/// </summary>
public sealed class TokenKeys
{
    public const string SigningKeyConfig = "Identity:SigningKey";
    public const string EncryptionKeyConfig = "Identity:EncryptionKey";

    private TokenKeys(RsaSecurityKey signing, SymmetricSecurityKey encryption)
    {
        Signing = signing;
        Encryption = encryption;
    }

    public RsaSecurityKey Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    public static TokenKeys FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var pem = configuration[SigningKeyConfig];
        var encryption = configuration[EncryptionKeyConfig];
        if (string.IsNullOrWhiteSpace(pem) || string.IsNullOrWhiteSpace(encryption))
        {
            throw new InvalidOperationException(
                $"{SigningKeyConfig} (an RSA private key in PEM) and {EncryptionKeyConfig} (32 random bytes in base64) must be " +
                "configured (environment variables Identity__SigningKey, Identity__EncryptionKey). The AppHost generates them per installation.");
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var signing = new RsaSecurityKey(rsa);
        signing.KeyId = Base64UrlEncoder.Encode(signing.ComputeJwkThumbprint());
        var encryptionBytes = Convert.FromBase64String(encryption);
        if (encryptionBytes.Length != 32)
            throw new InvalidOperationException($"{EncryptionKeyConfig} must be 32 bytes (256 bits) in base64.");
        return new TokenKeys(signing, new SymmetricSecurityKey(encryptionBytes));
    }
}
