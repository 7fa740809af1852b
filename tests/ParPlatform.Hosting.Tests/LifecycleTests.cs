using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Hosting.Tests;

public sealed class LifecycleTests
{
    private static readonly string[] ServerResources = ["postgres", "messaging", "messaging-epmd"];
    private const string LegacyExchange = "events.dossiers.dossier-resolved";

    [Fact]
    public async Task Stopping_leaves_no_server_process_behind_and_data_survives_a_restart()
    {
        using var directory = new TestDirectory();
        string administratorPassword;
        string firstPlansAccount;
        await using (var first = await StartServersAsync(directory.Path))
        {
            administratorPassword = Broker(first).AdministratorPassword;
            firstPlansAccount = (await first.GetConnectionStringAsync("messaging-plans"))!;
            await MakeLegacyBrokerAsync(first);
            var pids = ServerResources.Select(name => Pid(first, name)).ToList();
            var running = ProcessTable.Using(directory.Path);
            Assert.All(pids, pid => Assert.Contains(running, line => line.StartsWith($"{pid}: ", StringComparison.Ordinal)));
            await WriteDataAsync(first);
            await StopPortMapperFirstAsync(first);

            await first.StopAsync();

            Assert.All(pids, pid => Assert.False(ProcessTable.IsAlive(pid), $"process {pid} is still running"));
            Assert.Empty(ProcessTable.Using(directory.Path));
            Assert.Equal("shut down", await ClusterStateAsync(directory.Path));
        }

        // A second start reuses the initialised data directory and the administrator's password: the administrator
        // set on the node's first boot still logs in, and what the first run wrote is there. A service's account has
        // this start's password, the former one no longer logs in.
        List<int> pidsAgain;
        await using (var second = await StartServersAsync(directory.Path))
        {
            pidsAgain = [.. ServerResources.Select(name => Pid(second, name))];
            Assert.Equal(administratorPassword, Broker(second).AdministratorPassword);
            await using (var administrator = await new ConnectionFactory { Uri = new Uri(Broker(second).AdministratorConnectionString) }.CreateConnectionAsync())
                Assert.True(administrator.IsOpen);
            var plansAccount = (await second.GetConnectionStringAsync("messaging-plans"))!;
            Assert.NotEqual(firstPlansAccount, plansAccount);
            await using (var plans = await new ConnectionFactory { Uri = new Uri(plansAccount) }.CreateConnectionAsync())
                Assert.True(plans.IsOpen);
            var formerPassword = Uri.UnescapeDataString(new Uri(firstPlansAccount).UserInfo.Split(':')[1]);
            var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => new ConnectionFactory
            {
                Uri = new Uri(plansAccount), Password = formerPassword,
            }.CreateConnectionAsync());
            Assert.IsType<AuthenticationFailureException>(refused.InnerException);
            Assert.Equal(("kept", "kept"), await ReadDataAsync(second));
            await AssertUpgradedAsync(second);
        } // stopped by its disposal alone

