using System.Text.RegularExpressions;
using ParPlatform.Contracts.Plans;
using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Plans.Domain;

/// <summary>
/// One row of a task table in the shape of seed 002's appendix ("PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"):
/// number, area / criterion / sub-criterion, content (an expected output or a criterion), lead, cooperating bodies,
/// timeframe, note.
/// </summary>
public sealed record TaskTableRow(
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.NumberColumn)][ColumnName(TaskTableRow.NumberColumn)][RequiredColumn] string? Number,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.NameColumn)][ColumnName(TaskTableRow.NameColumn)][RequiredColumn] string? Name,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.ContentColumn)][ColumnName(TaskTableRow.ContentColumn)][RequiredColumn] string? Content,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.LeadColumn)][ColumnName(TaskTableRow.LeadColumn)][RequiredColumn] string? Lead,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.CooperatingColumn)][ColumnName(TaskTableRow.CooperatingColumn)][RequiredColumn] string? Cooperating,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.TimeColumn)][ColumnName(TaskTableRow.TimeColumn)][RequiredColumn] string? Time,
    [property: System.Text.Json.Serialization.JsonPropertyName(TaskTableRow.NoteColumn)][ColumnName(TaskTableRow.NoteColumn)] string? Note)
{
    public const string NumberColumn = "STT";
    public const string NameColumn = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần";
    public const string ContentColumn = "Nội dung, nhiệm vụ và giải pháp";
    public const string LeadColumn = "Chủ trì";
    public const string CooperatingColumn = "Phối hợp";
    public const string TimeColumn = "Thời gian";
    public const string NoteColumn = "Ghi chú";
}

/// <summary>
/// Turns a task table's rows into tasks, checked whole. A row with nothing in the content, lead, cooperating and time
/// columns structures the table: a number without a dot opens an area (recognised by its title: "CÔNG TÁC CHỈ ĐẠO…",
/// "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH TTHC"…), a dotted number a sub-group ("3.1 Công khai, minh bạch…"). Every other row is a task of the current
/// area, in the current sub-group when its number falls under it (or it has none). The content column is the task's
/// criterion when it states a number (a rate or a count), its expected output otherwise. A task timed by the province
/// ("Theo văn bản của tỉnh", "Sau khi có Quyết định của UBND tỉnh"…) is marked province-assigned; the table has no other sign of it.
/// </summary>
public static partial class TaskTable
{
    private static readonly (string Words, ParArea Area)[] AreaTitles =
    [
        ("chi dao", ParArea.Direction), ("the che", ParArea.Institutions), ("thu tuc hanh chinh", ParArea.Procedures), ("tthc", ParArea.Procedures),
        ("bo may", ParArea.Organization), ("cong vu", ParArea.CivilService), ("tai chinh cong", ParArea.PublicFinance),
        ("chinh quyen so", ParArea.DigitalGovernment), ("chinh quyen dien", ParArea.DigitalGovernment), ("tac dong", ParArea.Impact),
    ];

    /// <summary>The tasks of <paramref name="rows"/> (row number, row), or none and every bad row's problems.</summary>
    public static (List<TaskContent> Tasks, ImportProblems Problems) Build(IReadOnlyList<(int Row, TaskTableRow Cells)> rows, BodyNames bodies)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(bodies);
        var problems = new ImportProblems();
        var tasks = new List<TaskContent>();
        ParArea? area = null;
        (string Code, string Title)? group = null;
        foreach (var (row, cells) in rows)
        {
            var number = Trim(cells.Number);
            var name = Trim(cells.Name);
            if (number is null && name is null && Trim(cells.Content) is null && Trim(cells.Lead) is null && Trim(cells.Cooperating) is null
                && Trim(cells.Time) is null && Trim(cells.Note) is null)
                continue;
            if (Trim(cells.Content) is null && Trim(cells.Lead) is null && Trim(cells.Cooperating) is null && Trim(cells.Time) is null)
            {
                if (number is null || name is null)
                {
                    problems.Add(row, number is null ? TaskTableRow.NumberColumn : TaskTableRow.NameColumn,
                        "Dòng lĩnh vực hoặc nhóm tiêu chí cần số thứ tự và tên; dòng nhiệm vụ cần nội dung, chủ trì hoặc thời gian.");
                    continue;
                }
                if (!number.Contains('.', StringComparison.Ordinal))
                {
                    area = AreaOf(name);
                    group = null;
                    if (area is null)
                        problems.Add(row, TaskTableRow.NameColumn, "Không nhận ra lĩnh vực CCHC của dòng này (chỉ đạo điều hành, thể chế, TTHC, bộ máy, công vụ, tài chính công, chính quyền điện tử/số, tác động).");
                }
                else
                {
                    group = (number, $"{number} {name}");
                }
                continue;
            }
            if (name is null)
                problems.Add(row, TaskTableRow.NameColumn, "Nhiệm vụ cần tên (tiêu chí, nội dung).");
            if (number is not null && !NumberPattern().IsMatch(number))
                problems.Add(row, TaskTableRow.NumberColumn, "Số thứ tự dạng 1.2 hoặc 3.3.1.");
            var unknownLeads = new List<string>();
            var leads = bodies.Match(cells.Lead, roles: false, unknownLeads);
            foreach (var unknown in unknownLeads)
                problems.Add(row, TaskTableRow.LeadColumn, $"Không có \"{unknown}\" trong danh mục cơ quan, đơn vị của đơn vị.");
            var unknownPartners = new List<string>();
            var cooperating = bodies.Match(cells.Cooperating, roles: true, unknownPartners);
            foreach (var unknown in unknownPartners)
                problems.Add(row, TaskTableRow.CooperatingColumn, $"Không có \"{unknown}\" trong danh mục cơ quan, đơn vị của đơn vị.");
            var timeframe = Timeframe.Parse(cells.Time);
            if (timeframe is null)
                problems.Add(row, TaskTableRow.TimeColumn, Timeframe.FormatError);
            if (name is null || leads is null || cooperating is null || timeframe is null || (number is not null && !NumberPattern().IsMatch(number)))
                continue;
            var content = Trim(cells.Content);
            var isCriterion = content is not null && content.Any(char.IsAsciiDigit);
            var inGroup = group is { } g && (number is null || number.StartsWith(g.Code + ".", StringComparison.Ordinal));
            tasks.Add(new TaskContent(number, area, inGroup ? group!.Value.Title : null, name, isCriterion ? null : content, isCriterion ? content : null,
                null, leads, cooperating, timeframe, ProvinceAssigned: timeframe.SetByProvince, Trim(cells.Note)));
        }
        return (problems.Count == 0 ? tasks : [], problems);
    }

    private static ParArea? AreaOf(string title)
    {
        var folded = Timeframe.Fold(title);
        return AreaTitles.Where(a => folded.Contains(a.Words, StringComparison.Ordinal)).Select(a => (ParArea?)a.Area).FirstOrDefault();
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex NumberPattern();
}
