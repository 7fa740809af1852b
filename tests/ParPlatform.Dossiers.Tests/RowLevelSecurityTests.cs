using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Row-level security of the dossiers database, read from PostgreSQL's catalogue.</summary>
public sealed class RowLevelSecurityTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(dossiers.Database, "dossiers");

        Assert.Equal(["dossier_import_rows", "dossier_imports", "dossier_transitions", "dossiers", "feedback", "known_units", "procedures"], tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }
}
