using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// A procedure catalogue file (rows of <see cref="ProcedureInput"/>), checked whole before anything is
/// written: every row valid, no code twice.
/// </summary>
public static class ProcedureImport
{
    /// <summary>The problems of rows already read: field rules and repeated codes.</summary>
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
