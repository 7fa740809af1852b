using System.Security.Cryptography;

namespace ParPlatform.Hosting.Processes;

/// <summary>Generated per-installation passwords and keys, kept in files only their owner can read (0600).</summary>
public static class Secrets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate(int length = 32) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Reads the secret in <paramref name="path"/>, creating it first when missing.</summary>
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var secret = Generate();
        Write(path, secret);
        return secret;
    }

    /// <summary>An RSA private key (PEM) in <paramref name="path"/>, created first when missing.</summary>
    public static string ReadOrCreateRsaKey(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        Write(path, pem);
        return pem;
    }

    /// <summary>256 random bits in base64 in <paramref name="path"/>, created first when missing.</summary>
    public static string ReadOrCreateKey(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Write(path, key);
        return key;
    }

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
