using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The test classes of the dossiers service's API (one per resource) share one service and its servers, and run
/// one after another: some stop the service's clock.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DossierApi : ICollectionFixture<DossiersFixture>
{
    public const string Name = "dossiers API";
}

/// <summary>Requests and database reads the API tests share.</summary>
internal static class DossierRequests
{
    public const string TamThanh = "/api/v1/units/06112/dossiers";
    public const string Years = "/api/v1/admin/calendar/years";

    public static readonly string[] IntakeActions = ["request-withdrawal", "return-not-eligible", "start"];
    public static readonly string[] StartAndResolve = ["start", "resolve"];

    /// <summary>The dates of a calendar year as the API takes them (yyyy-MM-dd).</summary>
    public static List<string> Days(params string[] days) => [.. days];

    public static void Freeze(this DossiersFixture dossiers, DateTimeOffset at) => dossiers.Clock.Now = at;

    public static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static string SubjectOf(HttpClient client) => new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Subject;

    /// <summary>A new procedure of unit 06112; returns its code.</summary>
    public static async Task<string> ProcedureAsync(
        HttpClient officer, decimal timeLimit, string unit = "days", string field = "Hộ tịch", long fee = 0, bool active = true)
    {
        var code = $"t{Guid.NewGuid():N}"[..12];
        using var response = await officer.PostAsJsonAsync($"{TamThanh}/procedures", new
        {
            code, name = "Đăng ký khai sinh", field, timeLimit, timeLimitUnit = unit, fee, onlineLevel = "full", active,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    public static async Task<JsonElement> CreateAsync(HttpClient officer, string procedureCode, string channel)
    {
        using var response = await officer.PostAsJsonAsync(TamThanh, new { procedureCode, channel, applicantReference = "BN-0001" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient officer, Guid id, string action, object? body = null) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/actions/{action}", body ?? new { });

    public static Task<HttpResponseMessage> ApologizeAsync(HttpClient officer, Guid id, string newDueDate) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/apology", new { reason = "Chờ ý kiến của cơ quan thuế", newDueDate });

    public static Task<HttpResponseMessage> RateAsync(HttpClient officer, Guid id, string rating) =>
        officer.PostAsJsonAsync($"{TamThanh}/{id}/rating", new { rating });

    public static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>Waits until a session waits for a lock the session <paramref name="blocker"/> holds (an officer's save behind the test's open transaction).</summary>
    public static async Task WaitUntilASessionWaitsForAsync(this DossiersFixture dossiers, int blocker)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @blocker = ANY(pg_blocking_pids(pid))", connection);
        waiting.Parameters.AddWithValue("blocker", blocker);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "No save waited for the dossier's row within 20 s.");
            await Task.Delay(20);
        }
    }

    public static async Task<int> ScanAsync(this DossiersFixture dossiers, DateTimeOffset now)
    {
        using var scope = dossiers.Service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueScan>().RunAsync(now, CancellationToken.None);
    }

    /// <summary>The service's replay pages here: small, so that a replay of a unit takes several.</summary>
    public const int ReplayPageSize = 4;

    /// <summary>The (dossiers, feedback) counts of the replay's <c>DossierReplayProgressed</c> events, in outbox order.</summary>
    public static async Task<List<(int Dossiers, int Feedback)>> ReplayProgressAsync(this DossiersFixture dossiers, Guid replay)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (payload->>'dossiers')::int, (payload->>'feedback')::int FROM dossiers.outbox_messages
            WHERE payload->>'replayId' = @replay AND event_type LIKE 'ParPlatform.Contracts.Dossiers.DossierReplayProgressed,%' ORDER BY sequence
            """, connection);
        command.Parameters.AddWithValue("replay", replay.ToString());
        var progress = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            progress.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return progress;
    }

    /// <summary>How many <paramref name="eventType"/> events of the replay <paramref name="replay"/> the outbox holds.</summary>
    public static async Task<int> ReplayedAsync(this DossiersFixture dossiers, string eventType, Guid replay)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM dossiers.outbox_messages WHERE payload->>'replayId' = @replay AND event_type LIKE @type", connection);
        command.Parameters.AddWithValue("replay", replay.ToString());
        command.Parameters.AddWithValue("type", $"ParPlatform.Contracts.%.{eventType},%");
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The dossiers the <c>DossiersRecorded</c> events of <paramref name="replay"/> carry, in the outbox.</summary>
    public static async Task<List<Guid>> ReplayedDossiersAsync(this DossiersFixture dossiers, Guid replay)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (d->>'dossierId')::uuid FROM dossiers.outbox_messages o CROSS JOIN jsonb_array_elements(o.payload->'dossiers') d
            WHERE o.payload->>'replayId' = @replay AND o.event_type LIKE 'ParPlatform.Contracts.Dossiers.DossiersRecorded,%'
            """, connection);
        command.Parameters.AddWithValue("replay", replay.ToString());
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The ids of the unit's dossiers in the database's order (the order of a replay).</summary>
    public static async Task<List<Guid>> DossierIdsInOrderAsync(this DossiersFixture dossiers, string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(dossiers.Database);
        await using var command = new NpgsqlCommand("SELECT id FROM dossiers.dossiers WHERE unit_code = @unit ORDER BY id", connection);
        command.Parameters.AddWithValue("unit", unit);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The rows of <paramref name="table"/> of <paramref name="unit"/>, every tenant's rows in reach.</summary>
    public static async Task<int> CountAsync(this DossiersFixture dossiers, string table, string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(dossiers.Database);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE unit_code = @unit", connection);
        command.Parameters.AddWithValue("unit", unit);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The unit's <c>ProcedureCatalogueChanged</c> events in the outbox, in their order.</summary>
    public static async Task<List<JsonElement>> CatalogueEventsAsync(this DossiersFixture dossiers, string unit)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT payload::text FROM dossiers.outbox_messages
            WHERE aggregate_key = @key AND event_type LIKE 'ParPlatform.Contracts.Dossiers.ProcedureCatalogueChanged,%' ORDER BY sequence
            """, connection);
        command.Parameters.AddWithValue("key", $"procedures:{unit}");
        var events = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(JsonSerializer.Deserialize<JsonElement>(reader.GetString(0)));
        return events;
    }

    /// <summary>How many events of the type the outbox holds for the aggregate (dispatched or not).</summary>
    public static async Task<int> OutboxCountAsync(this DossiersFixture dossiers, string eventType, Guid aggregate)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM dossiers.outbox_messages WHERE aggregate_key = @key AND event_type LIKE @type", connection);
        command.Parameters.AddWithValue("key", aggregate.ToString());
        command.Parameters.AddWithValue("type", $"ParPlatform.Contracts.%.{eventType},%");
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Unit 06112's dossiers as the service's own role sees them with the scope set to <paramref name="unit"/>.</summary>
    public static async Task<int> CountTamThanhDossiersAsync(this DossiersFixture dossiers, string unit, string allTenants)
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand(
            "SELECT set_config('parplatform.unit_code', @unit, false), set_config('parplatform.province_code', '', false), " +
            "set_config('parplatform.all_tenants', @all, false)", connection))
        {
            set.Parameters.AddWithValue("unit", unit);
            set.Parameters.AddWithValue("all", allTenants);
            await set.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM dossiers.dossiers WHERE unit_code = '06112'", connection);
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }
}
