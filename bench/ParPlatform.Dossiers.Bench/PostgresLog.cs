using System.Collections.Concurrent;
using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>
/// PostgreSQL's output while <see cref="Capturing"/>, to count the statements a few requests send
/// (log_statement = 'all') or time them (log_min_duration_statement = 0), with log_line_prefix = '%d '.
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

    public void Clear() => _lines.Clear();

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

    /// <summary>
    /// The time PostgreSQL spent on the statements <paramref name="database"/> received (parse, bind and
    /// execute), per request: in total, and for each statement (its first 80 characters).
    /// </summary>
    public (double Total, List<(string Statement, double Milliseconds)> ByStatement) Durations(string database, int requests)
    {
        const string Duration = "LOG:  duration: ";
        var timed = _lines
            .Where(l => l.StartsWith(database + " ", StringComparison.Ordinal) && l.Contains(Duration, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(Duration, StringComparison.Ordinal) + Duration.Length)..])
            .Select(l => (Milliseconds: double.Parse(l[..l.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture),
                Statement: l[(l.IndexOf("ms  ", StringComparison.Ordinal) + 4)..]))
            .ToList();
        var byStatement = timed
            .GroupBy(t => t.Statement.Length > 80 ? t.Statement[..80] + " …" : t.Statement)
            .Select(g => (g.Key, g.Sum(t => t.Milliseconds) / requests))
            .OrderByDescending(g => g.Item2)
            .ToList();
        return (timed.Sum(t => t.Milliseconds) / requests, byStatement);
    }
}
