using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>A unit's procedure catalogue through the service's HTTP API, with real tokens and PostgreSQL.</summary>
public sealed class ProcedureCatalogueTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    private const string TamThanh = "/api/v1/units/06112/dossiers/procedures";

    private static object Birth(string code) => new
    {
        code, name = "Đăng ký khai sinh", field = "Hộ tịch", timeLimit = 1, fee = 0, onlineLevel = "full", interLevel = true,
    };

    [Fact]
    public async Task A_procedure_is_created_read_and_listed_by_field()
    {
        using var officer = dossiers.Officer("06112");
        var code = NewCode();

        using var created = await officer.PostAsJsonAsync(TamThanh, Birth(code));
        var read = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{code}");
        var list = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field=Hộ tịch&pageSize=200");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Đăng ký khai sinh", read.GetProperty("name").GetString());
        Assert.Equal(1, read.GetProperty("timeLimit").GetDecimal());
        Assert.Equal("days", read.GetProperty("timeLimitUnit").GetString());
        Assert.Equal("full", read.GetProperty("onlineLevel").GetString());
        Assert.True(read.GetProperty("interLevel").GetBoolean());
        Assert.True(read.GetProperty("active").GetBoolean());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("code").GetString() == code);
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("Hộ tịch", p.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_code_taken_in_the_unit_is_a_409_and_another_unit_may_use_it()
    {
        using var tamThanh = dossiers.Officer("06112");
        using var chiLang = dossiers.Officer("06181");
        var code = NewCode();
        using (var first = await tamThanh.PostAsJsonAsync(TamThanh, Birth(code)))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var again = await tamThanh.PostAsJsonAsync(TamThanh, Birth(code));
        using var elsewhere = await chiLang.PostAsJsonAsync("/api/v1/units/06181/dossiers/procedures", Birth(code));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(0, "days", "none", "timeLimit")]
    [InlineData(-2, "days", "none", "timeLimit")]
    [InlineData(3, "weeks", "none", "timeLimitUnit")]
    [InlineData(3, "days", "mostly", "onlineLevel")]
    public async Task Bad_input_is_a_400_naming_the_field_and_writes_nothing(decimal timeLimit, string unit, string online, string field)
    {
        using var officer = dossiers.Officer("06112");
        var code = NewCode();

        using var response = await officer.PostAsJsonAsync(TamThanh, new
        {
            code, name = "Cấp bản sao trích lục", field = "Hộ tịch", timeLimit, timeLimitUnit = unit, onlineLevel = online,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        using var read = await officer.GetAsync(new Uri($"{TamThanh}/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Another_units_officer_gets_404_a_reviewer_reads_but_may_not_write()
    {
        using var tamThanh = dossiers.Officer("06112");
        var code = NewCode();
        using (var created = await tamThanh.PostAsJsonAsync(TamThanh, Birth(code)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var chiLang = dossiers.Officer("06181");
        using var langSon = dossiers.Reviewer("20");
        using var lamDong = dossiers.Reviewer("68");

        using var byOtherUnit = await chiLang.GetAsync(new Uri($"{TamThanh}/{code}", UriKind.Relative));
        using var byReviewer = await langSon.GetAsync(new Uri($"{TamThanh}/{code}", UriKind.Relative));
        using var writeByReviewer = await langSon.PostAsJsonAsync(TamThanh, Birth(NewCode()));
        using var byOtherProvince = await lamDong.GetAsync(new Uri($"{TamThanh}/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byOtherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeByReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherProvince.StatusCode);
    }

    [Fact]
    public async Task A_procedure_is_changed_but_its_code_is_not()
    {
        using var officer = dossiers.Officer("06112");
        var code = NewCode();
        using (var created = await officer.PostAsJsonAsync(TamThanh, Birth(code)))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var changed = await officer.PutAsJsonAsync($"{TamThanh}/{code}", new
        {
            name = "Đăng ký khai sinh", field = "Hộ tịch", timeLimit = 0.5, fee = 8000, active = false,
        });
        using var renamed = await officer.PutAsJsonAsync($"{TamThanh}/{code}", new { code = "khac", name = "X", field = "Y", timeLimit = 1 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var read = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{code}");
        Assert.Equal(0.5m, read.GetProperty("timeLimit").GetDecimal());
        Assert.Equal(8000, read.GetProperty("fee").GetInt64());
        Assert.False(read.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
    }

    [Fact]
    public async Task A_json_import_creates_then_updates_by_code_without_duplicates()
    {
        using var officer = dossiers.Officer("06181");
        const string Path = "/api/v1/units/06181/dossiers/procedures";
        var codes = Enumerable.Range(0, 3).Select(_ => NewCode()).ToList();
        var file = codes.Select((code, i) => new { code, name = $"Thủ tục {i}", field = "Chứng thực", timeLimit = i + 1 }).ToList();

        using var first = await officer.PostAsJsonAsync($"{Path}/import", file);
        using var second = await officer.PostAsJsonAsync($"{Path}/import", file.Select(p => p with { name = p.name + " (sửa)" }));

        Assert.Equal((3, 0), Result(await first.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal((0, 3), Result(await second.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(3, await CountAsync("06181", codes));
        Assert.Equal("Thủ tục 2 (sửa)", (await officer.GetFromJsonAsync<JsonElement>($"{Path}/{codes[2]}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_change_of_the_catalogue_publishes_its_active_procedures_by_online_level()
    {
        using var officer = dossiers.Officer("24778");
        const string Path = "/api/v1/units/24778/dossiers/procedures";
        var (full, inter, partial, none) = (NewCode(), NewCode(), NewCode(), NewCode());
        object Procedure(string code, string online, bool interLevel, bool active = true) =>
            new { code, name = "Thủ tục", field = "Hộ tịch", timeLimit = 3, onlineLevel = online, interLevel, active };
        static (int Active, int Full, int Partly, int Inter) Counts(JsonElement e) => (e.GetProperty("activeProcedures").GetInt32(),
            e.GetProperty("fullyOnline").GetInt32(), e.GetProperty("partlyOnline").GetInt32(), e.GetProperty("interLevel").GetInt32());
        var earlier = await dossiers.CatalogueEventsAsync("24778");
        var (a, f, p, i) = earlier.Count == 0 ? default : Counts(earlier[^1]); // the unit's catalogue before (another test may add to it)

        using (var imported = await officer.PostAsJsonAsync($"{Path}/import",
            new[] { Procedure(full, "full", false), Procedure(inter, "full", true), Procedure(partial, "partial", false) }))
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using (var deactivated = await officer.PutAsJsonAsync($"{Path}/{inter}", Procedure(inter, "full", true, active: false)))
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        using (var added = await officer.PostAsJsonAsync(Path, Procedure(none, "none", true)))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        using (var taken = await officer.PostAsJsonAsync(Path, Procedure(none, "none", true)))
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var events = (await dossiers.CatalogueEventsAsync("24778")).Skip(earlier.Count).ToList();
        Assert.Equal([(a + 3, f + 2, p + 1, i + 1), (a + 2, f + 1, p + 1, i), (a + 3, f + 1, p + 1, i + 1)], events.Select(Counts)); // the 409 wrote none
        Assert.All(events, e => Assert.Equal(("24778", "68"), (e.GetProperty("unitCode").GetString(), e.GetProperty("provinceCode").GetString())));
        var listed = await officer.GetFromJsonAsync<JsonElement>($"{Path}?active=true");
        Assert.Equal(listed.GetProperty("total").GetInt32(), Counts(events[^1]).Active);
    }

    [Fact]
    public async Task Concurrent_changes_of_a_catalogue_take_turns_and_the_last_event_counts_them_all()
    {
        using var officer = dossiers.Officer("24778");
        const string Path = "/api/v1/units/24778/dossiers/procedures";

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await officer.PostAsJsonAsync(Path, Birth(NewCode()));
            return response.StatusCode;
        }));

        var active = (await officer.GetFromJsonAsync<JsonElement>($"{Path}?active=true")).GetProperty("total").GetInt32();
        var events = await dossiers.CatalogueEventsAsync("24778");
        Assert.All(created, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(active, events[^1].GetProperty("activeProcedures").GetInt32());
        Assert.Equal(Enumerable.Range(active - 7, 8), events.TakeLast(8).Select(e => e.GetProperty("activeProcedures").GetInt32()));
    }

    [Fact]
    public async Task A_csv_import_reads_quoted_vietnamese_and_half_days()
    {
        using var officer = dossiers.Officer("06112");
        var (a, b) = (NewCode(), NewCode());
        var csv = $"""
            code,name,field,timeLimit,timeLimitUnit,fee,onlineLevel,interLevel,active
            {a},"Cấp giấy xác nhận tình trạng hôn nhân, lần đầu",Hộ tịch,"0,5",days,0,full,có,1
            {b},Chứng thực bản sao từ bản chính,Chứng thực,4,hours,2000,partial,false,true
            """;

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{a}");
        Assert.Equal("Cấp giấy xác nhận tình trạng hôn nhân, lần đầu", first.GetProperty("name").GetString());
        Assert.Equal(0.5m, first.GetProperty("timeLimit").GetDecimal());
        Assert.True(first.GetProperty("interLevel").GetBoolean());
        var second = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{b}");
        Assert.Equal("hours", second.GetProperty("timeLimitUnit").GetString());
        Assert.Equal(2000, second.GetProperty("fee").GetInt64());
    }

    [Fact]
    public async Task An_excel_import_reads_the_first_sheet_with_its_numbers_and_flags()
    {
        using var officer = dossiers.Officer("06112");
        var (a, b) = (NewCode(), NewCode());
        var file = Workbooks.Build(
            ["code", "name", "field", "timeLimit", "timeLimitUnit", "fee", "onlineLevel", "interLevel"],
            [a, "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 0.5m, "days", 0, "full", true],
            [],
            [b, new InlineText("Chứng thực bản sao từ bản chính"), "Chứng thực", 4, "hours", 2000, null, false]);

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), Xlsx(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 0), Result(await response.Content.ReadFromJsonAsync<JsonElement>()));
        var first = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{a}");
        Assert.Equal(0.5m, first.GetProperty("timeLimit").GetDecimal());
        Assert.Equal("full", first.GetProperty("onlineLevel").GetString());
        Assert.True(first.GetProperty("interLevel").GetBoolean());
        var second = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{b}");
        Assert.Equal("Chứng thực bản sao từ bản chính", second.GetProperty("name").GetString());
        Assert.Equal(("hours", 2000L, "none"), (second.GetProperty("timeLimitUnit").GetString(), second.GetProperty("fee").GetInt64(),
            second.GetProperty("onlineLevel").GetString()));
    }

    [Fact]
    public async Task An_excel_file_with_a_bad_row_is_a_400_naming_its_excel_row_and_nothing_is_written()
    {
        using var officer = dossiers.Officer("06112");
        var (good, bad) = (NewCode(), NewCode());
        var file = Workbooks.Build(
            ["code", "name", "field", "timeLimit"],
            [good, "Đăng ký kết hôn", "Hộ tịch", 3],
            [],
            [bad, "Đăng ký nhận cha mẹ con", "Hộ tịch", "ba ngày"]);

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), Xlsx(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tệp có dòng không hợp lệ; chưa ghi thủ tục nào.", problem.GetProperty("title").GetString());
        Assert.Equal(1, problem.GetProperty("problemCount").GetInt32());
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((4, "timeLimit"), (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString()));
        Assert.Equal(0, await CountAsync("06112", [good, bad]));
    }

    [Fact]
    public async Task A_file_over_5_MB_is_a_413_whether_or_not_it_says_its_length()
    {
        using var officer = dossiers.Officer("06112");
        var code = NewCode();
        var csv = new StringBuilder("code,name,field,timeLimit\n").Append(code).Append(",Đăng ký kết hôn,Hộ tịch,3\n");
        while (csv.Length <= 5 * 1024 * 1024)
            csv.Append("x,Một dòng đủ dài để tệp vượt quá giới hạn năm megabyte,Hộ tịch,3\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        // Without a Content-Length (a stream that cannot say its length is sent chunked: here the file inflating), the limit is found while reading.
        var deflated = new MemoryStream();
        using (var deflating = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
            deflating.Write(bytes);
        deflated.Position = 0;
        using var unsized = new StreamContent(new DeflateStream(deflated, CompressionMode.Decompress));
        unsized.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var sized = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        using var streamed = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), unsized);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge), (sized.StatusCode, streamed.StatusCode));
        Assert.Null(unsized.Headers.ContentLength);
        Assert.Equal("Tối đa 5 MB.", (await streamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync("06112", [code]));
    }

    [Fact]
    public async Task A_csv_with_bad_rows_is_a_400_with_their_lines_and_columns_and_nothing_is_written()
    {
        using var officer = dossiers.Officer("06112");
        var (good, bad, twice) = (NewCode(), NewCode(), NewCode());
        var csv = $"""
            code,name,field,timeLimit
            {good},Đăng ký kết hôn,Hộ tịch,3
            {bad},Đăng ký nhận cha mẹ con,Hộ tịch,ba ngày
            {twice},Thủ tục A,Hộ tịch,0
            {twice},Thủ tục B,Hộ tịch,2
            """;

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "timeLimit"), (4, "timeLimit"), (5, "code")], rows);
        Assert.Equal(0, await CountAsync("06112", [good, bad, twice]));
    }

    [Fact]
    public async Task A_csv_without_a_required_column_names_it()
    {
        using var officer = dossiers.Officer("06112");

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative),
            new StringContent("code,name,timeLimit\nx1,Y,1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("row").GetInt32());
        Assert.Equal("field", row.GetProperty("column").GetString());
    }

    [Fact]
    public async Task An_import_in_another_format_is_a_415_problem_naming_the_formats_taken()
    {
        using var officer = dossiers.Officer("06112");

        using var response = await officer.PostAsync(new Uri($"{TamThanh}/import", UriKind.Relative), new StringContent("<xml/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Equal("Định dạng tệp không được hỗ trợ.", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString();
        Assert.StartsWith("Gửi tệp CSV", detail, StringComparison.Ordinal);
        Assert.Contains("text/csv", detail, StringComparison.Ordinal);
        Assert.Contains("application/json", detail, StringComparison.Ordinal);
        Assert.Contains(Workbooks.ContentType, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_scope_set_to_a_unit_a_select_star_on_procedures_returns_no_row_of_another_unit()
    {
        using (var tamThanh = dossiers.Officer("06112"))
        using (var created = await tamThanh.PostAsJsonAsync(TamThanh, Birth(NewCode())))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var chiLang = dossiers.Officer("06181"))
        using (var created = await chiLang.PostAsJsonAsync("/api/v1/units/06181/dossiers/procedures", Birth(NewCode())))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var all = await UnitCodesAsync("all_tenants", "on");
        var scoped = await UnitCodesAsync("unit_code", "06181");

        Assert.Contains("06112", all);
        Assert.NotEmpty(scoped);
        Assert.All(scoped, unit => Assert.Equal("06181", unit));
    }

    private static string NewCode() => $"t{Guid.NewGuid():N}"[..12];

    private static ByteArrayContent Xlsx(byte[] file) => new(file) { Headers = { ContentType = new MediaTypeHeaderValue(Workbooks.ContentType) } };

    private static (int Created, int Updated) Result(JsonElement result) =>
        (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32());

    /// <summary>How many of the codes the unit has, read across tenants as the service's own role.</summary>
    private async Task<long> CountAsync(string unit, IReadOnlyList<string> codes)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT set_config('parplatform.all_tenants', 'on', false); " +
            "SELECT count(*) FROM dossiers.procedures WHERE unit_code = @unit AND code = ANY(@codes)", connection);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("codes", codes.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private async Task<List<string>> UnitCodesAsync(string setting, string value)
    {
        await using var connection = await TenantConnections.OpenAsync(dossiers.Database, setting, value);
        await using var select = new NpgsqlCommand("SELECT * FROM dossiers.procedures", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync())
            codes.Add(reader.GetString(reader.GetOrdinal("unit_code")));
        return codes;
    }
}
