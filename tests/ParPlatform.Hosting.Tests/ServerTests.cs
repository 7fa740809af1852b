using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Hosting.Tests;

public sealed class ServerTests(ServersFixture servers) : IClassFixture<ServersFixture>
{
    [Fact]
    public async Task A_service_role_owns_its_database()
    {
        await using var connection = new NpgsqlConnection(servers.PlansDb.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE TABLE probe (id int); SELECT current_user || '@' || current_database();", connection);

        Assert.Equal("plansdb@plansdb", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("dossiersdb")]
    [InlineData("postgres")]
    [InlineData("template1")]
    public async Task A_service_role_cannot_connect_to_another_database(string otherDatabase)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(servers.PlansDb.ConnectionString) { Database = otherDatabase }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task PostgreSQL_listens_on_loopback_only_with_password_authentication()
    {
        await using var connection = new NpgsqlConnection(servers.Postgres.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || ' ' || current_setting('password_encryption')", connection);

        Assert.Equal("127.0.0.1 scram-sha-256", await command.ExecuteScalarAsync());
        var wrongPassword = new NpgsqlConnectionStringBuilder(servers.PlansDb.ConnectionString) { Password = "wrong" }.ConnectionString;
        await using var refused = new NpgsqlConnection(wrongPassword);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public void The_superuser_password_file_is_readable_by_its_owner_only()
    {
        var mode = File.GetUnixFileMode(Path.Combine(servers.Postgres.ResourceDirectory, "superuser-password"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task The_service_account_can_use_the_virtual_host()
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = servers.Messaging.AmqpPort,
            VirtualHost = "parplatform",
            UserName = "parplatform",
            Password = servers.Messaging.ServicePassword,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var queue = await channel.QueueDeclareAsync("hosting-test", durable: false, exclusive: true, autoDelete: true);

        Assert.Equal("hosting-test", queue.QueueName);
        Assert.Equal($"amqp://parplatform:{servers.Messaging.ServicePassword}@127.0.0.1:{servers.Messaging.AmqpPort}/parplatform", servers.Messaging.ConnectionString);
    }

    [Fact]
    public async Task Guest_cannot_log_in()
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = servers.Messaging.AmqpPort,
            UserName = "guest",
            Password = "guest",
        };

        var refused = await Assert.ThrowsAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());

        Assert.IsType<AuthenticationFailureException>(refused.InnerException);
    }

    [Fact]
    public async Task The_integrator_receives_events_through_its_own_queue()
    {
        await using var service = await ConnectAsync(servers.Messaging.ConnectionString);
        await using var publisher = await service.CreateChannelAsync(new CreateChannelOptions(true, true));
        await publisher.ExchangeDeclareAsync("events.test.something", ExchangeType.Fanout, durable: true);
        await using var integrator = await ConnectAsync(servers.Messaging.IntegratorConnectionString);
        await using var channel = await integrator.CreateChannelAsync();
        await channel.QueueDeclareAsync("integrator.test-reader", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync("integrator.test-reader", "events.test.something", "");

        await publisher.BasicPublishAsync("events.test.something", "", mandatory: true,
            new BasicProperties { MessageId = "event-1" }, Encoding.UTF8.GetBytes("""{"unitCode":"06112"}"""));

        var received = await channel.BasicGetAsync("integrator.test-reader", autoAck: true);
        Assert.NotNull(received);
        Assert.Equal("event-1", received.BasicProperties.MessageId);
        Assert.Equal("""{"unitCode":"06112"}""", Encoding.UTF8.GetString(received.Body.Span));
        Assert.Equal($"amqp://integrator:{servers.Messaging.IntegratorPassword}@127.0.0.1:{servers.Messaging.AmqpPort}/parplatform",
            servers.Messaging.IntegratorConnectionString);
    }

    [Theory]
    [InlineData("events.test.something", "")]
    [InlineData("", "plans.unit-registered")]
    public async Task The_integrator_cannot_publish_to_events_or_service_queues(string exchange, string routingKey)
    {
        await using var service = await ConnectAsync(servers.Messaging.ConnectionString);
        await using var serviceChannel = await service.CreateChannelAsync();
        await serviceChannel.ExchangeDeclareAsync("events.test.something", ExchangeType.Fanout, durable: true);
        await serviceChannel.QueueDeclareAsync("plans.unit-registered", durable: true, exclusive: false, autoDelete: false);
        await using var integrator = await ConnectAsync(servers.Messaging.IntegratorConnectionString);
        await using var channel = await integrator.CreateChannelAsync();

        await channel.BasicPublishAsync(exchange, routingKey, Encoding.UTF8.GetBytes("{}"));

        // The broker answers a refused publish by closing the channel; the next call on it reports why.
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.BasicQosAsync(0, 1, false));
        Assert.Equal(Constants.AccessRefused, refused.ShutdownReason!.ReplyCode);
        Assert.Equal(0u, await serviceChannel.MessageCountAsync("plans.unit-registered"));
    }

    [Theory]
    [InlineData("basic.get")]
    [InlineData("basic.consume")]
    public async Task The_integrator_cannot_read_a_service_queue(string method)
    {
        await using var service = await ConnectAsync(servers.Messaging.ConnectionString);
        await using var serviceChannel = await service.CreateChannelAsync();
        await serviceChannel.QueueDeclareAsync("plans.unit-registered", durable: true, exclusive: false, autoDelete: false);
        await using var integrator = await ConnectAsync(servers.Messaging.IntegratorConnectionString);
        await using var channel = await integrator.CreateChannelAsync();

        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => method == "basic.get"
            ? channel.BasicGetAsync("plans.unit-registered", autoAck: false)
            : channel.BasicConsumeAsync("plans.unit-registered", autoAck: false, new AsyncEventingBasicConsumer(channel)));

        Assert.Equal(Constants.AccessRefused, refused.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task The_integrator_has_no_management_access_and_a_private_password_file()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{servers.Messaging.ManagementUrl}/api/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"integrator:{servers.Messaging.IntegratorPassword}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var passwordFile = Path.Combine(servers.Messaging.ResourceDirectory, "integrator-password");
        Assert.Equal(servers.Messaging.IntegratorPassword, File.ReadAllText(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.Equal($"amqp://integrator@127.0.0.1:{servers.Messaging.AmqpPort}/parplatform (password in {passwordFile})",
            servers.Messaging.Endpoints["integrator"]);
    }

    [Fact]
    public async Task Configured_external_servers_are_used_instead_of_starting_new_ones()
    {
        using var directory = new TestDirectory();
        var builder = new PlatformBuilder(new PlatformOptions
        {
            DataDirectory = directory.Path,
            ExternalPostgres = servers.Postgres.SuperuserConnectionString,
            ExternalMessaging = servers.Messaging.ConnectionString,
        });
        builder.AddPostgres("postgres").AddDatabase("financedb");
        builder.AddRabbitMQ("messaging");
        await using var platform = builder.Build();

        await platform.StartAsync(CancellationToken.None);

        Assert.All(platform.Resources, r => Assert.Null(r.ProcessId));
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "postgres")));
        await using var connection = new NpgsqlConnection(platform.Get<PostgresDatabaseResource>("financedb").ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(servers.Postgres.Endpoints["tcp"], $"{connection.Host}:{connection.Port}");
        var messaging = platform.Get<RabbitMQServerResource>("messaging");
        Assert.Equal(servers.Messaging.ConnectionString, messaging.ConnectionString);
        // The integrator account of an external broker is its administrator's to create.
        Assert.Equal("", messaging.IntegratorConnectionString);
        Assert.Contains(messaging.Console.Lines, line => line.Contains("administrator creates the 'integrator' account", StringComparison.Ordinal));
    }

    private static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
}
