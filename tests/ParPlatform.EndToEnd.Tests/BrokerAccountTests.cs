using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Hosting.RabbitMQ;
using RabbitMQ.Client;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// The broker accounts of the running platform: every service is connected as its own account, and an integrator
/// registered through the gateway reads its province's events, and only those, with its own account until revoked.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class BrokerAccountTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["identity", "plans", "dossiers", "finance", "staffing", "reporting"];

    private RabbitMQExecutableResource Broker => platform.AppHost.App.Services.GetRequiredService<DistributedApplicationModel>()
        .Resources.OfType<RabbitMQExecutableResource>().Single();

    [Fact]
    public async Task Every_service_is_connected_to_the_broker_as_its_own_account()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMQExecutableResource.AdministratorUser}:{Broker.AdministratorPassword}")));

        var connections = await http.GetFromJsonAsync<List<JsonElement>>($"{Broker.ManagementUrl}/api/connections?columns=user,client_properties");

        // Each connection is named after its service (MassTransit's bus, and one per consumer queue: "plans plans.unit-registered").
        var byService = connections!
            .Select(c => (User: c.GetProperty("user").GetString()!, Name: c.GetProperty("client_properties").GetProperty("connection_name").GetString()!))
            .ToLookup(c => c.Name.Split(' ')[0]);
        Assert.Equal(Services.Order(StringComparer.Ordinal), byService.Select(g => g.Key).Order(StringComparer.Ordinal));
        foreach (var service in byService)
            Assert.All(service, connection => Assert.Equal(service.Key, connection.User));
    }

    [Fact]
    public async Task An_integrator_registered_through_the_gateway_reads_its_provinces_events_only_until_it_is_revoked()
    {
        var admin = await platform.AppHost.TokenAsync("admin");
        var clientId = $"e2e-langson-{Guid.NewGuid():N}"[..30];
        using var registered = await platform.AppHost.SendAsync(HttpMethod.Post, "/api/v1/admin/integrators", admin,
            new { clientId, displayName = "Hệ thống thử tỉnh Lạng Sơn", provinceCode = "20" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var answer = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var broker = answer.GetProperty("broker");
        await using var connection = await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = Broker.Amqp.Port,
            VirtualHost = RabbitMQExecutableResource.VirtualHost,
            UserName = broker.GetProperty("user").GetString()!,
            Password = answer.GetProperty("clientSecret").GetString()!,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = broker.GetProperty("queue").GetString()!;
        foreach (var key in broker.GetProperty("bindingKeys").EnumerateArray())
            await channel.QueueBindAsync(queue, "events.identity.unit-registered", key.GetString()!);

        var lamDong = await RegisterUnitAsync(admin, "68");
        var langSon = await RegisterUnitAsync(admin, "20");

        var received = await NextAsync(channel, queue);
        Assert.Equal($"20.{langSon}", received.RoutingKey);
        Assert.Equal(langSon, JsonDocument.Parse(received.Body).RootElement.GetProperty("unitCode").GetString());
        await Task.Delay(TimeSpan.FromSeconds(1)); // Lâm Đồng's event was published first: nothing of it may follow
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true));
        Assert.NotEqual(lamDong, langSon);

        using var revoked = await platform.AppHost.SendAsync(HttpMethod.Post, $"/api/v1/admin/integrators/{clientId}/revoke", admin);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        for (var attempt = 0; attempt < 50 && connection.IsOpen; attempt++)
            await Task.Delay(100);
        Assert.False(connection.IsOpen, "the revoked integrator's connection is still open");
    }

    private async Task<string> RegisterUnitAsync(string token, string province)
    {
        var code = Random.Shared.Next(30000, 99999).ToString(CultureInfo.InvariantCulture);
        using var registered = await platform.AppHost.SendAsync(HttpMethod.Post, "/api/v1/admin/units", token,
            new { code, name = $"Xã thử {code}", kind = "commune", provinceCode = province });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return code;
    }

    private static async Task<BasicGetResult> NextAsync(IChannel channel, string queue)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
                return message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Nothing on {queue} within 30 s.");
    }
}
