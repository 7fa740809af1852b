using System.ComponentModel.DataAnnotations;

namespace ParPlatform.Identity;

/// <summary>
/// The identity service's own settings from the "Identity" section (beside <c>Issuer</c>, which every service
/// reads): the installation's token keys, never from git — the AppHost generates both on first start and keeps
/// them in .parplatform/identity/ (environment variables <c>Identity__SigningKey</c>, <c>Identity__EncryptionKey</c>) —
/// and whether the demo province, units and accounts are created.
/// </summary>
public sealed class IdentityServiceOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>An RSA private key in PEM: signs access tokens (its public half is published at /.well-known/jwks).</summary>
    [Required(ErrorMessage = "is not configured: an RSA private key in PEM (the AppHost generates one per installation).")]
    public string SigningKey { get; set; } = "";

    /// <summary>32 random bytes in base64: encrypts what only this service reads back (authorization codes, refresh tokens).</summary>
    [Required(ErrorMessage = "is not configured: 32 random bytes in base64 (the AppHost generates them per installation).")]
    public string EncryptionKey { get; set; } = "";

    /// <summary>Creates the demo data on an empty registry (Development only; docs/operations.md).</summary>
    public bool DemoData { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EncryptionKey.Length > 0 && !(Convert.TryFromBase64String(EncryptionKey, new byte[32], out var length) && length == 32))
            yield return new ValidationResult("must be 32 bytes (256 bits) in base64.", [nameof(EncryptionKey)]);
    }
}
