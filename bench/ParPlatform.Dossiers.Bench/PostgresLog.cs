using System.Collections.Concurrent;
using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>
/// PostgreSQL's output while <see cref="Capturing"/>, to count the statements a few requests send
/// (with log_statement = 'all' and log_line_prefix = '%d ').
/// </summary>
internal sealed class PostgresLog
{
    private readonly ConcurrentQueue<string> _lines = new();
    private volatile bool _capturing;

    public bool Capturing
    {
        get => _capturing;
        set => _capturing = value;
    }

    /// <summary>Receives every line of every resource (PlatformOptions.Output).</summary>
    public void Add(string resource, string line)
    {
        if (_capturing && resource == "postgres")
            _lines.Enqueue(line);
    }

    /// <summary>
    /// The statements <paramref name="database"/> received, per request: a count of each (its first
    /// 100 characters), and how many were unprepared ("execute &lt;unnamed&gt;"), prepared, or simple queries.
    /// </summary>
    public IEnumerable<string> Statements(string database, int requests)
    {
        const string Log = "LOG:  ";
        var statements = _lines
            .Where(l => l.StartsWith(database + " ", StringComparison.Ordinal) && l.Contains(Log, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(Log, StringComparison.Ordinal) + Log.Length)..])
            .Where(s => s.StartsWith("statement: ", StringComparison.Ordinal) || s.StartsWith("execute ", StringComparison.Ordinal))
            .ToList();
        string Per(int count) => (count / (double)requests).ToString("0.#", CultureInfo.InvariantCulture);
        yield return "| statements | per request |";
        yield return "|---|---|";
        foreach (var group in statements.GroupBy(s => s.Length > 100 ? s[..100] + " …" : s).OrderByDescending(g => g.Count()))
            yield return $"| `{group.Key.Replace("|", "\\\\|", StringComparison.Ordinal)}` | {Per(group.Count())} |";
        yield return $"| **all** (unprepared `execute <unnamed>` {Per(statements.Count(s => s.StartsWith("execute <unnamed>", StringComparison.Ordinal)))}, "
            + $"simple-protocol `statement:` {Per(statements.Count(s => s.StartsWith("statement: ", StringComparison.Ordinal)))}) | **{Per(statements.Count)}** |";
    }
}
