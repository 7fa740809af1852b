namespace ParPlatform.Hosting.Processes;

/// <summary>The last lines a resource printed, kept for the dashboard.</summary>
public sealed class ConsoleTail(int capacity = 300)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public void Add(string line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
                _lines.Dequeue();
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
                return [.. _lines];
        }
    }
}
