using System.Runtime.InteropServices;

namespace ParPlatform.Hosting.Processes;

/// <summary>POSIX process primitives .NET does not expose: signals, effective user.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>True while a process with this id exists (zombies excluded).</summary>
    public static bool IsAlive(int pid)
    {
        var status = $"/proc/{pid}/stat";
        if (!File.Exists(status))
            return false;
        try
        {
            // Field 3 of /proc/<pid>/stat is the state; Z is a zombie (exited, not yet reaped).
            var stat = File.ReadAllText(status);
            var afterName = stat[(stat.LastIndexOf(')') + 2)..];
            return afterName[0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The command line of a live process, arguments separated by spaces; empty when gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
