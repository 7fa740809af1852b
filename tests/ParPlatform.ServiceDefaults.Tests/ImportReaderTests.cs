using System.IO.Pipelines;
using System.Text;
using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>The import kit on CSV and JSON files: rows as the person numbers them, typed cells, and every problem named.</summary>
public sealed class ImportReaderTests
{
    /// <summary>A row type as a service writes one: two columns a header must name, and one of each type a cell converts to.</summary>
    public sealed record Entry(
        [RequiredColumn] string? Code, [RequiredColumn] string? Name, decimal? Amount, int? Count, long? Fee, bool? Active, DateTimeOffset? At,
        DateOnly? On);

    [Fact]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_the_line_they_start_on()
    {
        var (rows, problems) = await CsvAsync("\uFEFFcode,name\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,");

        Assert.Equal(0, problems.Count);
        Assert.Equal([2, 4, 6], rows.Select(r => r.Row));
        Assert.Equal(("x, y", "say \"hi\""), (rows[0].Entry.Code, rows[0].Entry.Name));
        Assert.Equal(("two\nlines", "z"), (rows[1].Entry.Code, rows[1].Entry.Name));
        Assert.Equal(("last", null), (rows[2].Entry.Code, rows[2].Entry.Name));
    }

    [Fact]
    public async Task Cells_become_the_types_of_the_row()
    {
        var (rows, problems) = await CsvAsync(
            """
            code,name,amount,count,fee,active,at,on
            1.001612, Đăng ký khai sinh ,"0,5",12,-5,có,2025-12-03 08:15,2025-12-03
            1.001613,Chứng thực,4,,50000,FALSE,2025-12-03T08:15:00Z,
            """);

        Assert.Equal(0, problems.Count);
        Assert.Equal(
            new Entry("1.001612", "Đăng ký khai sinh", 0.5m, 12, -5, true, new DateTimeOffset(2025, 12, 3, 1, 15, 0, TimeSpan.Zero), new DateOnly(2025, 12, 3)),
            rows[0].Entry);
        Assert.Equal(new Entry("1.001613", "Chứng thực", 4, null, 50000, false, new DateTimeOffset(2025, 12, 3, 8, 15, 0, TimeSpan.Zero), null), rows[1].Entry);
    }

    [Fact]
    public async Task A_cell_that_does_not_convert_names_its_row_and_column_and_its_row_is_not_handed_on()
    {
        var (rows, problems) = await CsvAsync("code,name,count,at,active\nA,B,ba,2025-12-03,có\nC,D,3,,\nE,F,,,maybe\n");

        Assert.Equal([3], rows.Select(r => r.Row));
        Assert.Equal([(2, "count"), (2, "at"), (4, "active")], problems.Listed.Select(p => (p.Row, p.Column)));
        Assert.Equal("\"ba\" không phải là số nguyên, viết không dấu phân cách (ví dụ 50000).", problems.Listed[0].Reason);
    }

    [Fact]
    public async Task An_unknown_column_and_a_short_row_are_named_with_their_lines()
    {
        var (rows, problems) = await CsvAsync("code,name,colour\nA,B,red\n");

        Assert.Empty(rows);
        Assert.Equal((1, "colour"), (Assert.Single(problems.Listed).Row, problems.Listed[0].Column));
        Assert.StartsWith("Cột không có trong mẫu; các cột là: code, name, amount,", problems.Listed[0].Reason, StringComparison.Ordinal);

        (rows, problems) = await CsvAsync("code,name\nA,B\nC\n");
        Assert.Equal([2], rows.Select(r => r.Row));
        Assert.Equal(new ImportProblem(3, null, "Dòng có 1 ô, tiêu đề có 2 cột."), Assert.Single(problems.Listed));
    }

    [Fact]
    public async Task A_column_named_twice_or_a_required_one_missing_is_a_problem_of_line_1()
    {
        var (rows, problems) = await CsvAsync("code,name,amount,name\nA,B,1,D\n");

        Assert.Empty(rows);
        Assert.Equal(new ImportProblem(1, "name", "Cột có 2 lần trong tiêu đề; mỗi cột chỉ một lần."), Assert.Single(problems.Listed));

        (_, problems) = await CsvAsync("code,amount\nA,1\n");
        Assert.Equal(new ImportProblem(1, "name", "Thiếu cột bắt buộc."), Assert.Single(problems.Listed));
    }

