namespace ParPlatform.Hosting.Tests;

/// <summary>What /proc tells of the machine's processes.</summary>
public static class Processes
{
    /// <summary>The property of an executable resource's snapshot that holds its process id.</summary>
    public const string PidProperty = "executable.pid";

    /// <summary>True while a process with this id exists (zombies excluded).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            // Field 3 of /proc/<pid>/stat is the state; Z is a zombie (exited, not yet reaped).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
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
    }

    /// <summary>
    /// Live processes whose command line names <paramref name="directory"/> (postgres -D …, beam.smp … mnesia …),
    /// whose working directory is in it (epmd, PostgreSQL's helper processes) or whose environment names it
    /// (anything the RabbitMQ node or its scripts start, even a daemon that left its working directory).
    /// </summary>
    public static List<string> Using(string directory) =>
        [.. Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(IsAlive)
            .Select(pid => (Pid: pid, CommandLine: CommandLine(pid), WorkingDirectory: WorkingDirectory(pid)))
            .Where(p => p.CommandLine.Contains(directory, StringComparison.Ordinal)
                || p.WorkingDirectory.StartsWith(directory, StringComparison.Ordinal)
                || Environment(p.Pid).Contains(directory, StringComparison.Ordinal))
            .Select(p => $"{p.Pid}: {p.CommandLine} (in {p.WorkingDirectory})")];

    private static string Environment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
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
}
