using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>
/// CPU time used by each part of the platform (a process and everything it started: PostgreSQL's
/// backends, the Erlang VM's helpers), read from /proc, and how busy the whole machine was.
/// </summary>
internal sealed class Cpu(IReadOnlyDictionary<string, int> roots)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public sealed record Sample(Dictionary<string, double> Seconds, double MachineBusy, double MachineTotal);

    /// <summary>
    /// The CPU seconds of each part between two samples, the machine's busy share (0–1), and the
    /// CPU seconds of everything else on the machine (another build, the system).
    /// </summary>
    public sealed record Usage(Dictionary<string, double> Seconds, double MachineBusyShare, double OtherSeconds);

    public Sample Take()
    {
        var processes = new Dictionary<int, (int Parent, double Ticks)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // pid (comm) state ppid … utime stime cutime cstime: fields after the command's closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = Enumerable.Range(11, 4).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        var children = processes.ToLookup(p => p.Value.Parent, p => p.Key);
        double Tree(int pid) => (processes.TryGetValue(pid, out var p) ? p.Ticks : 0) + children[pid].Sum(Tree);

        var seconds = roots.ToDictionary(r => r.Key, r => Tree(r.Value) / TicksPerSecond);
        // The benchmark's own process only (the servers it started are its children).
        seconds["bench client"] = processes.TryGetValue(Environment.ProcessId, out var self) ? self.Ticks / TicksPerSecond : 0;

        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = machine[3] + machine[4]; // idle, iowait
        var total = machine.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        return new Sample(seconds, total - idle, total);
    }

    public static Usage Between(Sample before, Sample after)
    {
        var seconds = after.Seconds.ToDictionary(s => s.Key, s => s.Value - before.Seconds.GetValueOrDefault(s.Key));
        var busy = after.MachineBusy - before.MachineBusy;
        return new Usage(seconds, busy / Math.Max(1, after.MachineTotal - before.MachineTotal),
            Math.Max(0, busy / TicksPerSecond - seconds.Values.Sum()));
    }
}