    [Fact]
    public async Task An_empty_file_or_a_header_alone_is_a_problem()
    {
        Assert.Equal(new ImportProblem(1, null, "Tệp trống: dòng đầu phải là tên các cột."), Assert.Single((await CsvAsync("")).Problems.Listed));
        Assert.Equal(new ImportProblem(2, null, "Tệp không có dòng dữ liệu nào."), Assert.Single((await CsvAsync("code,name\r\n")).Problems.Listed));
    }

    [Fact]
    public async Task A_quote_never_closed_stops_the_reading_at_the_line_it_opened()
    {
        // A record may be a million characters long.
        var (rows, problems) = await CsvAsync("code,name\nA,B\nC,\"" + new string('x', 1_000_000) + "\nE,F\n");

        Assert.Equal([2], rows.Select(r => r.Row));
        var problem = Assert.Single(problems.Listed);
        Assert.Equal(3, problem.Row);
        Assert.Contains("dấu ngoặc kép chưa đóng", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_reach_the_caller_while_the_file_is_still_arriving()
    {
        var pipe = new Pipe();
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rows = new List<int>();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("code,name\nA,B\n"));

        var reading = ImportReader.ReadAsync<Entry>(pipe.Reader.AsStream(), ImportFormat.Csv, 10, (row, _) =>
        {
            rows.Add(row);
            first.TrySetResult(row);
        }, CancellationToken.None);
        // The first data row was handed on before the rest of the file was written.
        Assert.Equal(2, await first.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.False(reading.IsCompleted);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("C,D\n"));
        await pipe.Writer.CompleteAsync();
        var problems = await reading;

        Assert.Equal(0, problems.Count);
        Assert.Equal([2, 3], rows);
    }

    [Fact]
    public async Task An_awaited_row_is_handled_before_the_next_is_handed_on()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("code,name\nA,B\nC,D\n"));
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rows = new List<int>();

        var reading = ImportReader.ReadAsync<Entry>(file, ImportFormat.Csv, 10, async (row, _) =>
        {
            rows.Add(row);
            if (row == 2)
                await handled.Task;
        }, CancellationToken.None);
        await Task.Delay(200);
        // Row 3 waits for row 2, which waits for its writer.
        Assert.Equal([2], rows);
        Assert.False(reading.IsCompleted);
        handled.SetResult();
        var problems = await reading;

