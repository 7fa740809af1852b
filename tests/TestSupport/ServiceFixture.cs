using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace ParPlatform.TestSupport;

/// <summary>
/// A service in-process against a real PostgreSQL (its database "{service}db", schema "{service}") and RabbitMQ, with a
/// stand-in for the identity service that publishes a test signing key; Tam Thanh 06112 and Chi Lăng 06181 of Lạng Sơn 20,
/// and Nam Gia Nghĩa 24778 of Lâm Đồng 68 (a stand-in code) known to the service; clients with each role's token.
/// </summary>
public abstract class ServiceFixture<TProgram>(string service) : IAsyncLifetime where TProgram : class
{
    private TestIdentity Identity { get; } = new();

    public TestServers Servers { get; private set; } = null!;

    public WebApplicationFactory<TProgram> Service { get; private set; } = null!;

    public string Database => Servers.Database($"{service}db");

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync($"{service}db");
        await Identity.StartAsync();
        Service = new WebApplicationFactory<TProgram>().WithWebHostBuilder(host =>
        {
            host.UseSetting($"ConnectionStrings:{service}db", Database);
            host.UseSetting($"ConnectionStrings:{service}db-owner", Servers.DatabaseOwner($"{service}db"));
            host.UseSetting("ConnectionStrings:messaging", Servers.Messaging);
            host.UseSetting("Identity:Issuer", TestIdentity.Issuer);
            host.UseSetting("services:identity:http:0", Identity.Url);
        });
        using (var client = Service.CreateClient()) // starts it: migrations, consumers
            await ServiceReadiness.WaitAsync(client, service);
        await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
        await using var units = new NpgsqlCommand(
            $"""
            INSERT INTO {service}.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at) VALUES
              ('06112', '20', 'Phường Tam Thanh', 'Ward', 'Lạng Sơn', now(), now()),
              ('06181', '20', 'Xã Chi Lăng', 'Commune', 'Lạng Sơn', now(), now()),
              ('24778', '68', 'Phường Nam Gia Nghĩa', 'Ward', 'Lâm Đồng', now(), now())
            """, connection);
        await units.ExecuteNonQueryAsync();
    }

    public HttpClient Officer(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Officer(unit));

    public HttpClient Chairman(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Chairman(unit));

    public HttpClient Reviewer(string province) => TestIdentity.Bearing(Service.CreateClient(), Identity.Reviewer(province));

    public HttpClient Bearer(params (string Type, string Value)[] claims) => TestIdentity.Bearing(Service.CreateClient(), Identity.Token(claims));

    /// <summary>The rows of one of the service's tables (every tenant), to show that a refused request wrote nothing.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
        await using var query = new NpgsqlCommand($"SELECT count(*) FROM {service}.{table}", connection);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
