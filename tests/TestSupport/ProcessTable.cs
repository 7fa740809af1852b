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
        [.. IdsUsing(directory).Select(pid => $"{pid}: {CommandLine(pid)} (in {WorkingDirectory(pid)})")];

    /// <summary>The ids of the processes <see cref="Using"/> describes.</summary>
    public static List<int> IdsUsing(string directory) =>
        [.. All()
            .Where(IsAlive)
            .Where(pid => CommandLine(pid).Contains(directory, StringComparison.Ordinal)
                || WorkingDirectory(pid).StartsWith(directory, StringComparison.Ordinal)
                || Read($"/proc/{pid}/environ").Contains(directory, StringComparison.Ordinal))];

    /// <summary>The TCP sockets the processes listen on, as "address:port" (IPv4 dotted; IPv6 [::1], [::] or as /proc writes it).</summary>
    public static List<string> ListeningSockets(IEnumerable<int> pids)
    {
        var inodes = pids.SelectMany(pid =>
            {
                try
                {
                    return Directory.GetFiles($"/proc/{pid}/fd");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return [];
                }
            })
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target?.StartsWith("socket:[", StringComparison.Ordinal) == true)
            .Select(target => target![8..^1])
            .ToHashSet(StringComparer.Ordinal);
        var listening = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in Read(table).Split('\n').Skip(1))
            {
                // sl local_address rem_address st … inode: state 0A is LISTEN; the address is hex, IPv4 in little-endian order.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] != "0A" || !inodes.Contains(fields[9]))
                    continue;
                var (address, port) = (fields[1].Split(':')[0], Convert.ToInt32(fields[1].Split(':')[1], 16));
                listening.Add(address switch
                {
                    { Length: 8 } => $"{string.Join('.', Enumerable.Range(0, 4).Select(i => Convert.ToInt32(address.Substring(6 - 2 * i, 2), 16)))}:{port}",
                    "00000000000000000000000001000000" => $"[::1]:{port}",
                    "00000000000000000000000000000000" => $"[::]:{port}",
                    _ => $"[{address}]:{port}",
                });
            }
        }
        return listening;
    }

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
