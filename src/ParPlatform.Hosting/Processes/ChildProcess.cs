using System.Diagnostics;

namespace ParPlatform.Hosting.Processes;

/// <summary>What to run: a program, its arguments and environment, and the OS user to run it as.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }

    /// <summary>Run as this OS user (only when the current process is root), e.g. "postgres".</summary>
    public string? User { get; init; }

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}

/// <summary>
/// A child process in its own session (so a Ctrl+C in the terminal reaches only the AppHost,
/// which then stops its children in order), with its output forwarded line by line.
/// </summary>
public sealed class ChildProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ChildProcess Start(ProcessSpec spec, Action<string> output)
    {
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        if (spec.User is not null && Signals.IsRoot)
        {
            foreach (var arg in new[] { "setpriv", $"--reuid={spec.User}", $"--regid={spec.User}", "--init-groups", "--" })
                info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Arguments)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in spec.Environment)
            info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.Exited += (_, _) => child._exited.TrySetResult(process.ExitCode);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var child = Start(spec, line => { lock (lines) lines.Add(line); });
        try
        {
            var code = await child.Exited.WaitAsync(timeout, cancellationToken);
            // Exited fires on SIGCHLD; give the pipes a moment to deliver the last lines.
            await Task.Delay(50, CancellationToken.None);
            lock (lines)
                return (code, string.Join('\n', lines));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await child.StopAsync(Signals.SigKill, TimeSpan.FromSeconds(5));
            throw new TimeoutException($"'{spec}' did not finish within {timeout.TotalSeconds:0} s.", e);
        }
    }

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="grace"/>, then kills.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (HasExited)
            return;
        Signals.Send(Id, signal);
        try
        {
            await Exited.WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            Signals.Send(Id, Signals.SigKill);
            await Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
