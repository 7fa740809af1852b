using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.StatisticsHistory;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// "Overdue" has one definition (Dossier.OverdueDefinition) and two forms: the compiled C# that answers a dossier's
/// <c>overdue</c>, the LINQ of the list's <c>?overdue=</c> filter, and the SQL of the overdue scan and of form II.06a's
/// "pending, overdue". On generated histories, all four must pick exactly the same dossiers.
/// </summary>
public sealed class OverdueDefinitionTests : IClassFixture<DossiersFixture>, IDisposable
{
    private const string Province = "20";

    /// <summary>The service's clock: in the middle of the histories, so some open dossiers are past due and some not yet.</summary>
    private static readonly DateTimeOffset AsOf = Vietnam(2026, 4, 15, 10);

    private readonly DossiersFixture dossiers;

    public OverdueDefinitionTests(DossiersFixture dossiers)
    {
        this.dossiers = dossiers;
        dossiers.Clock.Now = AsOf;
    }

    public void Dispose() => dossiers.Clock.Now = null;

    [Theory]
    [InlineData(7, "06131")]
    [InlineData(20260915, "06132")]
    public async Task The_dossier_the_list_the_scan_and_the_statistics_agree_on_which_dossiers_are_overdue(int seed, string unit)
    {
        var history = GenerateDossiers(new Random(seed), unit);
        await HistoryRows.AddUnitAsync(dossiers.Database, unit, Province);
        await HistoryRows.InsertAsync(dossiers.Database, Province, history, []);
        using var officer = dossiers.Officer(unit);

        var all = await ListAsync(officer, unit, "");
        var byTheDossier = all.Where(d => d.GetProperty("overdue").GetBoolean()).Select(Id).ToHashSet();
        var byTheList = (await ListAsync(officer, unit, "&overdue=true")).Select(Id).ToHashSet();
        var notByTheList = (await ListAsync(officer, unit, "&overdue=false")).Select(Id).ToHashSet();
        var byTheQuery = await OverdueByQueryAsync(unit);
        await dossiers.ScanAsync(AsOf.ToUniversalTime());
        var byTheScan = await MarkedAsync(unit);
        var statistics = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/dossiers/statistics?from=2025-01-01&to=2026-12-31");
        var byTheStatistics = statistics.GetProperty("total").GetProperty("pending").GetProperty("overdue").GetInt64();

        Assert.Equal(history.Count, all.Count);
        Assert.Equal(byTheDossier.Order(), byTheList.Order());
        Assert.Equal(all.Select(Id).Except(byTheDossier).Order(), notByTheList.Order());
        Assert.Equal(byTheDossier.Order(), byTheQuery.Order());
        Assert.Equal(byTheDossier.Order(), byTheScan.Order());
        Assert.Equal(byTheDossier.Count, byTheStatistics);
        // The histories exercise every case the definition tells apart, or the agreement proves little.
        var open = history.Where(d => d.FinishedAt is null && d.DueAt is not null).ToList();
        Assert.Contains(open, d => byTheDossier.Contains(d.Id) && d.PausedAt is null); // past due, clock running
        Assert.Contains(open, d => byTheDossier.Contains(d.Id) && d.PausedAt > d.DueAt); // asked for papers after the due date
        Assert.Contains(open, d => !byTheDossier.Contains(d.Id) && d.DueAt < AsOf && d.PausedAt < d.DueAt); // clock stopped in time
        Assert.Contains(open, d => !byTheDossier.Contains(d.Id) && d.DueAt > AsOf); // not yet due
        Assert.Contains(history, d => !byTheDossier.Contains(d.Id) && d.FinishedAt is not null && d.DueAt < d.FinishedAt); // finished late
        Assert.Contains(history, d => d.DueAt is null); // registered online, never received
    }

    private static Guid Id(JsonElement dossier) => dossier.GetProperty("id").GetGuid();

    /// <summary>Every dossier of the list's pages with <paramref name="filter"/>.</summary>
    private static async Task<List<JsonElement>> ListAsync(HttpClient officer, string unit, string filter)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit}/dossiers?pageSize=200&page={page}{filter}");
            items.AddRange(body.GetProperty("items").EnumerateArray().Select(e => e.Clone()));
            if (items.Count >= body.GetProperty("total").GetInt32())
                return items;
        }
    }

    /// <summary>The unit's dossiers that <see cref="Dossier.OverdueAsOf"/> selects, as the service's own DbContext queries them.</summary>
    private async Task<HashSet<Guid>> OverdueByQueryAsync(string unit)
    {
        using var scope = dossiers.Service.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetUnit(unit);
        var db = scope.ServiceProvider.GetRequiredService<DossiersDbContext>();
        return [.. await db.Dossiers.Where(d => d.UnitCode == unit).Where(Dossier.OverdueAsOf(AsOf.ToUniversalTime())).Select(d => d.Id).ToListAsync()];
    }

    private async Task<HashSet<Guid>> MarkedAsync(string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(dossiers.Database);
        await using var command = new NpgsqlCommand("SELECT id FROM dossiers.dossiers WHERE unit_code = @unit AND overdue_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("unit", unit);
        var marked = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            marked.Add(reader.GetGuid(0));
        return marked;
    }
}
