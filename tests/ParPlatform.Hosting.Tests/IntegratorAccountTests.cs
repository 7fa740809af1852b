using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Messaging.Integrators;
using ParPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Hosting.Tests;

/// <summary>
/// Integrators' broker accounts, made as the identity service makes them (with its account, the broker's
/// administrator): each reads its own queue, bound only with keys of its province or units, and nothing else;
/// a new password shuts the old one out, a deleted account is gone with its connections; a forgotten queue stops
/// at its length limit while the services keep publishing.
/// </summary>
[Collection(SharedServers.Name)]
public sealed class IntegratorAccountTests(ServersFixture fixture) : IAsyncLifetime
{
    private const string Resolved = "events.dossiers.dossier-resolved";
    private const string Registered = "events.identity.unit-registered";

    private TestServers Servers => fixture.Servers;

    private IntegratorAccounts Accounts => new(Servers.BrokerUser("identity"), new Uri(Servers.Broker.ManagementUrl));

    /// <summary>Lạng Sơn's integrator (province 20), Chi Lăng's (unit 06181 only), Lâm Đồng's (province 68); a queue of the dossiers service.</summary>
    public async Task InitializeAsync()
    {
        await Accounts.CreateAsync("langson", "langson-password", new IntegratorScope("20", []));
        await Accounts.CreateAsync("chilang", "chilang-password", new IntegratorScope(null, [("20", "06181")]));
        await Accounts.CreateAsync("lamdong", "lamdong-password", new IntegratorScope("68", []));
        await using var dossiers = await ConnectAsync(Servers.BrokerUser("dossiers"));
        await using var channel = await dossiers.CreateChannelAsync();
        await channel.QueueDeclareAsync("dossiers.probe", durable: true, exclusive: false, autoDelete: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, bool> Rights => new()
    {
        // Its own queue, bound with keys of its scope, on the events of the catalogue.
        { "langson", $"bind integrator.langson to {Resolved} with 20.#", true },
        { "langson", $"bind integrator.langson to {Registered} with 20.06112", true },
        { "langson", $"unbind integrator.langson from {Resolved} with 20.#", true },
        { "langson", "consume integrator.langson", true },
        { "langson", "get integrator.langson", true },
        { "langson", "purge integrator.langson", true }, // RabbitMQ checks read, as for consuming: its own messages
        { "chilang", $"bind integrator.chilang to {Resolved} with 20.06181", true },
        // Another province's events, or everything.
        { "langson", $"bind integrator.langson to {Resolved} with 68.#", false },
        { "langson", $"bind integrator.langson to {Resolved} with #", false },
        { "langson", $"bind integrator.langson to {Resolved} with *.06112", false },
        { "langson", $"bind integrator.langson to {Registered} with #.06112", false },
        // A unit integrator: its units only, not the rest of their province.
        { "chilang", $"bind integrator.chilang to {Resolved} with 20.#", false },
        { "chilang", $"bind integrator.chilang to {Resolved} with 20.06112", false },
        // An exchange outside the catalogue (where no topic authorisation would apply), or a service's.
        { "langson", "bind integrator.langson to amq.topic with #", false },
        { "langson", "bind integrator.langson to dossiers.probe_error with #", false },
        // The audit log (who changed what in the platform) is never an integrator's, even its own province's entries.
        { "langson", "bind integrator.langson to events.audit.administrative-change-recorded with 20.#", false },
        // Another integrator's queue, a service's queue, its own queue's lifetime, new queues, publishing.
        { "langson", "get integrator.lamdong", false },
        { "langson", "consume integrator.lamdong", false },
        { "langson", $"bind integrator.lamdong to {Resolved} with 20.#", false },
        { "langson", "purge integrator.lamdong", false },
        { "langson", "delete queue integrator.lamdong", false },
        { "langson", "delete queue integrator.langson", false },
        { "langson", "get dossiers.probe", false },
        { "langson", "delete queue dossiers.probe", false },
        { "langson", "declare queue integrator.langson.more", false },
        { "langson", "declare queue integrator.langson", false },
        { "langson", $"publish to {Resolved}", false },
        { "langson", "publish to the default exchange for dossiers.probe", false },
        { "langson", "delete exchange events.dossiers.dossier-resolved", false },
    };

    [Theory]
    [MemberData(nameof(Rights))]
    public async Task An_integrator_may_read_only_its_own_queue_with_the_events_of_its_scope(string integrator, string operation, bool allowed)
    {
        await using var connection = await ConnectAsync(Account(integrator, $"{integrator}-password"));

        var outcome = await BrokerOperations.TryAsync(connection, operation);

        Assert.True(allowed == outcome.Allowed, $"{operation}: {outcome.Reason}");
        if (!allowed)
            Assert.Equal(Constants.AccessRefused, outcome.ReplyCode);
    }

    [Fact]
    public async Task An_integrator_receives_the_events_of_its_province_and_no_other()
    {
        var access = await Accounts.CreateAsync("langson-feed", "feed-password", new IntegratorScope("20", []));
        Assert.Equal(["20.#"], access.BindingKeys);
        Assert.Equal("integrator.langson-feed", access.Queue);
        await using var integrator = await ConnectAsync(Account(access.User, "feed-password", raw: true));
        await using var channel = await integrator.CreateChannelAsync();
        foreach (var key in access.BindingKeys)
            await channel.QueueBindAsync(access.Queue, Resolved, key);

        await PublishAsync(Resolved, ("68.24778", "lam-dong"), ("20.06112", "lang-son"));

        var received = await EventuallyAsync(() => channel.BasicGetAsync(access.Queue, autoAck: true));
        Assert.Equal("lang-son", Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal("20.06112", received.RoutingKey);
        Assert.Null(await channel.BasicGetAsync(access.Queue, autoAck: true));
    }

    [Fact]
    public async Task A_new_password_shuts_out_the_old_one_and_its_connections_and_a_deleted_account_is_gone_with_its_queue()
    {
        await Accounts.CreateAsync("rotating", "first-password", new IntegratorScope("20", []));
        await using var before = await ConnectAsync(Account("rotating", "first-password"));
        await using (var channel = await before.CreateChannelAsync())
            await channel.QueueBindAsync("integrator.rotating", Resolved, "20.#");

        await Accounts.CreateAsync("rotating", "second-password", new IntegratorScope("20", []));

        await EventuallyAsync(() => Task.FromResult(before.IsOpen ? null : "closed"));
        await AssertRefusedAsync(Account("rotating", "first-password"));
        await using var after = await ConnectAsync(Account("rotating", "second-password"));
        await using (var channel = await after.CreateChannelAsync())
        {
            // The queue kept its binding across the new password.
            await PublishAsync(Resolved, ("20.06112", "kept"));
            Assert.Equal("kept", Encoding.UTF8.GetString((await EventuallyAsync(() => channel.BasicGetAsync("integrator.rotating", autoAck: true))).Body.Span));
        }

        await Accounts.DeleteAsync("rotating");

        await EventuallyAsync(() => Task.FromResult(after.IsOpen ? null : "closed"));
        await AssertRefusedAsync(Account("rotating", "second-password"));
        await using var administrator = await ConnectAsync(Servers.Messaging);
        await using var check = await administrator.CreateChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(() => check.QueueDeclarePassiveAsync("integrator.rotating"));
        Assert.Equal(Constants.NotFound, missing.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task An_integrator_has_no_management_access()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Servers.Broker.ManagementUrl}/api/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("integrator.langson:langson-password")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forgotten_integrator_queue_stops_at_its_limit_dropping_its_oldest_while_the_services_keep_publishing()
    {
        const string Rated = "events.dossiers.dossier-rated";
        const int Extra = 10;
        var access = await Accounts.CreateAsync("forgetful", "forgetful-password", new IntegratorScope("20", []));
        await using (var integrator = await ConnectAsync(Account(access.User, "forgetful-password", raw: true)))
        await using (var channel = await integrator.CreateChannelAsync())
            await channel.QueueBindAsync(access.Queue, Rated, "20.#");
        await using var dossiers = await ConnectAsync(Servers.BrokerUser("dossiers"));
        await using var service = await dossiers.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await service.QueueDeclareAsync("dossiers.limit-probe", durable: true, exclusive: false, autoDelete: false);
        await service.QueueBindAsync("dossiers.limit-probe", Rated, "#");

        // The dossiers service publishes with confirms, as its outbox does: every publish is confirmed, past the limit too.
        var total = RabbitMQExecutableResource.IntegratorQueueMaxLength + Extra;
        for (var start = 0; start < total; start += 1000)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(1000, total - start)).Select(n =>
                service.BasicPublishAsync(Rated, "20.06112", mandatory: true, new BasicProperties(), Encoding.UTF8.GetBytes(Number(n))).AsTask()));
        }

        Assert.Equal((uint)RabbitMQExecutableResource.IntegratorQueueMaxLength, await service.MessageCountAsync(access.Queue));
        Assert.Equal((uint)total, await service.MessageCountAsync("dossiers.limit-probe"));
        await using var administrator = await ConnectAsync(Servers.Messaging);
        await using var check = await administrator.CreateChannelAsync();
        var oldest = await check.BasicGetAsync(access.Queue, autoAck: true);
        Assert.Equal(Number(Extra), Encoding.UTF8.GetString(oldest!.Body.Span));
        await check.QueueDeleteAsync(access.Queue);
        await check.QueueDeleteAsync("dossiers.limit-probe");
    }

    private static string Number(int n) => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task PublishAsync(string exchange, params (string Key, string Body)[] messages)
    {
        await using var dossiers = await ConnectAsync(Servers.BrokerUser("dossiers"));
        await using var channel = await dossiers.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        foreach (var (key, body) in messages)
            await channel.BasicPublishAsync(exchange, key, mandatory: false, new BasicProperties(), Encoding.UTF8.GetBytes(body));
    }

    /// <summary>amqp://integrator.{clientId}:password@… (or, <paramref name="raw"/>, the user as given).</summary>
    private string Account(string user, string password, bool raw = false) =>
        $"amqp://{Uri.EscapeDataString(raw ? user : "integrator." + user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{Servers.Broker.Amqp.Port}/parplatform";

    private static async Task AssertRefusedAsync(string account)
    {
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync(account));
        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await probe() is { } value)
                return value;
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing within 10 s.");
    }

    private static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
}