        Assert.All(pidsAgain, pid => Assert.False(ProcessTable.IsAlive(pid), $"process {pid} is still running"));
        Assert.Empty(ProcessTable.Using(directory.Path));
        Assert.Equal("shut down", await ClusterStateAsync(directory.Path));
    }

    /// <summary>
    /// The orchestrator does not order its stops, so the port mapper may go before the node. The node then keeps
    /// its port mapper alive (rabbit_epmd_monitor, every minute) by running a one-off Erlang VM with its own
    /// environment, which would start a port mapper as a daemon that outlives the platform. Stops the port mapper
    /// and runs that VM at once, as the node would.
    /// </summary>
    private static async Task StopPortMapperFirstAsync(DistributedApplication app)
    {
        var stop = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("messaging-epmd", KnownResourceCommands.StopCommand);
        Assert.True(stop.Success, stop.Message);
        var environment = File.ReadAllText($"/proc/{Pid(app, "messaging")}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(variable => variable.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        await Command.RunAsync("/usr/lib/erlang/bin/erl", ["-boot", "no_dot_erlang", "-sname", "epmd-starter-test", "-noinput", "-s", "erlang", "halt"],
            TimeSpan.FromSeconds(30), CancellationToken.None, environment: environment);
    }

    /// <summary>
    /// What a node of the former version has: the shared integrator account, and event exchanges of type fanout,
    /// bound to a service's queue and to an integrator's (with no key).
    /// </summary>
    private static async Task MakeLegacyBrokerAsync(DistributedApplication app)
    {
        var broker = Broker(app);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"parplatform:{broker.AdministratorPassword}")));
        using var user = await http.PutAsJsonAsync($"{broker.ManagementUrl}/api/users/integrator", new { password = "former-shared-password", tags = "" });
        user.EnsureSuccessStatusCode();
        using var permissions = await http.PutAsJsonAsync($"{broker.ManagementUrl}/api/permissions/parplatform/integrator", new { configure = ".*", write = ".*", read = ".*" });
        permissions.EnsureSuccessStatusCode();

        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.AdministratorConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeleteAsync(LegacyExchange);
        await channel.ExchangeDeclareAsync(LegacyExchange, ExchangeType.Fanout, durable: true);
        foreach (var queue in new[] { "reporting.dossier-events", "integrator.former" })
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, LegacyExchange, "");
        }
    }

    /// <summary>
    /// After the start on the former version's data: the exchange is a topic exchange, the service's queue takes every
    /// event of it again, the integrator's queue none (it binds again with its own keys), and the shared account is gone.
    /// </summary>
    private static async Task AssertUpgradedAsync(DistributedApplication app)
    {
        var broker = Broker(app);
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.AdministratorConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueuePurgeAsync("reporting.dossier-events");
        await channel.QueuePurgeAsync("integrator.former");

        await channel.BasicPublishAsync(LegacyExchange, "20.06112", mandatory: true, new BasicProperties(), Encoding.UTF8.GetBytes("{}"));

        Assert.Equal(1u, await channel.MessageCountAsync("reporting.dossier-events"));
        Assert.Equal(0u, await channel.MessageCountAsync("integrator.former"));
        // Declaring it as a topic exchange (as the services' MassTransit does) is accepted: it is one.
        await channel.ExchangeDeclareAsync(LegacyExchange, ExchangeType.Topic, durable: true);
        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = broker.Amqp.Port, VirtualHost = "parplatform", UserName = "integrator", Password = "former-shared-password",
        }.CreateConnectionAsync());
        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    /// <summary>PostgreSQL with plansdb and RabbitMQ with the plans service's account, with their data in <paramref name="dataDirectory"/>, as the AppHost declares them.</summary>
    private static async Task<DistributedApplication> StartServersAsync(string dataDirectory)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPlatformPostgres("postgres", dataDirectory).AddServiceDatabase("plansdb");
        builder.AddPlatformRabbitMQ("messaging", dataDirectory).AddServiceUser("plans");
        var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("plansdb", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", timeout.Token);
        return app;
    }

    private static RabbitMQExecutableResource Broker(DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<RabbitMQExecutableResource>().Single();

    /// <summary>The id of the resource's process, as the orchestrator reports it.</summary>
    private static int Pid(DistributedApplication app, string resource)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(resource, out var current));
        var pid = current.Snapshot.Properties.Single(p => p.Name == ProcessTable.PidProperty).Value;
        return Convert.ToInt32(pid, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The state pg_controldata reads in the data directory: "shut down" after a clean shutdown, "in production"
    /// when PostgreSQL was killed (its next start then recovers from the WAL).
    /// </summary>
    private static async Task<string> ClusterStateAsync(string dataDirectory)
    {
        // pg_controldata is beside the postgres binary, which PATH may name through a link.
        var postgres = PostgresBinaries.Find().Postgres;
        var bin = Path.GetDirectoryName(File.ResolveLinkTarget(postgres, returnFinalTarget: true)?.FullName ?? postgres)!;
        var (code, output) = await Command.RunAsync(Path.Combine(bin, "pg_controldata"),
            ["-D", Path.Combine(dataDirectory, "postgres", "pgdata")], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(0, code);
        return output.Split('\n').Single(line => line.StartsWith("Database cluster state:", StringComparison.Ordinal))["Database cluster state:".Length..].Trim();
    }

    /// <summary>
    /// Its own connection, closed at once (not kept in a pool): PostgreSQL's shutdown on the orchestrator's SIGTERM
    /// waits for every session to end, as the services' end when they stop.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenPlansDbAsync(DistributedApplication app, string role = "plansdb")
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(role)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A row in plansdb (its table created by the owner, as migrations do) and a persistent message in a durable queue.</summary>
    private static async Task WriteDataAsync(DistributedApplication app)
    {
        await using (var connection = await OpenPlansDbAsync(app, "plansdb-owner"))
        {
            await using var command = new NpgsqlCommand("CREATE TABLE probe (value text); INSERT INTO probe VALUES ('kept');", connection);
            await command.ExecuteNonQueryAsync();
        }
        await using var broker = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("messaging"))!) }.CreateConnectionAsync();
        await using var channel = await broker.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync("hosting-test.durable", durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", "hosting-test.durable", mandatory: true,
            new BasicProperties { DeliveryMode = DeliveryModes.Persistent }, Encoding.UTF8.GetBytes("kept"));
    }

    /// <summary>The row and the message <see cref="WriteDataAsync"/> wrote.</summary>
    private static async Task<(string? Row, string? Message)> ReadDataAsync(DistributedApplication app)
    {
        string? row;
        await using (var connection = await OpenPlansDbAsync(app))
        {
            await using var command = new NpgsqlCommand("SELECT value FROM probe", connection);
            row = (string?)await command.ExecuteScalarAsync();
        }
        await using var broker = await new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("messaging"))!) }.CreateConnectionAsync();
        await using var channel = await broker.CreateChannelAsync();
        var message = await channel.BasicGetAsync("hosting-test.durable", autoAck: true);
        return (row, message is null ? null : Encoding.UTF8.GetString(message.Body.Span));
    }
}
