using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using System.Diagnostics;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParPlatform.TestSupport;

namespace ParPlatform.EndToEnd.Tests;

[Collection(SharedPlatform.Name)]
public sealed class PlatformTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["identity", "plans", "dossiers", "finance", "staffing", "reporting"];
    private static readonly string[] UnitAreas = ["plans", "dossiers", "finance", "staffing", "reports", "agencies"];

    [Theory]
    [InlineData("admin", "/api/v1/admin/identity/status", "identity", "identitydb")]
    [InlineData("tamthanh.canbo", "/api/v1/units/06112/plans/status", "plans", "plansdb")]
    [InlineData("tamthanh.canbo", "/api/v1/units/06112/dossiers/status", "dossiers", "dossiersdb")]
    [InlineData("tamthanh.canbo", "/api/v1/units/06112/finance/status", "finance", "financedb")]
    [InlineData("tamthanh.canbo", "/api/v1/units/06112/staffing/status", "staffing", "staffingdb")]
    [InlineData("tamthanh.canbo", "/api/v1/units/06112/reports/status", "reporting", "reportingdb")]
    public async Task Every_service_answers_its_status_through_the_gateway_with_its_database_migrated(
        string user, string path, string service, string database)
    {
        using var response = await platform.AppHost.SendAsync(HttpMethod.Get, path, await platform.AppHost.TokenAsync(user));
        var status = await response.Content.ReadFromJsonAsync<StatusBody>(JsonSerializerOptions.Web);

        Assert.Equal(service, status!.Service);
        Assert.Equal(database, status.Database);
        Assert.Matches(@"^\d{14}_\w+$", status.Migration);
        Assert.True(status.AppliedMigrations >= 1, $"{status.AppliedMigrations} migrations applied");
        Assert.Equal(0, status.PendingMigrations);
        Assert.StartsWith("0.1.0", status.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_unit_code_is_a_400_problem_naming_the_field()
    {
        using var response = await platform.AppHost.SendAsync(
            HttpMethod.Get, "/api/v1/units/61/plans/status", await platform.AppHost.TokenAsync("tamthanh.canbo"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["unitCode"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_gateway_reports_every_service_ready()
    {
        var health = await platform.AppHost.Gateway.GetFromJsonAsync<HealthBody>("/health", JsonSerializerOptions.Web);

        Assert.Equal("Healthy", health!.Status);
        Assert.All(Services, s => Assert.Equal("Healthy", health.Checks.Single(c => c.Name == s).Status));
    }

    [Fact]
    public async Task Every_resource_runs_healthy_with_its_process_and_endpoints()
    {
        string[] executables = ["postgres", "messaging", "messaging-epmd", "gateway", .. Services];
        foreach (var name in executables.Concat(Services.Select(s => s + "db")))
        {
            var snapshot = platform.AppHost.Snapshot(name);
            Assert.Equal("Running", snapshot.State?.Text);
            Assert.Equal(HealthStatus.Healthy, snapshot.HealthStatus);
        }
        Assert.All(executables, name =>
        {
            var pid = platform.AppHost.ProcessId(name);
            Assert.NotNull(pid);
            Assert.True(File.Exists($"/proc/{pid}/stat"), $"{name}'s process {pid} is not running");
        });
        Assert.All(["gateway", .. Services], name => Assert.NotNull(platform.AppHost.App.GetEndpoint(name, "http")));
        // The services run from their build output, not under `dotnet run`.
        var command = File.ReadAllText($"/proc/{platform.AppHost.ProcessId("plans")}/cmdline").Replace('\0', ' ');
        Assert.Contains("src/ParPlatform.Plans/bin/", command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_service_is_restarted_and_its_route_works_again_within_30_seconds()
    {
        var before = platform.AppHost.ProcessId("plans")!.Value;
        Process.GetProcessById(before).Kill();

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        HttpStatusCode? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (platform.AppHost.ProcessId("plans") is { } pid && pid != before)
            {
                using var response = await platform.AppHost.SendAsync(
                    HttpMethod.Get, "/api/v1/units/06112/plans/status", await platform.AppHost.TokenAsync("tamthanh.canbo"));
                last = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"plans did not answer through the gateway within 30 s of being killed (last status: {last?.ToString() ?? "none"}).");
    }

    [Fact]
    public async Task A_unit_registered_through_the_admin_api_is_known_to_every_service_readable_by_its_provinces_reviewer_and_renamed_everywhere()
    {
        var code = Random.Shared.Next(30000, 99999).ToString(CultureInfo.InvariantCulture);
        var admin = await platform.AppHost.TokenAsync("admin");
        var reviewer = await platform.AppHost.TokenAsync("langson.sonoivu");
        var paths = UnitAreas.Select(area => area == "agencies" ? $"/api/v1/units/{code}/agencies" : $"/api/v1/units/{code}/{area}/status")
            .ToList();
        // Before the registration no service knows the unit: the reviewer cannot see it.
        using (var before = await platform.AppHost.SendAsync(HttpMethod.Get, paths[0], reviewer))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        using var registered = await platform.AppHost.SendAsync(HttpMethod.Post, "/api/v1/admin/units", admin,
            new { code, name = "Xã Bắc Sơn", kind = "commune", provinceCode = "20" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // Each service learns of it from UnitRegistered; then the reviewer of Lạng Sơn reads it everywhere.
        foreach (var path in paths)
        {
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                using var response = await platform.AppHost.SendAsync(HttpMethod.Get, path, reviewer);
                status = response.StatusCode;
                if (status != HttpStatusCode.OK)
                    await Task.Delay(200);
            }
            while (status != HttpStatusCode.OK && DateTimeOffset.UtcNow < deadline);
            Assert.True(status == HttpStatusCode.OK, $"{path} answered {status} to the province's reviewer 30 s after the registration");
        }

        foreach (var service in Services.Where(s => s != "identity"))
            Assert.Equal("Xã Bắc Sơn", await KnownUnitNameAsync(service, code));

        // A rename reaches every service too (UnitUpdated).
        using var renamed = await platform.AppHost.SendAsync(HttpMethod.Put, $"/api/v1/admin/units/{code}", admin, new { name = "Phường Bắc Sơn", kind = "ward" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        foreach (var service in Services.Where(s => s != "identity"))
        {
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (await KnownUnitNameAsync(service, code) != "Phường Bắc Sơn" && DateTimeOffset.UtcNow < deadline)
                await Task.Delay(200);
            Assert.Equal("Phường Bắc Sơn", await KnownUnitNameAsync(service, code));
        }
    }

    [Theory]
    [InlineData("identity", "agencies,audit_entries,units,users")]
    [InlineData("plans", "known_units,plan_targets,plan_tasks,plans,task_progress,unit_bodies")]
    [InlineData("dossiers", "dossier_import_rows,dossier_imports,dossier_transitions,dossiers,feedback,known_units,procedures")]
    [InlineData("finance", "asset_disposals,asset_inventories,asset_inventory_subjects,asset_inventory_types,audit_recommendations,audit_remittances,budget_actuals,budget_estimates,budgets,capital_allocations,capital_plans,disbursements,known_units,service_unit_autonomy")]
    [InlineData("staffing", "headcounts,job_position_schemes,known_units,staff_discipline,staff_movements,staffing_quotas")]
    [InlineData("reporting", "dossier_day_counts,dossier_facts,dossier_field_day_counts,feedback_facts,known_units,report_agency_parts,report_facts,report_indicators,report_narrative,report_overrides,report_versions,reports,source_events,unit_generations")]
    public async Task In_every_database_each_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced(string service, string unitTables)
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(await platform.AppHost.SuperuserConnectionStringAsync($"{service}db"), service);

        Assert.Equal(unitTables.Split(','), tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }

    /// <summary>The unit's name in a service's known_units, read as the superuser.</summary>
    private async Task<string?> KnownUnitNameAsync(string service, string code)
    {
        await using var dataSource = NpgsqlDataSource.Create(await platform.AppHost.SuperuserConnectionStringAsync($"{service}db"));
        await using var query = dataSource.CreateCommand($"SELECT unit_name FROM {service}.known_units WHERE unit_code = @code");
        query.Parameters.AddWithValue("code", code);
        return (string?)await query.ExecuteScalarAsync();
    }

    private sealed record StatusBody(string Service, string Version, string Database, string Migration, int AppliedMigrations, int PendingMigrations);

    private sealed record HealthBody(string Status, List<HealthCheck> Checks);

    private sealed record HealthCheck(string Name, string Status);
}
