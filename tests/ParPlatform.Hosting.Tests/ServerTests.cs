using Npgsql;
using ParPlatform.Hosting.Postgres;
using RabbitMQ.Client;
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
        Assert.Equal(servers.Messaging.ConnectionString, platform.Get<ParPlatform.Hosting.RabbitMQ.RabbitMQServerResource>("messaging").ConnectionString);
    }
}
