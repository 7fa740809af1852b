using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParPlatform.Contracts.Identity;
using ParPlatform.Hosting.Processes;
using RabbitMQ.Client;

namespace ParPlatform.EndToEnd.Tests;

public sealed class PlatformTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly string[] Services = ["identity", "plans", "dossiers", "finance", "staffing", "reporting"];

    [Theory]
    [InlineData("/api/v1/admin/identity/status", "identity", "identitydb")]
    [InlineData("/api/v1/units/06112/plans/status", "plans", "plansdb")]
    [InlineData("/api/v1/units/06112/dossiers/status", "dossiers", "dossiersdb")]
    [InlineData("/api/v1/units/06112/finance/status", "finance", "financedb")]
    [InlineData("/api/v1/units/06112/staffing/status", "staffing", "staffingdb")]
    [InlineData("/api/v1/units/06112/reports/status", "reporting", "reportingdb")]
    public async Task Every_service_answers_its_status_through_the_gateway(string path, string service, string database)
    {
        var status = await platform.AppHost.Gateway.GetFromJsonAsync<StatusBody>(path, JsonSerializerOptions.Web);

        Assert.Equal(service, status!.Service);
        Assert.Equal(database, status.Database);
        Assert.Matches(@"^\d{14}_AddMessaging$", status.Migration);
        Assert.Equal(2, status.AppliedMigrations);
        Assert.Equal(0, status.PendingMigrations);
        Assert.StartsWith("0.1.0", status.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_unit_code_is_a_400_problem_naming_the_field()
    {
        using var response = await platform.AppHost.Gateway.GetAsync(new Uri("/api/v1/units/61/plans/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unitCode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_reports_every_service_ready()
    {
        var health = await platform.AppHost.Gateway.GetFromJsonAsync<HealthBody>("/health", JsonSerializerOptions.Web);

        Assert.Equal("Healthy", health!.Status);
        Assert.All(Services, s => Assert.Equal("Healthy", health.Checks.Single(c => c.Name == s).Status));
    }

    [Fact]
    public async Task The_dashboard_lists_every_resource_with_its_process_and_endpoints()
    {
        var resources = await platform.AppHost.GetResourcesAsync();

        var names = resources.Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string>(["postgres", "messaging", "gateway", "plansdb", .. Services]), names);
        Assert.All(resources.Where(r => r.Type is "project" or "postgres" or "rabbitmq"), r =>
        {
            Assert.NotNull(r.ProcessId);
            Assert.True(Signals.IsAlive(r.ProcessId!.Value), $"{r.Name}'s process {r.ProcessId} is not running");
            Assert.NotEmpty(r.Endpoints);
        });
        var page = await platform.AppHost.Dashboard.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("/api/resources", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_service_is_restarted_and_its_route_works_again_within_30_seconds()
    {
        var before = (await platform.AppHost.GetResourcesAsync()).Single(r => r.Name == "plans");
        Assert.True(Signals.Send(before.ProcessId!.Value, Signals.SigKill));

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        HttpStatusCode? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var after = (await platform.AppHost.GetResourcesAsync()).Single(r => r.Name == "plans");
            if (after.Restarts > before.Restarts && after.ProcessId is { } pid && pid != before.ProcessId)
            {
                using var response = await platform.AppHost.Gateway.GetAsync(new Uri("/api/v1/units/06112/plans/status", UriKind.Relative));
                last = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"plans did not answer through the gateway within 30 s of being killed (last status: {last?.ToString() ?? "none"}).");
    }

    [Fact]
    public async Task A_registered_unit_is_recorded_by_every_service_that_provisions_units()
    {
        var resources = await platform.AppHost.GetResourcesAsync();
        var registration = new UnitRegistered
        {
            UnitCode = Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
            ProvinceCode = "20",
            UnitName = "Phường Tam Thanh",
            Kind = UnitKind.Ward,
            ProvinceName = "Lạng Sơn",
        };

        // Published as the identity service's outbox will: plain JSON on events.identity.unit-registered.
        var amqp = resources.Single(r => r.Name == "messaging").Endpoints["amqp"];
        var password = await File.ReadAllTextAsync(Path.Combine(platform.AppHost.DataDirectory, "rabbitmq", "service-password"));
        await using (var connection = await new ConnectionFactory { Uri = new Uri($"amqp://parplatform:{password.Trim()}@{amqp}/parplatform") }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var properties = new BasicProperties { ContentType = "application/json", MessageId = registration.EventId.ToString(), Persistent = true };
            await channel.BasicPublishAsync("events.identity.unit-registered", "", true, properties,
                JsonSerializer.SerializeToUtf8Bytes(registration, JsonSerializerOptions.Web));
        }

        var postgres = resources.Single(r => r.Name == "postgres").Endpoints.Values.First().Split(':');
        var superuser = await File.ReadAllTextAsync(Path.Combine(platform.AppHost.DataDirectory, "postgres", "superuser-password"));
        foreach (var service in Services.Where(s => s != "identity"))
        {
            var database = service + "db";
            await using var dataSource = NpgsqlDataSource.Create(
                $"Host={postgres[0]};Port={postgres[1]};Username=postgres;Password={superuser.Trim()};Database={database}");
            await using var query = dataSource.CreateCommand($"SELECT unit_name FROM {service}.known_units WHERE unit_code = @code");
            query.Parameters.AddWithValue("code", registration.UnitCode);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            object? name = null;
            while (name is null && DateTimeOffset.UtcNow < deadline)
            {
                name = await query.ExecuteScalarAsync();
                if (name is null)
                    await Task.Delay(200);
            }
            Assert.True(name is not null, $"{service} did not record unit {registration.UnitCode} within 30 s");
            Assert.Equal("Phường Tam Thanh", name);
        }
    }

    private sealed record StatusBody(string Service, string Version, string Database, string Migration, int AppliedMigrations, int PendingMigrations);

    private sealed record HealthBody(string Status, List<HealthCheck> Checks);

    private sealed record HealthCheck(string Name, string Status);
}
