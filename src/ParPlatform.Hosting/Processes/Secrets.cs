using System.Security.Cryptography;

namespace ParPlatform.Hosting.Processes;

/// <summary>Generated per-installation passwords and keys, kept in files only their owner can read (0600).</summary>
public static class Secrets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>
    /// Reads the secret in <paramref name="path"/>, creating it first when missing with
    /// <paramref name="create"/> (default: a <see cref="Generate"/>d password).
    /// </summary>
    public static string ReadOrCreate(string path, Func<string>? create = null)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var secret = (create ?? (() => Generate()))();
        Write(path, secret);
        return secret;
    }

    /// <summary>A new RSA private key (2048 bits) in PEM.</summary>
    public static string NewRsaKeyPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>256 random bits in base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static void Write(string path, string secret)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(secret);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
