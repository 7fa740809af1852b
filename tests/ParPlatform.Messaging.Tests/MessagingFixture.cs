using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParPlatform.Hosting;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Hosting.Tests;
using ParPlatform.Messaging.Tests.Testing;
using ParPlatform.ServiceDefaults;

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
        Sink = NpgsqlDataSource.Create(Database("sink"));
    }

    /// <summary>What a service's migration creates: its tables and the outbox NOTIFY trigger.</summary>
    private async Task CreateTablesAsync<TContext>(string service, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : TestServiceDbContext
    {
        await using var dataSource = NpgsqlDataSource.Create(Database(service));
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(dataSource, service);
        await using var context = create(options.Options);
        await context.Database.EnsureCreatedAsync();
        await context.Database.ExecuteSqlRawAsync(MessagingModel.CreateOutboxNotifyTriggerSql(service));
    }

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        await Platform.StopAsync();
    }

    public void Dispose() => _directory.Dispose();
}
