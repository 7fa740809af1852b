using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// Row-level security on the tenant-owned tables, seen from a raw connection of the service's own
/// role (the tables' owner): the scope decides which rows exist, whatever the query says.
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class RowLevelSecurityTests(IdentityFixture identity)
{
    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(identity.Database, "identity");

        Assert.Equal(["agencies", "audit_entries", "units", "users"], tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }

    [Theory]
    [InlineData("units")]
    [InlineData("agencies")]
    [InlineData("users")]
    public async Task With_the_scope_set_to_a_unit_a_select_star_returns_only_that_units_rows(string table)
    {
        var all = await UnitCodesAsync(table, "all_tenants", "on");
        var scoped = await UnitCodesAsync(table, "unit_code", "06112");

        Assert.Contains("06181", all); // the other unit's rows exist …
        Assert.NotEmpty(scoped);
        Assert.All(scoped, code => Assert.Equal("06112", code)); // … and are not there for unit 06112
    }

    [Fact]
    public async Task With_the_scope_set_to_a_province_only_its_units_are_there()
    {
        var units = await UnitCodesAsync("units", "province_code", "68");

        Assert.Equal(["24778"], units);
    }

    [Fact]
    public async Task Without_a_scope_no_tenant_row_is_there()
    {
        Assert.Empty(await UnitCodesAsync("units", "unit_code", ""));
        Assert.Empty(await UnitCodesAsync("agencies", "unit_code", ""));
    }

    [Fact]
    public async Task A_row_of_another_unit_cannot_be_written_from_a_units_scope()
    {
        await using var connection = await TenantConnections.OpenAsync(identity.Database, "unit_code", "06112");
        await using var insert = new NpgsqlCommand(
            "INSERT INTO identity.agencies (id, unit_code, province_code, code, name) VALUES (gen_random_uuid(), '06181', '20', 'lan-sang', 'Lấn sang')",
            connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // new row violates row-level security policy
    }

    private async Task<List<string>> UnitCodesAsync(string table, string setting, string value)
    {
        await using var connection = await TenantConnections.OpenAsync(identity.Database, setting, value);
        await using var select = new NpgsqlCommand($"SELECT * FROM identity.{table}", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var codes = new List<string>();
        var column = reader.GetOrdinal("unit_code");
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(column))
                codes.Add(reader.GetString(column));
        }
        return codes;
    }
}
