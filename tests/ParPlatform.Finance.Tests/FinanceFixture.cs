using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Finance.Tests;

/// <summary>The finance service under test (<see cref="ServiceFixture{TProgram}"/>) and the codes of the units and provinces it knows.</summary>
public sealed class FinanceFixture() : ServiceFixture<Program>("finance")
{
    public const string TamThanh = "06112", ChiLang = "06181", NamGiaNghia = "24778", LangSon = "20", LamDong = "68";

    /// <summary>How many events of <paramref name="eventName"/> (a type of ParPlatform.Contracts.Finance) the unit's changes wrote to the outbox.</summary>
    public async Task<long> CountOutboxAsync(string eventName, string unit)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM finance.outbox_messages WHERE event_type LIKE 'ParPlatform.Contracts.Finance.' || @name || ',%' AND payload->>'unitCode' = @unit", connection);
        query.Parameters.AddWithValue("name", eventName);
        query.Parameters.AddWithValue("unit", unit);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
