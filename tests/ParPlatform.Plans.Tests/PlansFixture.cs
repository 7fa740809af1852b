using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Contracts.Identity;
using ParPlatform.Plans.Jobs;
using ParPlatform.TestSupport;

namespace ParPlatform.Plans.Tests;

/// <summary>
/// The plans service in-process against a real PostgreSQL and RabbitMQ, with a stand-in for the identity service that
/// publishes a test signing key; the units of the four seed plans known to the service (Tam Thanh 06112 and Chi Lăng 06181
/// of Lạng Sơn 20, Nam Gia Nghĩa 24778 of Lâm Đồng 68, Thanh Miện 11300 of Hải Phòng 31: the last two codes stand in for the
/// real ones), and their bodies registered through the registry's events (AgencyRegistered), as identity publishes them.
/// </summary>
public sealed class PlansFixture : IAsyncLifetime
{
    public const string TamThanh = "06112", ChiLang = "06181", NamGiaNghia = "24778", ThanhMien = "11300", LangSon = "20";

    /// <summary>The bodies of the seed units' plans: (unit, code, name, kind).</summary>
    public static readonly (string Unit, string Code, string Name, AgencyKind Kind)[] Bodies =
    [
        .. SameOffices(TamThanh, "phường", "Kinh tế, Hạ tầng và Đô thị"),
        .. SameOffices(NamGiaNghia, "phường", "Kinh tế, Hạ tầng và Đô thị"),
        .. SameOffices(ChiLang, "xã", "Kinh tế"),
        .. SameOffices(ThanhMien, "xã", "Kinh tế"),
        (NamGiaNghia, "cong-an", "Công an phường", AgencyKind.Police),
        (ChiLang, "bcd-cds-06", "Ban Chỉ đạo Phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 xã", AgencyKind.SteeringCommittee),
        (ChiLang, "mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", AgencyKind.FatherlandFront),
        (ThanhMien, "dich-vu-su-nghiep", "Trung tâm Dịch vụ sự nghiệp công xã", AgencyKind.PublicService),
    ];

    private static IEnumerable<(string, string, string, AgencyKind)> SameOffices(string unit, string kind, string economic) =>
    [
        (unit, "van-phong", $"Văn phòng HĐND và UBND {kind}", AgencyKind.Administrative),
        (unit, "van-hoa-xa-hoi", $"Phòng Văn hóa – Xã hội {kind}", AgencyKind.Administrative),
        (unit, "kinh-te", $"Phòng {economic}", AgencyKind.Administrative),
        (unit, "phuc-vu-hcc", $"Trung tâm Phục vụ hành chính công {kind}", AgencyKind.Administrative),
    ];

    private TestIdentity Identity { get; } = new();

    public TestServers Servers { get; private set; } = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;

    /// <summary>The service's clock: the real time until a test sets <see cref="TestClock.Now"/>.</summary>
    public TestClock Clock { get; } = new();

    public string Database => Servers.Database("plansdb");

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync("plansdb");
        await Identity.StartAsync();
        Service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:plansdb", Database);
            host.UseSetting("ConnectionStrings:plansdb-owner", Servers.DatabaseOwner("plansdb"));
            host.UseSetting("ConnectionStrings:messaging", Servers.Messaging);
            host.UseSetting("Identity:Issuer", TestIdentity.Issuer);
            host.UseSetting("services:identity:http:0", Identity.Url);
            host.UseSetting("Plans:OverdueScanSeconds", "86400"); // tests run the scan themselves
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        using (var client = Service.CreateClient()) // starts it: migrations, consumers
            await ServiceReadiness.WaitAsync(client, "plans"); // the consumers' queues bound: events published from now on reach them
        await using (var connection = await TenantConnections.OpenAllTenantsAsync(Database))
        {
            await using var units = new NpgsqlCommand(
                """
                INSERT INTO plans.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at) VALUES
                  ('06112', '20', 'Phường Tam Thanh', 'Ward', 'Lạng Sơn', now(), now()),
                  ('06181', '20', 'Xã Chi Lăng', 'Commune', 'Lạng Sơn', now(), now()),
                  ('06199', '20', 'Xã Phát Lại', 'Commune', 'Lạng Sơn', now(), now()),
                  ('24778', '68', 'Phường Nam Gia Nghĩa', 'Ward', 'Lâm Đồng', now(), now()),
                  ('11300', '31', 'Xã Thanh Miện', 'Commune', 'Hải Phòng', now(), now())
                """, connection);
            await units.ExecuteNonQueryAsync();
        }
        foreach (var (unit, code, name, kind) in Bodies)
        {
            await EventFeed.PublishAsync(Servers.Messaging, new AgencyRegistered
            {
                UnitCode = unit, ProvinceCode = ProvinceOf(unit), AgencyCode = code, AgencyName = name, Kind = kind,
            });
        }
        await WaitForBodiesAsync(Bodies.Length);
    }

    public static string ProvinceOf(string unit) => unit switch
    {
        NamGiaNghia => "68",
        ThanhMien => "31",
        _ => LangSon,
    };

    /// <summary>Waits (up to 30 s) until the service holds <paramref name="count"/> bodies of all units.</summary>
    public async Task WaitForBodiesAsync(int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
            await using var query = new NpgsqlCommand("SELECT count(*) FROM plans.unit_bodies", connection);
            var held = (long)(await query.ExecuteScalarAsync())!;
            if (held >= count)
                return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"The service holds {held} bodies, not {count}, after 30 s.");
            await Task.Delay(100);
        }
    }

    public HttpClient Officer(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Officer(unit));

    public HttpClient Chairman(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Chairman(unit));

    public HttpClient Reviewer(string province) => TestIdentity.Bearing(Service.CreateClient(), Identity.Reviewer(province));

    public HttpClient Bearer(params (string Type, string Value)[] claims) => TestIdentity.Bearing(Service.CreateClient(), Identity.Token(claims));

    /// <summary>Runs the overdue job's scan once, now.</summary>
    public async Task<int> ScanOverdueAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskOverdueScan>().RunAsync(Clock.GetUtcNow(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
