using System.Globalization;
using System.Runtime.InteropServices;

namespace ParPlatform.TestSupport;

/// <summary>The machine's processes as /proc shows them: parents, command lines, environments, signals.</summary>
public static partial class ProcessTable
{
    /// <summary>The property of an executable resource's snapshot that holds its process id.</summary>
    public const string PidProperty = "executable.pid";

    /// <summary>True while a process with this id exists (zombies excluded).</summary>
    public static bool IsAlive(int pid)
    {
        // Field 3 of /proc/<pid>/stat is the state; Z is a zombie (exited, not yet reaped).
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length > 0 && stat[stat.LastIndexOf(')') + 2] != 'Z';
    }

    /// <summary>The command line of a live process, arguments separated by spaces; empty when gone.</summary>
    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>The given processes and every process below them, by parent id.</summary>
    public static List<int> DescendantsOf(IEnumerable<int> roots)
    {
        var parents = All().ToDictionary(pid => pid, Parent);
        var found = new HashSet<int>(roots);
        bool grew;
        do
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (!found.Contains(pid) && found.Contains(parent))
                    grew = found.Add(pid);
            }
        }
        while (grew);
        return [.. found];
    }

    public static IEnumerable<int> WithCommandLineContaining(string text) =>
        All().Where(pid => CommandLine(pid).Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// Live processes whose command line names <paramref name="directory"/> (postgres -D …, beam.smp … mnesia …),
    /// whose working directory is in it (epmd, PostgreSQL's helper processes) or whose environment names it
    /// (anything the RabbitMQ node or its scripts start, even a daemon that left its working directory).
    /// </summary>
    public static List<string> Using(string directory) =>
        [.. All()
            .Where(IsAlive)
            .Select(pid => (Pid: pid, CommandLine: CommandLine(pid), WorkingDirectory: WorkingDirectory(pid)))
            .Where(p => p.CommandLine.Contains(directory, StringComparison.Ordinal)
                || p.WorkingDirectory.StartsWith(directory, StringComparison.Ordinal)
                || Read($"/proc/{p.Pid}/environ").Contains(directory, StringComparison.Ordinal))
            .Select(p => $"{p.Pid}: {p.CommandLine} (in {p.WorkingDirectory})")];

    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new InvalidOperationException($"Could not send signal {signal} to process {pid}.");
    }

    private static IEnumerable<int> All() =>
        Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture));

    private static int Parent(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length == 0 ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static string WorkingDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
