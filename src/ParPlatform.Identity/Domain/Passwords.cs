using System.Security.Cryptography;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity.Domain;

/// <summary>What a password must be, and the passwords and secrets the platform generates itself.</summary>
public static class Passwords
{
    public const int MinLength = 10;

    /// <summary>Letters and digits that cannot be misread for one another (no I, l, O, 0, 1).</summary>
    private const string Readable = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Adds the rule's error for <paramref name="field"/> when <paramref name="password"/> breaks it.</summary>
    public static FieldErrors Check(FieldErrors errors, string field, string? password)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (password is null || password.Length < MinLength || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            errors.Add(field, $"Mật khẩu có ít nhất {MinLength} ký tự, gồm cả chữ và số.");
        return errors;
    }

    /// <summary>A random secret of <paramref name="length"/> readable characters.</summary>
    public static string Generate(int length)
    {
        // At least one letter and one digit, as the rule asks (a 20-character draw without a digit is rare, not impossible).
        while (true)
        {
            var secret = RandomNumberGenerator.GetString(Readable, length);
            if (secret.Any(char.IsDigit) && secret.Any(char.IsLetter))
                return secret;
        }
    }
}
