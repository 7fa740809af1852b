using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Hosting.Tests;

[Collection(SharedServers.Name)]
public sealed class ServerTests(ServersFixture fixture)
{
    private TestServers Servers => fixture.Servers;

    [Fact]
    public async Task The_owner_role_creates_the_tables_and_the_service_role_reads_and_writes_their_rows()
    {
        await using (var owner = new NpgsqlConnection(Servers.DatabaseOwner("plansdb")))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE SCHEMA rows_probe; CREATE TABLE rows_probe.items (id int GENERATED ALWAYS AS IDENTITY, unit_code text); " +
                "SELECT current_user || '@' || current_database();", owner);
            Assert.Equal("plansdb_owner@plansdb", await create.ExecuteScalarAsync());
        }
        await using var service = new NpgsqlConnection(Servers.Database("plansdb"));
        await service.OpenAsync();
        await using var write = new NpgsqlCommand(
            "INSERT INTO rows_probe.items (unit_code) VALUES ('06112'); UPDATE rows_probe.items SET unit_code = '06181'; " +
            "SELECT current_user || ':' || count(*) FROM rows_probe.items; DELETE FROM rows_probe.items;", service);

        Assert.Equal("plansdb:1", await write.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("CREATE TABLE plans_probe (id int)")] // in public, which PostgreSQL 15 leaves to the database's owner
    [InlineData("CREATE SCHEMA plans_probe")]
    [InlineData("ALTER TABLE security_probe.rows DISABLE ROW LEVEL SECURITY")]
    [InlineData("ALTER TABLE security_probe.rows NO FORCE ROW LEVEL SECURITY")]
    [InlineData("DROP POLICY tenant_isolation ON security_probe.rows")]
    [InlineData("DROP TABLE security_probe.rows")]
    public async Task The_service_role_cannot_change_the_schema_nor_switch_row_level_security_off(string statement)
    {
        await using (var owner = new NpgsqlConnection(Servers.DatabaseOwner("plansdb")))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand(
                """
                CREATE SCHEMA IF NOT EXISTS security_probe;
                CREATE TABLE IF NOT EXISTS security_probe.rows (unit_code text);
                ALTER TABLE security_probe.rows ENABLE ROW LEVEL SECURITY;
                ALTER TABLE security_probe.rows FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS tenant_isolation ON security_probe.rows;
                CREATE POLICY tenant_isolation ON security_probe.rows USING (unit_code = current_setting('parplatform.unit_code', true));
                """, owner);
            await create.ExecuteNonQueryAsync();
        }
        await using var service = new NpgsqlConnection(Servers.Database("plansdb"));
        await service.OpenAsync();
        await using var command = new NpgsqlCommand(statement, service);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("dossiersdb")]
    [InlineData("postgres")]
    [InlineData("template1")]
    public async Task A_service_role_cannot_connect_to_another_database(string otherDatabase)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Servers.Database("plansdb")) { Database = otherDatabase }.ConnectionString;
        var ownerConnectionString = new NpgsqlConnectionStringBuilder(Servers.DatabaseOwner("plansdb")) { Database = otherDatabase }.ConnectionString;
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => owner.OpenAsync())).SqlState);
        await using var connection = new NpgsqlConnection(connectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task PostgreSQL_listens_on_loopback_only_with_password_authentication()
    {
        await using var connection = new NpgsqlConnection(Servers.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || ' ' || current_setting('password_encryption')", connection);

        Assert.Equal("127.0.0.1 scram-sha-256", await command.ExecuteScalarAsync());
        var wrongPassword = new NpgsqlConnectionStringBuilder(Servers.Database("plansdb")) { Password = "wrong" }.ConnectionString;
        await using var refused = new NpgsqlConnection(wrongPassword);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public void Every_port_of_RabbitMQ_and_its_port_mapper_listens_on_loopback_only()
    {
        var listening = ProcessTable.ListeningSockets(ProcessTable.IdsUsing(Servers.Broker.ResourceDirectory));

        // AMQP, the management API, the Erlang distribution and epmd at least; none on another address.
        Assert.True(listening.Count >= 4, $"only {listening.Count} listening sockets found: {string.Join(", ", listening)}");
        Assert.True(listening.TrueForAll(socket => socket.StartsWith("127.0.0.1:", StringComparison.Ordinal) || socket.StartsWith("[::1]:", StringComparison.Ordinal)),
            string.Join(", ", listening));
    }

    [Fact]
    public void The_superuser_password_file_is_readable_by_its_owner_only()
    {
        var mode = File.GetUnixFileMode(Servers.Postgres.SuperuserPasswordFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task The_administrator_can_use_the_virtual_host_and_its_password_file_is_private()
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = Servers.Broker.Amqp.Port,
            VirtualHost = "parplatform",
            UserName = "parplatform",
            Password = Servers.Broker.AdministratorPassword,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var queue = await channel.QueueDeclareAsync("hosting-test", durable: false, exclusive: true, autoDelete: true);

        Assert.Equal("hosting-test", queue.QueueName);
        Assert.Equal($"amqp://parplatform:{Servers.Broker.AdministratorPassword}@127.0.0.1:{Servers.Broker.Amqp.Port}/parplatform", Servers.Messaging);
        var passwordFile = Path.Combine(Servers.Broker.ResourceDirectory, "administrator-password");
        Assert.Equal(Servers.Broker.AdministratorPassword, File.ReadAllText(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
    }

    [Fact]
    public async Task Guest_cannot_log_in()
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = Servers.Broker.Amqp.Port,
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
        var builder = DistributedApplicationTestingBuilder.Create(
            $"--ConnectionStrings:postgres={Servers.SuperuserConnectionString}",
            $"--ConnectionStrings:messaging={Servers.Messaging}");
        builder.AddPlatformPostgres("postgres", directory.Path).AddServiceDatabase("financedb");
        builder.AddPlatformRabbitMQ("messaging", directory.Path);
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("financedb", timeout.Token);

        Assert.Empty(app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("financedb", timeout.Token));
        await connection.OpenAsync(timeout.Token);
        await using var command = new NpgsqlCommand("SELECT current_user || '@' || current_database()", connection);
        Assert.Equal("financedb@financedb", await command.ExecuteScalarAsync(timeout.Token));
        Assert.Equal(Servers.Postgres.Endpoint.Port, connection.Port);
        Assert.Equal(Servers.Messaging, await app.GetConnectionStringAsync("messaging", timeout.Token));
    }
}
