using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
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

    [Fact]
    public async Task A_service_without_the_owners_connection_string_refuses_to_start_and_names_it()
    {
        using var host = Build(Unreachable());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith("ConnectionStrings:plansdb-owner is not configured", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_a_query_outside_a_request_with_no_tenant_scope_throws_before_connecting()
    {
        using var host = Build(Unreachable(), Environments.Development);
        await using var scope = host.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CountAsync(scope.ServiceProvider));

        Assert.Contains("no tenant scope", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.InnerException);
    }

    [Theory]
    [InlineData("Development", "unit", false)]
    [InlineData("Development", "province", false)]
    [InlineData("Development", "all", false)]
    [InlineData("Development", "none", true)]
    [InlineData("Production", "none", false)]
    public async Task A_query_with_a_scope_or_in_a_request_or_outside_Development_goes_to_the_database(
        string environment, string scopeSet, bool inRequest)
    {
        using var host = Build(Unreachable(), environment);
        await using var scope = host.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
        switch (scopeSet)
        {
            case "unit":
                tenant.SetUnit("06112");
                break;
            case "province":
                tenant.SetProvince("20");
                break;
            case "all":
                tenant.SetAllTenants();
                break;
        }
        if (inRequest)
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext();

        // The guard lets it through: the query fails only because nothing listens on the port.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CountAsync(scope.ServiceProvider));
        Assert.IsType<NpgsqlException>(failure.InnerException);
    }

    private static Task<int> CountAsync(IServiceProvider services) =>
        services.GetRequiredService<PlansContext>().Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync();

    private static string Unreachable() => $"Host=127.0.0.1;Port={ClosedPort()};Database=plans;Username=plans;Password=unused;Timeout=3";

    private static IHost Build(string? connectionString, string environment = "Production")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
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
