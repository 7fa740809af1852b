using System.IO.Pipelines;
using System.Text;
using ParPlatform.ServiceDefaults.Imports;
using ParPlatform.TestSupport;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>The import kit on Excel workbooks built with the Open XML SDK (TestSupport/Workbooks): rows numbered as Excel shows them.</summary>
public sealed class XlsxImportTests
{
    public sealed record Entry([RequiredColumn] string? Code, [RequiredColumn] string? Name, decimal? Amount, bool? Active, DateTimeOffset? At, DateOnly? On);

    [Fact]
    public async Task The_first_sheet_reads_shared_and_inline_strings_numbers_booleans_and_dates_by_their_excel_rows()
    {
        var file = Workbooks.Build(
            ["code", "name", "amount", "active", "at", "on"],
            ["1.001612", new InlineText(" Đăng ký khai sinh "), 0.5m, true, new DateTime(2026, 1, 5, 8, 15, 0), new DateOnly(2026, 1, 5)],
            [], // no row 3
            [null, new InlineText("")], // a row of empty cells
            ["1.001613", "Chứng thực", 4, false, null, null]);

        var (rows, problems) = await ReadAsync(file);

        Assert.Equal(0, problems.Count);
        Assert.Equal([2, 5], rows.Select(r => r.Row));
        Assert.Equal(
            new Entry("1.001612", "Đăng ký khai sinh", 0.5m, true, new DateTimeOffset(2026, 1, 5, 1, 15, 0, TimeSpan.Zero), new DateOnly(2026, 1, 5)),
            rows[0].Entry);
        Assert.Equal(new Entry("1.001613", "Chứng thực", 4, false, null, null), rows[1].Entry);
    }

    [Fact]
    public async Task A_bad_cell_is_a_problem_of_its_excel_row_and_column()
    {
        var file = Workbooks.Build(
            ["code", "name", "amount", "active", "at", "on"],
            ["A", "B", "nhiều", "có", null, null],
            [],
            ["C", "D", 2, null, new DateOnly(2026, 1, 5), new DateTime(2026, 1, 5, 8, 15, 0)],
            ["E", "F", 3]);

        var (rows, problems) = await ReadAsync(file);

        Assert.Equal([5], rows.Select(r => r.Row));
        Assert.Equal([(2, "amount"), (4, "at"), (4, "on")], problems.Listed.Select(p => (p.Row, p.Column)));
        Assert.Equal("\"nhiều\" không phải là số.", problems.Listed[0].Reason);
        Assert.Equal("\"2026-01-05 08:15:00\" không phải ngày dạng 2025-12-03.", problems.Listed[2].Reason);
    }

    [Fact]
    public async Task The_header_row_is_checked_like_a_csv_header()
    {
        var (rows, problems) = await ReadAsync(Workbooks.Build(["code", "colour", "code"], ["A", "red", "B"]));

        Assert.Empty(rows);
        Assert.Equal([(1, "colour"), (1, "code"), (1, "name")], problems.Listed.Select(p => (p.Row, p.Column)));
    }

    [Fact]
    public async Task A_value_right_of_the_header_or_a_sheet_without_data_rows_is_a_problem()
    {
        var (_, problems) = await ReadAsync(Workbooks.Build(["code", "name"], ["A", "B", "C"]));
        Assert.Equal(new ImportProblem(2, null, "Dòng có ô ngoài 2 cột của tiêu đề."), Assert.Single(problems.Listed));

        (_, problems) = await ReadAsync(Workbooks.Build(["code", "name"]));
        Assert.Equal(new ImportProblem(2, null, "Tệp không có dòng dữ liệu nào."), Assert.Single(problems.Listed));
    }

    [Theory]
    [InlineData("code,name\nA,B\n")]
    [InlineData("PK\u0003\u0004 không phải tệp nén")]
    [InlineData("")]
    public async Task Bytes_that_are_no_workbook_are_a_problem_not_an_exception(string text)
    {
        var (rows, problems) = await ReadAsync(Encoding.UTF8.GetBytes(text));

        Assert.Empty(rows);
        Assert.Equal(new ImportProblem(1, null, "Tệp Excel không đọc được: không phải tệp .xlsx, hoặc tệp bị hỏng."), Assert.Single(problems.Listed));
    }

    [Fact]
    public async Task A_truncated_workbook_is_a_problem_not_an_exception()
    {
        var file = Workbooks.Build(["code", "name"], ["A", "B"]);

        var (_, problems) = await ReadAsync(file[..(file.Length / 2)]);

        Assert.Equal(1, Assert.Single(problems.Listed).Row);
    }

    /// <summary>Reads <paramref name="file"/> from a stream that cannot seek (as a request's body), which the kit copies to a temporary file first.</summary>
    private static async Task<(List<(int Row, Entry Entry)> Rows, ImportProblems Problems)> ReadAsync(byte[] file)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(file);
        await pipe.Writer.CompleteAsync();
        var rows = new List<(int, Entry)>();
        await using var body = pipe.Reader.AsStream();
        var problems = await ImportReader.ReadAsync<Entry>(body, ImportFormat.Xlsx, 100, (row, entry) => rows.Add((row, entry)), CancellationToken.None);
        return (rows, problems);
    }
}
