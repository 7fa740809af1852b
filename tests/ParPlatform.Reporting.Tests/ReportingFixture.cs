using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Contracts;
using ParPlatform.TestSupport;
using ParPlatform.Messaging;
using RabbitMQ.Client;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The reporting service in-process against a real PostgreSQL and RabbitMQ, with a stand-in for the
/// identity service that publishes a test signing key; the units 06112, 06118, 06181 (Lạng Sơn, 20)
/// and 24778 (Lâm Đồng, 68) known to it. Tests publish dossier events to the exchanges as the
/// dossiers service does, and read the statistics back.
/// </summary>
public sealed class ReportingFixture : IAsyncLifetime
{
    private TestIdentity Identity { get; } = new();

    private IConnection Broker { get; set; } = null!;

    private IChannel Channel { get; set; } = null!;

    public TestServers Servers { get; private set; } = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public string Database => Servers.Database("reportingdb");

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync("reportingdb");
        await Identity.StartAsync();
        var messaging = Servers.Messaging;

        Service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:reportingdb", Database);
            host.UseSetting("ConnectionStrings:reportingdb-owner", Servers.DatabaseOwner("reportingdb"));
            host.UseSetting("ConnectionStrings:messaging", messaging);
            host.UseSetting("Messaging:QueueCheckInterval", "00:00:00.200");
            host.UseSetting("Identity:Issuer", TestIdentity.Issuer);
            host.UseSetting("services:identity:http:0", Identity.Url);
            host.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        using (var client = Service.CreateClient())
        {
            // Ready once every consumer's queue is bound: events published from now on reach it.
            for (var attempt = 0; (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode != System.Net.HttpStatusCode.OK; attempt++)
            {
                if (attempt == 300)
                    throw new TimeoutException("The reporting service was not healthy after 30 s.");
                await Task.Delay(100);
            }
        }
        await using var connection = await TenantConnections.OpenAllTenantsAsync(Database);
        await using var units = new NpgsqlCommand(
            """
            INSERT INTO reporting.known_units (unit_code, province_code, unit_name, kind, province_name, registered_at, changed_at) VALUES
              ('06112', '20', 'Phường Tam Thanh', 'Ward', 'Lạng Sơn', now(), now()),
              ('06118', '20', 'Phường Lương Văn Tri', 'Ward', 'Lạng Sơn', now(), now()),
              ('06181', '20', 'Xã Chi Lăng', 'Commune', 'Lạng Sơn', now(), now()),
              ('24778', '68', 'Phường Xuân Hương – Đà Lạt', 'Ward', 'Lâm Đồng', now(), now())
            """, connection);
        await units.ExecuteNonQueryAsync();

        Broker = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync();
        Channel = await Broker.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
    }

    /// <summary>A statistics answer without its read model's status, whose counts and lag change from one call to the next.</summary>
    public static string NumbersOf(JsonElement statistics) =>
        JsonSerializer.Serialize(statistics.EnumerateObject().Where(p => p.Name != "readModel").ToDictionary(p => p.Name, p => p.Value));

    /// <summary>Publishes <paramref name="events"/> as the dossiers service does: raw JSON on the event's exchange.</summary>
    public async Task PublishAsync(params IntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), JsonSerializerOptions.Web);
            var properties = new BasicProperties { ContentType = "application/json", MessageId = e.EventId.ToString(), Persistent = true };
            await Channel.BasicPublishAsync(EventNames.ExchangeOf(e.GetType()), EventNames.RoutingKeyOf(e), mandatory: false, properties, body);
        }
    }

    /// <summary>Puts a message straight into a queue (e.g. an error queue, as a failed event would be).</summary>
    public async Task PutInQueueAsync(string queue, string body) =>
        await Channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = true }, System.Text.Encoding.UTF8.GetBytes(body));

    public async Task PurgeAsync(string queue) => await Channel.QueuePurgeAsync(queue);

    /// <summary>A queue of this test's own, bound to the exchange of <typeparamref name="TEvent"/>: what the service publishes.</summary>
    public async Task<string> ListenAsync<TEvent>()
    {
        var exchange = EventNames.ExchangeOf(typeof(TEvent));
        await Channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await Channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await Channel.QueueBindAsync(queue, exchange, EventNames.EveryEvent);
        return queue;
    }

    /// <summary>The next message of <paramref name="queue"/> as <typeparamref name="TEvent"/>, waiting up to 30 s.</summary>
    public async Task<TEvent> NextAsync<TEvent>(string queue)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await Channel.BasicGetAsync(queue, autoAck: true) is { } message)
                return JsonSerializer.Deserialize<TEvent>(message.Body.Span, JsonSerializerOptions.Web)!;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(TEvent).Name} within 30 s.");
    }

    /// <summary>The number <paramref name="sql"/> counts in the read model's database, every tenant's rows in reach.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT set_config('parplatform.all_tenants', 'on', false); " + sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    /// <summary>Runs <paramref name="sql"/> on the read model's database as its owner, every tenant's rows in reach.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT set_config('parplatform.all_tenants', 'on', false); " + sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the inbox has applied <paramref name="count"/> more events than <paramref name="before"/>.</summary>
    public async Task WaitForInboxAsync(long before, int count)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await InboxCountAsync() >= before + count)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The read model had not applied {count} events after 30 s.");
    }

    public async Task<long> InboxCountAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reporting.inbox_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A client with the token of a unit officer of <paramref name="unit"/>.</summary>
    public HttpClient Officer(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Officer(unit));

    /// <summary>An officer of another agency of a unit of Lạng Sơn (20) than its one-stop desk.</summary>
    public HttpClient Officer(string unit, string agency) => TestIdentity.Bearing(Service.CreateClient(),
        Identity.Token(("role", "unit-officer"), ("unit", unit), ("province", "20"), ("agency", agency)));

    /// <summary>A client with the token of the chairman of <paramref name="unit"/>.</summary>
    public HttpClient Chairman(string unit) => TestIdentity.Bearing(Service.CreateClient(), Identity.Chairman(unit));

    /// <summary>A client with the token of the platform administrator.</summary>
    public HttpClient Admin() => TestIdentity.Bearing(Service.CreateClient(), Identity.Admin());

    /// <summary>A client with the token of a reviewer of <paramref name="province"/>.</summary>
    public HttpClient Reviewer(string province) => TestIdentity.Bearing(Service.CreateClient(), Identity.Reviewer(province));

    public async Task DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Broker.DisposeAsync();
        await Service.DisposeAsync();
        await Identity.DisposeAsync();
        await Servers.DisposeAsync();
    }

}
