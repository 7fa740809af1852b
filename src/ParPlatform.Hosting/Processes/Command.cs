using System.Diagnostics;

namespace ParPlatform.Hosting.Processes;

/// <summary>A short command run to completion (initdb, chown, rabbitmqctl), as another OS user when asked.</summary>
public static class Command
{
    /// <summary>
    /// Runs <paramref name="fileName"/> and returns its exit code and output (stdout and stderr);
    /// as <paramref name="user"/> (through setpriv) when given and the AppHost is root.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        string? user = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var command = AsUser(user, fileName, arguments);
        info.FileName = command[0];
        foreach (var argument in command.Skip(1))
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s.");
        }
        return (process.ExitCode, (await output + await errors).Trim());
    }

    /// <summary>The command line that runs a program as <paramref name="user"/> when the AppHost is root, else as is.</summary>
    public static IReadOnlyList<string> AsUser(string? user, string fileName, IReadOnlyList<string> arguments) =>
        user is not null && Signals.IsRoot
            ? ["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--", fileName, .. arguments]
            : [fileName, .. arguments];
}