        Assert.Equal(0, problems.Count);
        Assert.Equal([2, 3], rows);
    }

    [Fact]
    public async Task Rows_past_the_most_taken_are_counted_not_handed_on()
    {
        var (rows, problems) = await CsvAsync("code,name\nA,B\nC,D\nE,F\nG,H\n", maxRows: 2);

        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal(new ImportProblem(4, null, "Tệp có 4 dòng; mỗi lần nhập tối đa 2 dòng."), Assert.Single(problems.Listed));
    }

    [Fact]
    public async Task Every_problem_is_counted_and_the_first_thousand_by_row_are_listed()
    {
        var csv = new StringBuilder("code,name,count\n");
        for (var i = 0; i < 2500; i++)
            csv.Append("A,B,x\n");

        var (_, problems) = await CsvAsync(csv.ToString(), maxRows: 10_000);

        Assert.Equal(2500, problems.Count);
        Assert.Equal(Enumerable.Range(2, ImportProblems.MaxListed), problems.Listed.Select(p => p.Row));
    }

    [Fact]
    public void Problems_of_another_list_are_added_with_those_it_did_not_keep_counted()
    {
        var (file, found) = (new ImportProblems(), new ImportProblems());
        for (var row = 1500; row < 3000; row++)
            file.Add(row, null, "x");
        for (var row = 1; row <= 1200; row++)
            found.Add(row, "code", "x");

        file.Add(found);

        Assert.Equal(2700, file.Count);
        Assert.Equal(Enumerable.Range(1, ImportProblems.MaxListed), file.Listed.Select(p => p.Row));
    }

    [Fact]
    public void Problems_found_out_of_order_are_listed_by_row()
    {
        var problems = new ImportProblems();

        for (var row = 3000; row > 0; row--)
            problems.Add(row, "code", "x");

        Assert.Equal(3000, problems.Count);
        Assert.Equal(Enumerable.Range(1, ImportProblems.MaxListed), problems.Listed.Select(p => p.Row));
    }

    [Fact]
    public async Task Json_items_are_rows_from_1_with_numbers_and_flags_as_their_text()
    {
        var (rows, problems) = await JsonAsync(
            """[{"code":"A","name":" Bé ","amount":0.5,"count":3,"active":true,"at":"2025-12-03T08:15:00+07:00"},{"code":"C","name":null},5,{"code":"E","colour":"red"}]""");

        Assert.Equal([1, 2], rows.Select(r => r.Row));
        Assert.Equal(new Entry("A", "Bé", 0.5m, 3, null, true, new DateTimeOffset(2025, 12, 3, 1, 15, 0, TimeSpan.Zero), null), rows[0].Entry);
        Assert.Equal(new Entry("C", null, null, null, null, null, null, null), rows[1].Entry);
        Assert.Equal([(3, null), (4, "colour")], problems.Listed.Select(p => (p.Row, p.Column)));
        Assert.Equal("Mỗi phần tử phải là một đối tượng.", problems.Listed[0].Reason);
    }

    [Theory]
    [InlineData("[{\"code\":\"A\",\"name\":\"B\"},\n{\"code\": }]", "ở dòng 2, vị trí 10")]
    [InlineData("{\"code\":\"A\"}", "ở dòng 1, vị trí 2")]
    [InlineData("", "ở dòng 1, vị trí 1")]
    public async Task Json_that_does_not_parse_is_a_problem_naming_its_line_and_position(string json, string where)
    {
        var (rows, problems) = await JsonAsync(json);

        Assert.Empty(rows);
        var problem = Assert.Single(problems.Listed);
        Assert.Equal((1, null), (problem.Row, problem.Column));
        Assert.Contains(where, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_json_array_is_a_problem()
    {
        Assert.Equal(new ImportProblem(1, null, "Tệp không có dòng dữ liệu nào."), Assert.Single((await JsonAsync("[]")).Problems.Listed));
    }

    /// <summary>A table people keep in Vietnamese: its columns named by the file's header, not the parameters.</summary>
    public sealed record Assignment([ColumnName("Chủ trì")][RequiredColumn] string? Lead, [ColumnName("Thời gian")] string? Time);

    [Fact]
    public async Task Columns_named_by_ColumnName_are_read_by_that_name_and_only_by_it()
    {
        var rows = new List<Assignment>();
        using var good = new MemoryStream(Encoding.UTF8.GetBytes("Thời gian,Chủ trì\nNăm 2026,Phòng Văn hóa – Xã hội\n"));
        using var bad = new MemoryStream(Encoding.UTF8.GetBytes("lead,Thời gian\nx,y\n"));

        var none = await ImportReader.ReadAsync<Assignment>(good, ImportFormat.Csv, 10, (_, row) => rows.Add(row), CancellationToken.None);
        var problems = await ImportReader.ReadAsync<Assignment>(bad, ImportFormat.Csv, 10, (_, row) => rows.Add(row), CancellationToken.None);

        Assert.Equal(0, none.Count);
        Assert.Equal([new Assignment("Phòng Văn hóa – Xã hội", "Năm 2026")], rows);
        Assert.Equal([(1, "lead"), (1, "Chủ trì")], problems.Listed.Select(p => (p.Row, p.Column)));
    }

    private static Task<(List<(int Row, Entry Entry)> Rows, ImportProblems Problems)> CsvAsync(string text, int maxRows = 100) =>
        ReadAsync(text, ImportFormat.Csv, maxRows);

    private static Task<(List<(int Row, Entry Entry)> Rows, ImportProblems Problems)> JsonAsync(string text) => ReadAsync(text, ImportFormat.Json, 100);

    private static async Task<(List<(int Row, Entry Entry)> Rows, ImportProblems Problems)> ReadAsync(string text, ImportFormat format, int maxRows)
    {
        var rows = new List<(int, Entry)>();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var problems = await ImportReader.ReadAsync<Entry>(file, format, maxRows, (row, entry) => rows.Add((row, entry)), CancellationToken.None);
        return (rows, problems);
    }
}
