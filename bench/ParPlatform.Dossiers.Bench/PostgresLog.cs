using System.Globalization;

namespace ParPlatform.Dossiers.Bench;

/// <summary>
/// PostgreSQL's output between two marks it logged (<see cref="Expect"/>), to count the statements a few requests send
/// (log_statement = 'all') or time them (log_min_duration_statement = 0), with log_line_prefix = '%d '.
/// </summary>
internal sealed class PostgresLog
{
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private string? _start;
    private string? _end;
    private bool _capturing;
    private TaskCompletionSource _captured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the end mark of the last <see cref="Expect"/> has been seen.</summary>
    public Task Captured => _captured.Task;

    /// <summary>Forgets what was captured; the lines after the returned start mark and before the end mark will be.</summary>
    public (string Start, string End) Expect()
    {
        lock (_lock)
        {
            _lines.Clear();
            _capturing = false;
            _captured = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var mark = Guid.NewGuid().ToString("N");
            (_start, _end) = ("bench-start-" + mark, "bench-end-" + mark);
            return (_start, _end);
        }
    }

    /// <summary>Receives every line PostgreSQL writes, as the orchestrator streams it: the time it was read, a space, the line.</summary>
    public void Add(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            line = line[(space + 1)..];
        lock (_lock)
        {
            if (_start is not null && line.Contains(_start, StringComparison.Ordinal))
                _capturing = true;
            else if (_end is not null && line.Contains(_end, StringComparison.Ordinal))
            {
                _capturing = false;
                _captured.TrySetResult();
            }
            else if (_capturing)
                _lines.Add(line);
        }
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
