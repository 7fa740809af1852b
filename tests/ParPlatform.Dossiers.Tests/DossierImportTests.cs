using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Data;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierImports;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Bulk import of historical dossiers: checked whole, written with COPY, progress readable, idempotent by external id.</summary>
public sealed class DossierImportTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    [Fact]
    public async Task A_file_is_written_once_and_its_numbers_reach_the_statistics()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder(Header).Append('\n');
        // 30 resolved on time, 5 late, 10 pending past due, 5 returned not eligible; received in January 2026 (Vietnam time).
        for (var i = 0; i < 50; i++)
        {
            var (status, finished) = i switch
            {
                < 30 => ("resolved", "2026-01-06 09:00"),
                < 35 => ("result-returned", "2026-01-20 09:00"),
                < 45 => ("processing", ""),
                _ => ("returned-not-eligible", "2026-01-07 10:00"),
            };
            var rating = i < 3 ? "very-satisfied,2026-01-08 10:00" : ",";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i},{procedure},{(i % 2 == 0 ? "online" : "in-person")},BN-{i},2026-01-05 08:00,2026-01-09 17:00,{status},{finished},{rating}\n");
        }

        var job = await ImportAsync(officer, csv.ToString());
        var again = await ImportAsync(officer, csv.ToString());
        var statistics = await officer.GetFromJsonAsync<JsonElement>($"{Unit}/statistics?from=2026-01-01&to=2026-01-31");

        Assert.Equal(("completed", 50, 50, 0), Summary(job));
        Assert.Equal(("completed", 50, 0, 50), Summary(again));
        var total = statistics.GetProperty("total");
        Assert.Equal(50, total.GetProperty("received").GetProperty("total").GetInt64());
        Assert.Equal(25, total.GetProperty("received").GetProperty("online").GetInt64());
        Assert.Equal(30, total.GetProperty("resolved").GetProperty("early").GetInt64());
        Assert.Equal(5, total.GetProperty("resolved").GetProperty("late").GetInt64());
        Assert.Equal(10, total.GetProperty("pending").GetProperty("overdue").GetInt64());
        Assert.Equal(5, total.GetProperty("returnedWithdrawnNotEligible").GetInt64());
        Assert.Equal(3, total.GetProperty("ratings").GetProperty("verySatisfied").GetInt64());
        Assert.Equal(50, await CountAsync(dossiers.Database, $"{prefix}-%"));
        // Every dossier written in the import's DossiersRecorded events once, none for the second file: the read models learn of each once.
        var (events, recorded) = await RecordedAsync(dossiers.Database, Id(job));
        var recordedEvent = Assert.Single(events);
        Assert.Equal(("24778", "68", Id(job), JsonValueKind.Null), (recordedEvent.GetProperty("unitCode").GetString(),
            recordedEvent.GetProperty("provinceCode").GetString(), recordedEvent.GetProperty("importId").GetGuid(), recordedEvent.GetProperty("replayId").ValueKind));
        Assert.Equal(50, recorded.Count);
        Assert.Equal((await DossierIdsAsync($"{prefix}-%")).Order(), recorded.Select(d => d.GetProperty("dossierId").GetGuid()).Order());
        Assert.Empty((await RecordedAsync(dossiers.Database, Id(again))).Events);
        Assert.Equal(5, recorded.Count(e => e.GetProperty("timeliness").ValueKind == JsonValueKind.String && e.GetProperty("timeliness").GetString() == "late"));
        Assert.Equal(10, recorded.Count(e => e.GetProperty("finishedAt").ValueKind == JsonValueKind.Null));
        Assert.Equal(3, recorded.Count(e => e.GetProperty("rating").ValueKind == JsonValueKind.String && e.GetProperty("rating").GetString() == "very-satisfied"));
    }

    [Fact]
    public async Task An_imports_events_carry_each_dossier_written_as_the_dossier_itself_records_it()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        // Every state an import takes, with and without a due date, rating, electronic result, digitisation and online payment.
        var csv = $"""
            externalId,procedureCode,channel,applicantReference,receivedAt,dueAt,status,finishedAt,rating,ratedAt,pausedAt,electronicResult,digitised,paidOnline
            {prefix}-1,{procedure},online,BN-1,2026-01-05 08:00,2026-01-09 17:00,resolved,2026-01-06 09:00,very-satisfied,2026-01-07 10:00,,true,true,true
            {prefix}-2,{procedure},in-person,BN-2,2026-01-05 08:00,2026-01-09 17:00,result-returned,2026-01-20 09:00,not-satisfied,2026-01-21 08:00,,false,false,false
            {prefix}-3,{procedure},online,BN-3,2026-01-05 08:00,,processing,,,,,,true,
            {prefix}-4,{procedure},postal,BN-4,2026-01-05 08:00,2026-01-09 17:00,supplement-requested,,,,2026-01-06 14:00,,,
            {prefix}-5,{procedure},online,BN-5,2026-01-05 08:00,2026-01-09 17:00,returned-not-eligible,2026-01-07 10:00,,,,,,
            {prefix}-6,{procedure},in-person,BN-6,2026-01-05 08:00,2026-01-09 17:00,stopped,2026-01-08 10:00,,,,,,
            {prefix}-7,{procedure},online,BN-7,2026-01-05T08:00:00+07:00,2026-01-09T17:00:00+07:00,fees-requested,,,,,,,
            """;

        var job = await ImportAsync(officer, csv);

        Assert.Equal(("completed", 7, 7, 0), Summary(job));
        var (_, published) = await RecordedAsync(dossiers.Database, Id(job));
        var recorded = published.Select(d => d.Deserialize<RecordedDossier>(JsonSerializerOptions.Web)!).ToList();
        await using var scope = dossiers.Service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetUnit("24778");
        var ids = recorded.Select(r => r.DossierId).ToList();
        var stored = await scope.ServiceProvider.GetRequiredService<DossiersDbContext>().Dossiers.AsNoTracking()
            .Where(d => ids.Contains(d.Id)).OrderBy(d => d.ExternalId).ToListAsync();
        Assert.Equal(stored.Select(d => d.Recorded()), recorded);
        Assert.Equal(6, recorded.Select(r => (r.Timeliness, r.FinishedAt.HasValue, r.PausedAt.HasValue, r.ReturnReason)).Distinct().Count());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_writes_nothing_and_names_the_line_and_column()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            {Header}
            {prefix}-1,{procedure},online,BN-1,2026-01-05 08:00,,resolved,2026-01-06 09:00,,
            {prefix}-2,{procedure},fax,BN-2,2026-01-05 08:00,,,,,
            {prefix}-3,NO-SUCH,online,BN-3,2026-01-05 08:00,,,,,
            {prefix}-4,{procedure},online,BN-4,05/01/2026,,,,,
            {prefix}-1,{procedure},online,BN-5,2026-01-05 08:00,,,,,
            {prefix}-6,{procedure},online,BN-6,2026-01-05 08:00,,resolved,,,
            {prefix}-7,{procedure},online,BN-7,2031-01-05 08:00,,,,,
            """;

        using var response = await officer.PostAsync($"{Unit}/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("column").GetString())).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((3, "channel"), rows);
        Assert.Contains((4, "procedureCode"), rows);
        Assert.Contains((5, "receivedAt"), rows);
        Assert.Contains((6, "externalId"), rows);
        Assert.Contains((7, "finishedAt"), rows);
        Assert.Contains((8, "receivedAt"), rows); // in the future
        Assert.DoesNotContain(rows, r => r.Item1 == 2);
        Assert.Equal(0, await CountAsync(dossiers.Database, $"{prefix}-%"));
        Assert.Equal(0, await StagedAsync(dossiers.Database));
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_on_line_1()
    {
        using var officer = dossiers.Officer("24778");

        using var response = await officer.PostAsync($"{Unit}/imports",
            new StringContent("externalId,procedureCode,channel,applicantReference\nX-1,P,online,BN\n", Encoding.UTF8, "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("row").GetInt32());
        Assert.Equal("receivedAt", row.GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_json_array_imports_like_a_csv_and_another_unit_cannot_read_the_import()
    {
        using var officer = dossiers.Officer("24778");
        using var stranger = dossiers.Officer("06112");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var items = Enumerable.Range(0, 3).Select(i => new Dictionary<string, object>
        {
            ["externalId"] = $"{prefix}-{i}", ["procedureCode"] = procedure, ["channel"] = "postal", ["applicantReference"] = $"BN-{i}",
            ["receivedAt"] = "2026-02-02T08:00:00+07:00", ["digitised"] = true,
        });

        using var response = await officer.PostAsJsonAsync($"{Unit}/imports", items);
        var job = await WaitAsync(officer, response);
        using var foreign = await stranger.GetAsync($"{Unit}/imports/{job.GetProperty("id").GetGuid()}");

        Assert.Equal(("completed", 3, 3, 0), Summary(job));
        Assert.Equal(3, await CountAsync(dossiers.Database, $"{prefix}-%"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_unit_s_imports_are_listed_by_status_and_an_unknown_status_is_a_400_in_vietnamese()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var items = new[]
        {
            new Dictionary<string, object>
            {
                ["externalId"] = Guid.NewGuid().ToString("N"), ["procedureCode"] = procedure, ["channel"] = "online", ["applicantReference"] = "BN-1",
                ["receivedAt"] = "2026-02-03T08:00:00+07:00",
            },
        };
        using var response = await officer.PostAsJsonAsync($"{Unit}/imports", items);
        var job = Id(await WaitAsync(officer, response));

        var completed = await officer.GetFromJsonAsync<JsonElement>($"{Unit}/imports?status=completed&pageSize=100");
        var failed = await officer.GetFromJsonAsync<JsonElement>($"{Unit}/imports?status=failed&pageSize=100");
        using var unknown = await officer.GetAsync($"{Unit}/imports?status=done");

        Assert.Contains(job, completed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(completed.GetProperty("items").EnumerateArray(), i => Assert.Equal("completed", i.GetProperty("status").GetString()));
        Assert.DoesNotContain(job, failed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Trạng thái là", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excel_workbook_imports_like_a_csv_with_its_date_cells_in_vietnam_time()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var file = Workbooks.Build(
            ["externalId", "procedureCode", "channel", "applicantReference", "receivedAt", "dueAt", "status", "finishedAt", "digitised"],
            [$"{prefix}-1", procedure, "online", "BN-1", new DateTime(2026, 2, 2, 8, 0, 0), null, "resolved", new DateTime(2026, 2, 3, 9, 30, 0), true],
            [],
            [$"{prefix}-2", procedure, "in-person", new InlineText("BN-2"), new DateTime(2026, 2, 2, 14, 0, 0), new DateTime(2026, 2, 9, 17, 0, 0), null, null, false]);

        using var response = await officer.PostAsync($"{Unit}/imports", new ByteArrayContent(file) { Headers = { ContentType = new(Workbooks.ContentType) } });
        var job = await WaitAsync(officer, response);

        Assert.Equal(("completed", 2, 2, 0), Summary(job));
        Assert.Equal(
            [($"{prefix}-1", new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero), (DateTimeOffset?)new DateTimeOffset(2026, 2, 3, 2, 30, 0, TimeSpan.Zero)),
             ($"{prefix}-2", new DateTimeOffset(2026, 2, 2, 7, 0, 0, TimeSpan.Zero), null)],
            await ReceivedAndFinishedAsync($"{prefix}-%"));
    }

    [Fact]
    public async Task A_file_of_another_type_is_a_415_naming_the_three_formats_in_vietnamese()
    {
        using var officer = dossiers.Officer("24778");

        using var response = await officer.PostAsync($"{Unit}/imports", new StringContent("externalId\tprocedureCode", Encoding.UTF8, "text/tab-separated-values"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Định dạng tệp không được hỗ trợ.", problem.GetProperty("title").GetString());
        Assert.Equal(
            "Gửi tệp CSV (Content-Type: text/csv), mảng JSON (Content-Type: application/json) hoặc tệp Excel .xlsx "
            + $"(Content-Type: {Workbooks.ContentType}).",
            problem.GetProperty("detail").GetString());
    }

    /// <summary>The ids of the dossiers whose external id is like <paramref name="externalIdPattern"/>.</summary>
    private async Task<List<Guid>> DossierIdsAsync(string externalIdPattern)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('parplatform.all_tenants', 'on', false);
            SELECT id FROM dossiers.dossiers WHERE external_id LIKE @p
            """, connection);
        command.Parameters.AddWithValue("p", externalIdPattern);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The external id, receipt and finish of the dossiers whose external id is like <paramref name="externalIdPattern"/>, by external id.</summary>
    private async Task<List<(string, DateTimeOffset, DateTimeOffset?)>> ReceivedAndFinishedAsync(string externalIdPattern)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('parplatform.all_tenants', 'on', false);
            SELECT external_id, received_at, finished_at FROM dossiers.dossiers WHERE external_id LIKE @p ORDER BY external_id
            """, connection);
        command.Parameters.AddWithValue("p", externalIdPattern);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var found = new List<(string, DateTimeOffset, DateTimeOffset?)>();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return found;
    }
}
