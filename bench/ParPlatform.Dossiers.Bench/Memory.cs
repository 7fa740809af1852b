using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>
/// A process's resident memory, read from /proc/&lt;pid&gt;/status: now (VmRSS), and its peak since it started (VmHWM),
/// which no sampling can miss. A phase's growth is its peak after it less what it held before.
/// </summary>
internal sealed class Memory(int pid)
{
    public long ResidentBytes => Read("VmRSS:");

    public long PeakResidentBytes => Read("VmHWM:");

    public static string Megabytes(long bytes) => (bytes / 1e6).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private long Read(string field)
    {
        // "VmRSS:	  123456 kB"
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
