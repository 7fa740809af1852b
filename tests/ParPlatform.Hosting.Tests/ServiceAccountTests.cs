using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ParPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Hosting.Tests;

/// <summary>
/// Each service's own broker account, as the AppHost gives it: what it may do with its own queues and events,
/// and what it may not do with another service's — each row run against the real node.
/// </summary>
[Collection(SharedServers.Name)]
public sealed class ServiceAccountTests(ServersFixture fixture) : IAsyncLifetime
{
    private TestServers Servers => fixture.Servers;

    /// <summary>
    /// The dossiers service's queue and error queue, and the plans service's queue and event exchange, made by their
    /// owners (the exchanges of the event catalogue, such as events.dossiers.dossier-resolved, the AppHost declares).
    /// </summary>
    public async Task InitializeAsync()
    {
        await using (var dossiers = await ConnectAsync(Servers.BrokerUser("dossiers")))
        await using (var channel = await dossiers.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("dossiers.probe", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueDeclareAsync("dossiers.probe_error", durable: true, exclusive: false, autoDelete: false);
        }
        await using var plans = await ConnectAsync(Servers.BrokerUser("plans"));
        await using var plansChannel = await plans.CreateChannelAsync();
        await plansChannel.QueueDeclareAsync("plans.unit-registered", durable: true, exclusive: false, autoDelete: false);
        await plansChannel.ExchangeDeclareAsync("events.plans.probe-happened", ExchangeType.Topic, durable: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, bool> PlansServiceRights => new()
    {
        // Its own queues (consumers, error queues and their exchanges) and its own events.
        { "declare queue plans.unit-registered", true },
        { "declare exchange plans.unit-registered_error", true },
        { "bind plans.unit-registered to events.dossiers.dossier-resolved with #", true },
        { "consume plans.unit-registered", true },
        { "declare exchange events.plans.plan-issued", true },
        { "publish to events.plans.probe-happened", true },
        // The audit log's exchange, where every service records its administrative changes.
        { "publish to events.audit.administrative-change-recorded", true },
        // Not another service's events, queues or exchanges.
        { "publish to events.dossiers.dossier-resolved", false },
        { "declare exchange events.dossiers.dossier-resolved", false },
        { "delete exchange events.dossiers.dossier-resolved", false },
        { "consume dossiers.probe", false },
        { "get dossiers.probe", false },
        { "get dossiers.probe_error", false },
        { "purge dossiers.probe", false },
        { "delete queue dossiers.probe", false },
        { "bind dossiers.probe to events.plans.probe-happened with #", false },
        { "publish to the default exchange for dossiers.probe", false },
        { "declare queue integrator.someone", false },
    };

    [Theory]
    [MemberData(nameof(PlansServiceRights))]
    public async Task The_plans_service_account_may_do_only_what_is_its_own(string operation, bool allowed)
    {
        await using var connection = await ConnectAsync(Servers.BrokerUser("plans"));

        var outcome = await BrokerOperations.TryAsync(connection, operation);

        Assert.True(allowed == outcome.Allowed, $"{operation}: {outcome.Reason}");
        if (!allowed)
            Assert.Equal(Constants.AccessRefused, outcome.ReplyCode);
    }

    [Fact]
    public async Task A_service_account_has_no_management_access_and_identitys_is_the_administrator_of_error_queues()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(Servers.BrokerUser("plans")));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(Servers.BrokerUser("identity")));
        // Its admin API reads every error queue and replays a message to its queue through the default exchange.
        await using var identity = await ConnectAsync(Servers.BrokerUser("identity"));
        foreach (var operation in new[] { "get dossiers.probe_error", "publish to the default exchange for dossiers.probe" })
        {
            var outcome = await BrokerOperations.TryAsync(identity, operation);
            Assert.True(outcome.Allowed, $"{operation}: {outcome.Reason}");
        }
        Assert.False((await BrokerOperations.TryAsync(identity, "get dossiers.probe")).Allowed);
    }

    private async Task<HttpStatusCode> WhoAmIAsync(string account)
    {
        var credentials = new Uri(account).UserInfo;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Servers.Broker.ManagementUrl}/api/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(credentials))));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
}

/// <summary>
/// Broker operations named in plain words ("publish to X", "bind Q to X with K", "consume Q" …), each run on a
/// channel of its own: the broker answers a refusal by closing the channel, and the next call reports why.
/// </summary>
public static class BrokerOperations
{
    public sealed record Outcome(bool Allowed, ushort ReplyCode, string Reason);

    public static async Task<Outcome> TryAsync(IConnection connection, string operation)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await RunAsync(channel, operation.Split(' '));
            await channel.BasicQosAsync(0, 1, false); // a refused publish shows here
            return new Outcome(true, 0, "allowed");
        }
        catch (OperationInterruptedException e)
        {
            return new Outcome(false, e.ShutdownReason?.ReplyCode ?? 0, e.ShutdownReason?.ReplyText ?? e.Message);
        }
    }

    private static async Task RunAsync(IChannel channel, string[] words)
    {
        switch (words)
        {
            case ["declare", "queue", var queue]:
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
                break;
            case ["declare", "exchange", var exchange]:
                await channel.ExchangeDeclareAsync(exchange, exchange.EndsWith("_error", StringComparison.Ordinal) ? ExchangeType.Fanout : ExchangeType.Topic, durable: true);
                break;
            case ["delete", "exchange", var exchange]:
                await channel.ExchangeDeleteAsync(exchange);
                break;
            case ["delete", "queue", var queue]:
                await channel.QueueDeleteAsync(queue);
                break;
            case ["purge", var queue]:
                await channel.QueuePurgeAsync(queue);
                break;
            case ["bind", var queue, "to", var exchange, "with", var key]:
                await channel.QueueBindAsync(queue, exchange, key);
                break;
            case ["unbind", var queue, "from", var exchange, "with", var key]:
                await channel.QueueUnbindAsync(queue, exchange, key);
                break;
            case ["consume", var queue]:
                await channel.BasicConsumeAsync(queue, autoAck: false, new AsyncEventingBasicConsumer(channel));
                break;
            case ["get", var queue]:
                await channel.BasicGetAsync(queue, autoAck: false);
                break;
            case ["publish", "to", "the", "default", "exchange", "for", var queue]:
                await channel.BasicPublishAsync("", queue, Encoding.UTF8.GetBytes("{}"));
                break;
            case ["publish", "to", var exchange]:
                await channel.BasicPublishAsync(exchange, "20.06112", Encoding.UTF8.GetBytes("{}"));
                break;
            default:
                throw new ArgumentException($"Unknown operation '{string.Join(' ', words)}'.", nameof(words));
        }
    }
}
