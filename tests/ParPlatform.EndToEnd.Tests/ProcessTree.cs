using System.Globalization;
using System.Runtime.InteropServices;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>The machine's processes as /proc shows them: parents, command lines, signals.</summary>
internal static partial class ProcessTree
{
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

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length > 0 && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
    }

    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

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
