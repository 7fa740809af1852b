namespace ParPlatform.ServiceDefaults.Imports;

/// <summary>
/// What is wrong with one row of an import: the row as the person sees it (a CSV file's line, the header
/// being line 1; an Excel row's number; a JSON array's item, from 1), the column, why (in Vietnamese).
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Reason);

/// <summary>
/// The problems of an import: every one counted, the first <see cref="MaxListed"/> by row kept to list,
/// so that a file of a million bad rows holds a thousand problems in memory, not a million.
/// </summary>
public sealed class ImportProblems
{
    /// <summary>Most problems listed in one answer (the count says how many there are).</summary>
    public const int MaxListed = 1000;

    private List<ImportProblem> _kept = [];

    public int Count { get; private set; }

    /// <summary>The first <see cref="MaxListed"/> problems by row; those of one row in the order they were found.</summary>
    public IReadOnlyList<ImportProblem> Listed => First();

    public void Add(int row, string? column, string reason) => Add(new ImportProblem(row, column, reason));

    public void Add(ImportProblem problem)
    {
        Count++;
        _kept.Add(problem);
        if (_kept.Count == 2 * MaxListed)
            _kept = First();
    }

    /// <summary>Adds another's problems: those it lists, and its count of those it does not.</summary>
    public void Add(ImportProblems other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var listed = other.Listed;
        foreach (var problem in listed)
            Add(problem);
        Count += other.Count - listed.Count;
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
            Add(problem);
    }

    private List<ImportProblem> First() => [.. _kept.OrderBy(p => p.Row).Take(MaxListed)];
}
