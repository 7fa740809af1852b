using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Requests and database reads the dossier import tests share (unit 24778).</summary>
internal static class DossierImports
{
    public const string Unit = "/api/v1/units/24778/dossiers";

    public const string Header = "externalId,procedureCode,channel,applicantReference,receivedAt,dueAt,status,finishedAt,rating,ratedAt";

    /// <summary>
    /// A CSV of <paramref name="rows"/> good rows with external ids <paramref name="prefix"/>-0, -1, …, all of
    /// <paramref name="procedure"/> received on 05/01/2026; every third resolved, the rest processing.
    /// </summary>
    public static string Csv(string prefix, string procedure, int rows, int from = 0)
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = from; i < from + rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{prefix}-{i},{procedure},online,BN-{i},2026-01-05 08:00,,{(i % 3 == 0 ? "resolved,2026-01-06 09:00" : "processing,")},,\n");
        }
        return csv.ToString();
    }

    public static (string?, int, int, int) Summary(JsonElement job) => (
        job.GetProperty("status").GetString(), job.GetProperty("totalRows").GetInt32(), job.GetProperty("writtenRows").GetInt32(),
        job.GetProperty("skippedRows").GetInt32());

    public static Guid Id(JsonElement job) => job.GetProperty("id").GetGuid();

    public static async Task<string> ProcedureAsync(HttpClient officer)
    {
        var code = "I" + Guid.NewGuid().ToString("N")[..10];
        using var created = await officer.PostAsJsonAsync($"{Unit}/procedures", new { code, name = "Chứng thực bản sao", field = "Chứng thực", timeLimit = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return code;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient officer, string csv) =>
        await officer.PostAsync($"{Unit}/imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task<JsonElement> ImportAsync(HttpClient officer, string csv)
    {
        using var response = await PostAsync(officer, csv);
        return await WaitAsync(officer, response);
    }

    /// <summary>The import's state once it is no longer waiting or being written.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient officer, HttpResponseMessage accepted)
    {
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var job = await officer.GetFromJsonAsync<JsonElement>(accepted.Headers.Location);
            if (job.GetProperty("status").GetString() is not ("queued" or "writing"))
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("The import was still waiting or being written after 30 s.");
    }

    /// <summary>The <c>DossiersRecorded</c> events the import <paramref name="importId"/> wrote to the outbox, and the dossiers they carry.</summary>
    public static async Task<(List<JsonElement> Events, List<JsonElement> Dossiers)> RecordedAsync(string database, Guid importId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT payload::text FROM dossiers.outbox_messages
            WHERE aggregate_key = @import AND event_type LIKE 'ParPlatform.Contracts.Dossiers.DossiersRecorded,%' ORDER BY sequence
            """, connection);
        command.Parameters.AddWithValue("import", importId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<JsonElement>();
        while (await reader.ReadAsync())
            events.Add(JsonDocument.Parse(reader.GetString(0)).RootElement);
        return (events, [.. events.SelectMany(e => e.GetProperty("dossiers").EnumerateArray())]);
    }

    /// <summary>How many dossiers have an external id like <paramref name="externalIdPattern"/>.</summary>
    public static Task<long> CountAsync(string database, string externalIdPattern) =>
        CountAsync(database, "dossiers.dossiers WHERE external_id LIKE @p", externalIdPattern);

    /// <summary>How many rows are staged, of every import.</summary>
    public static Task<long> StagedAsync(string database) => CountAsync(database, "dossiers.dossier_import_rows", null);

    private static async Task<long> CountAsync(string database, string rows, string? pattern)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(database);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {rows}", connection);
        if (pattern is not null)
            command.Parameters.AddWithValue("p", pattern);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
