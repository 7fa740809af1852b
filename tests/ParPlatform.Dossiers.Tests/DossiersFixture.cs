using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The dossiers service in-process against a real PostgreSQL and RabbitMQ, with a stand-in for the
/// identity service that publishes a test signing key, and the units 06112 and 06181 (Lạng Sơn, 20)
/// and 24778 (Lâm Đồng, 68) known to the service.
/// </summary>
public sealed class DossiersFixture : IAsyncLifetime
{
    private TestIdentity Identity { get; } = new();

    public TestServers Servers { get; private set; } = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;

    /// <summary>The service's clock: the real time until a test sets <see cref="TestClock.Now"/>.</summary>
    public TestClock Clock { get; } = new();

    public string Database => Servers.Database("dossiersdb");

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync("dossiersdb");
        await Identity.StartAsync();

        Service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:dossiersdb", Database);
            host.UseSetting("ConnectionStrings:dossiersdb-owner", Servers.DatabaseOwner("dossiersdb"));
            host.UseSetting("ConnectionStrings:messaging", Servers.Messaging);
            host.UseSetting("Identity:Issuer", TestIdentity.Issuer);
            host.UseSetting("services:identity:http:0", Identity.Url);
            host.UseSetting("Dossiers:OverdueScanSeconds", "3600"); // tests run the scan themselves
            host.UseSetting("Dossiers:ReplayPageSize", DossierRequests.ReplayPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Service.CreateClient().Dispose(); // starts it: migrations
        await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
        await using var units = new NpgsqlCommand(
            """
            INSERT INTO dossiers.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at) VALUES
              ('06112', '20', 'Phường Tam Thanh', 'Ward', 'Lạng Sơn', now(), now()),
              ('06181', '20', 'Xã Chi Lăng', 'Commune', 'Lạng Sơn', now(), now()),
              ('06199', '20', 'Xã Phát Lại (chỉ các phép thử phát lại dùng)', 'Commune', 'Lạng Sơn', now(), now()),
              ('24778', '68', 'Phường Xuân Hương – Đà Lạt', 'Ward', 'Lâm Đồng', now(), now())
            """, connection);
        await units.ExecuteNonQueryAsync();
    }

    /// <summary>A client with the token of a unit officer of <paramref name="unit"/>.</summary>
    public HttpClient Officer(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Officer(unit));

    /// <summary>A client with the token of the chairman of <paramref name="unit"/>.</summary>
    public HttpClient Chairman(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Chairman(unit));

    /// <summary>A client with the token of the platform administrator.</summary>
    public HttpClient Admin() => TestIdentity.Bearing(Service.CreateClient(), Identity.Admin());

    /// <summary>A client with the token of a reviewer of <paramref name="province"/>.</summary>
    public HttpClient Reviewer(string province) => TestIdentity.Bearing(Service.CreateClient(), Identity.Reviewer(province));

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
