using System.Globalization;

namespace ParPlatform.Dossiers.Domain;

/// <summary>What is wrong with one row of an import: its CSV line (or item number in a JSON array), the column, why.</summary>
public sealed record ImportProblem(int Row, string? Column, string Reason);

/// <summary>
/// A procedure catalogue file, checked whole before anything is written: every row valid, no
/// code twice. Rows are numbered as the person sees them: CSV by line (the header is line 1),
/// JSON by item (from 1).
/// </summary>
public static class ProcedureImport
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "name", "field", "timeLimit", "timeLimitUnit", "fee", "onlineLevel", "interLevel", "active"];

    public static readonly IReadOnlyList<string> RequiredColumns = ["code", "name", "field", "timeLimit"];

    /// <summary>The rows of a CSV file with a header line, or the problems that stop it.</summary>
    public static (List<(int Row, ProcedureInput Input)> Rows, List<ImportProblem> Problems) FromCsv(string text)
    {
        var (records, problems) = ImportCells.FromCsv(text, Columns, RequiredColumns);
        var rows = new List<(int Row, ProcedureInput Input)>();
        foreach (var (line, cells) in records)
        {
            var before = problems.Count;
            var input = new ProcedureInput(
                ImportCells.Text(cells, "code"), ImportCells.Text(cells, "name"), ImportCells.Text(cells, "field"),
                ImportCells.Number(cells, "timeLimit", line, problems), ImportCells.Text(cells, "timeLimitUnit"),
                ImportCells.WholeNumber(cells, "fee", line, problems), ImportCells.Text(cells, "onlineLevel"),
                ImportCells.Flag(cells, "interLevel", line, problems), ImportCells.Flag(cells, "active", line, problems));
            if (problems.Count == before)
                rows.Add((line, input));
        }
        problems.AddRange(Check(rows));
        return (rows, problems);
    }

    /// <summary>The problems of rows already read (a JSON array, or CSV rows that parsed): field rules and repeated codes.</summary>
    public static List<ImportProblem> Check(IEnumerable<(int Row, ProcedureInput Input)> rows)
    {
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, input) in rows)
        {
            foreach (var (column, reasons) in input.Validate().ToDictionary())
                problems.AddRange(reasons.Select(reason => new ImportProblem(row, column, reason)));
            if (input.Code is not null && !seen.TryAdd(input.Code, row))
                problems.Add(new ImportProblem(row, "code", $"Mã {input.Code} đã có ở dòng {seen[input.Code]}."));
        }
        return problems;
    }
}
