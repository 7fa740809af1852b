using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Messaging.Tests.Testing;
using ParPlatform.TestSupport;

namespace ParPlatform.Messaging.Tests;

/// <summary>
/// PostgreSQL with the databases of two producer services (alpha, beta) and one consumer
/// service (sink), their messaging tables created, and RabbitMQ; started once per test class.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public TestServers Servers { get; private set; } = null!;

    /// <summary>The broker (its error queues, rabbitmqctl).</summary>
    public RabbitMQExecutableResource Broker => Servers.Broker;

    /// <summary>The broker's connection string, as services receive it.</summary>
    public string Messaging => Servers.Messaging;

    public string Database(string service) => Servers.Database(service + "db");

    /// <summary>The producer "alpha"'s database (its outbox).</summary>
    public NpgsqlDataSource Alpha { get; private set; } = null!;

    /// <summary>The consumer "sink"'s database (its effects, inbox and known units).</summary>
    public NpgsqlDataSource Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.StartAsync("alphadb", "betadb", "sinkdb");

        await CreateTablesAsync<AlphaDbContext>("alpha", options => new AlphaDbContext(options));
        await CreateTablesAsync<BetaDbContext>("beta", options => new BetaDbContext(options));
        await CreateTablesAsync<SinkDbContext>("sink", options => new SinkDbContext(options));
        Alpha = NpgsqlDataSource.Create(Database("alpha"));
        Sink = NpgsqlDataSource.Create(Database("sink"));
    }

    private Task CreateTablesAsync<TContext>(string service, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : TestServiceDbContext =>
        TestService.CreateTablesAsync(Servers.DatabaseOwner(service + "db"), service, create);

    public async Task DisposeAsync()
    {
        await Alpha.DisposeAsync();
        await Sink.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
