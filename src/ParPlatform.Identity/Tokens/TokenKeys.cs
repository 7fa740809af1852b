using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.Identity.Tokens;

/// <summary>
/// The installation's token keys (<see cref="IdentityServiceOptions.SigningKey"/> and
/// <see cref="IdentityServiceOptions.EncryptionKey"/>): the signing key with its key id, the encryption key.
/// </summary>
public sealed class TokenKeys
{
    private TokenKeys(RsaSecurityKey signing, SymmetricSecurityKey encryption)
    {
        Signing = signing;
        Encryption = encryption;
    }

    public RsaSecurityKey Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    public static TokenKeys From(IdentityServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rsa = RSA.Create();
        rsa.ImportFromPem(options.SigningKey);
        var signing = new RsaSecurityKey(rsa);
        signing.KeyId = Base64UrlEncoder.Encode(signing.ComputeJwkThumbprint());
        return new TokenKeys(signing, new SymmetricSecurityKey(Convert.FromBase64String(options.EncryptionKey)));
    }
}
