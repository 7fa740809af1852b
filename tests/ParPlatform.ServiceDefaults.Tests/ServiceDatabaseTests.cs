using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>What a service's database registration gives it, seen without a database server.</summary>
public sealed class ServiceDatabaseTests
{
    [Theory]
    [InlineData("Host=db;Database=plans", "plansdb", 64)]
    [InlineData("Host=db;Database=plans;Application Name=by-hand", "by-hand", 64)]
    [InlineData("Host=db;Database=plans;Max Auto Prepare=0", "plansdb", 0)]
    public void Connections_carry_the_connection_name_and_prepare_64_statements_unless_the_connection_string_says_otherwise(
        string connectionString, string applicationName, int maxAutoPrepare)
    {
        using var host = Build(connectionString);

        var pool = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.Equal(applicationName, pool.ApplicationName);
        Assert.Equal(maxAutoPrepare, pool.MaxAutoPrepare);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_makes_the_service_not_ready_and_says_why()
    {
        using var host = Build($"Host=127.0.0.1;Port={ClosedPort()};Database=plans;Username=plans;Password=unused");

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(Extensions.ReadyTag));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        var database = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Unhealthy, database.Status);
        Assert.Contains("Failed to connect", database.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_without_its_connection_string_refuses_to_start_and_names_it()
    {
        using var host = Build(null);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:plansdb", refused.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:plansdb"] = connectionString });
        builder.Services.AddScoped<TenantScope>();
        builder.AddServiceDatabase<PlansContext>("plansdb", "plans");
        return builder.Build();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class PlansContext(DbContextOptions<PlansContext> options) : DbContext(options);
}
