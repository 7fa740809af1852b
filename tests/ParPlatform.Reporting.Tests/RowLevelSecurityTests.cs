using ParPlatform.TestSupport;

namespace ParPlatform.Reporting.Tests;

/// <summary>Row-level security of the reporting database, read from PostgreSQL's catalogue.</summary>
public sealed class RowLevelSecurityTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(reporting.Database, "reporting");

        Assert.Equal(["dossier_day_counts", "dossier_facts", "dossier_field_day_counts", "feedback_facts", "known_units", "report_agency_parts", "report_facts", "report_indicators", "report_narrative", "report_overrides", "report_versions", "reports", "source_events", "unit_generations"], tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }
}
