using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Hosting.Tests;
using ParPlatform.Messaging.Tests.Testing;

namespace ParPlatform.Messaging.Tests;

/// <summary>
/// PostgreSQL with the databases of two producer services (alpha, beta) and one consumer
/// service (sink), their messaging tables created, and RabbitMQ; started once per test class.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _directory = new();

    public PlatformApp Platform { get; private set; } = null!;

    public RabbitMQServerResource Messaging => Platform.Get<RabbitMQServerResource>("messaging");

    public string Database(string service) => Platform.Get<PostgresDatabaseResource>(service + "db").ConnectionString;

    /// <summary>The producer "alpha"'s database (its outbox).</summary>
    public NpgsqlDataSource Alpha { get; private set; } = null!;

    /// <summary>The consumer "sink"'s database (its effects, inbox and known units).</summary>
    public NpgsqlDataSource Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = _directory.Path });
        var postgres = builder.AddPostgres("postgres");
        postgres.AddDatabase("alphadb");
        postgres.AddDatabase("betadb");
        postgres.AddDatabase("sinkdb");
        builder.AddRabbitMQ("messaging");
        Platform = builder.Build();
        await Platform.StartAsync(CancellationToken.None);

        await CreateTablesAsync<AlphaDbContext>("alpha", options => new AlphaDbContext(options));
        await CreateTablesAsync<BetaDbContext>("beta", options => new BetaDbContext(options));
        await CreateTablesAsync<SinkDbContext>("sink", options => new SinkDbContext(options));
        Alpha = NpgsqlDataSource.Create(Database("alpha"));
        Sink = NpgsqlDataSource.Create(Database("sink"));
    }

    private Task CreateTablesAsync<TContext>(string service, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : TestServiceDbContext =>
        TestService.CreateTablesAsync(Database(service), service, create);

    public async Task DisposeAsync()
    {
        await Alpha.DisposeAsync();
        await Sink.DisposeAsync();
        await Platform.StopAsync();
    }

    public void Dispose() => _directory.Dispose();
}
