using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParPlatform.Contracts;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Messaging.Tests.Testing;

/// <summary>A test-only event: exchange events.testing.thing-happened.</summary>
public sealed record ThingHappened : IntegrationEvent
{
    public required string Aggregate { get; init; }

    /// <summary>1, 2, 3 … within the aggregate, in the order the producer committed them.</summary>
    public required int Number { get; init; }

    public required string Source { get; init; }
}

/// <summary>A row the sink's consumer writes per event it applies; a duplicate effect shows as a second row.</summary>
public sealed class Effect
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public required string Aggregate { get; set; }

    public int Number { get; set; }

    /// <summary>When the consumer applied it (for latency measurements).</summary>
    public DateTimeOffset AppliedAt { get; set; }

    /// <summary>The trace the consumer ran in.</summary>
    public string? TraceId { get; set; }
}

public abstract class TestServiceDbContext(DbContextOptions options, string schema) : DbContext(options)
{
    public string Schema { get; } = schema;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>Producer service "alpha" (database alphadb).</summary>
public sealed class AlphaDbContext(DbContextOptions<AlphaDbContext> options) : TestServiceDbContext(options, "alpha");

/// <summary>Producer service "beta" (database betadb).</summary>
public sealed class BetaDbContext(DbContextOptions<BetaDbContext> options) : TestServiceDbContext(options, "beta");

/// <summary>Consumer service "sink" (database sinkdb): effects and known units.</summary>
public sealed class SinkDbContext(DbContextOptions<SinkDbContext> options) : TestServiceDbContext(options, "sink")
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddKnownUnits();
        modelBuilder.Entity<Effect>(effect =>
        {
            effect.ToTable("effects");
            effect.Property(e => e.Id).UseIdentityAlwaysColumn();
        });
    }
}

/// <summary>Makes the sink's consumer throw for chosen events, as a bug would, until "fixed".</summary>
public sealed class FaultSwitch
{
    private readonly HashSet<Guid> _failing = [];

    public void FailFor(Guid eventId)
    {
        lock (_failing)
            _failing.Add(eventId);
    }

    public void Fix()
    {
        lock (_failing)
            _failing.Clear();
    }

    public bool Fails(Guid eventId)
    {
        lock (_failing)
            return _failing.Contains(eventId);
    }
}

public sealed class ThingHappenedConsumer(SinkDbContext context, FaultSwitch faults) : InboxConsumer<ThingHappened, SinkDbContext>(context)
{
    protected override Task HandleAsync(ThingHappened message, CancellationToken cancellationToken)
    {
        if (faults.Fails(message.EventId))
            throw new InvalidOperationException($"Simulated bug while applying {message.EventId}");
        Context.Add(new Effect
        {
            EventId = message.EventId, Aggregate = message.Aggregate, Number = message.Number, AppliedAt = DateTimeOffset.UtcNow,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });
        return Task.CompletedTask;
    }
}

/// <summary>A service host as Program.cs would build it: the data source as AddServiceDatabase makes it, a DbContext, AddMessaging.</summary>
public static class TestService
{
    public static async Task<IHost> StartAsync<TContext>(
        string service, string databaseConnection, string brokerConnection, Action<MessagingConsumers>? consumers = null,
        FaultSwitch? faults = null, IReadOnlyDictionary<string, string?>? settings = null)
        where TContext : TestServiceDbContext
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{service}db"] = databaseConnection,
            ["ConnectionStrings:messaging"] = brokerConnection,
            ["Messaging:ImmediateRetries"] = "1",
            ["Messaging:IncrementalRetries"] = "2",
            ["Messaging:RetryInitialInterval"] = "00:00:00.100",
            ["Messaging:RetryIntervalIncrement"] = "00:00:00.100",
            ["Messaging:OutboxPollInterval"] = "00:00:01",
            ["Messaging:MaxBackOff"] = "00:00:02",
            ["Messaging:PublishTimeout"] = "00:00:05",
            ["Messaging:QueueCheckInterval"] = "00:00:00.200",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNpgsqlDataSource($"{service}db", configureDataSourceBuilder: source => source.AsServicePool($"{service}db"));
        var schema = service;
        builder.Services.AddDbContext<TContext>((services, options) =>
            options.UseServiceDatabase(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), schema));
        builder.Services.AddSingleton(faults ?? new FaultSwitch());
        builder.AddMessaging<TContext>("messaging", service, consumers);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>What a service's migration creates: its tables and the outbox NOTIFY trigger.</summary>
    public static async Task CreateTablesAsync<TContext>(string connectionString, string service, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : TestServiceDbContext
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseServiceDatabase(dataSource, service);
        await using var context = create(options.Options);
        await context.Database.EnsureCreatedAsync();
        await context.Database.ExecuteSqlRawAsync(MessagingModel.CreateOutboxNotifyTriggerSql(service));
    }

    /// <summary>Waits until the service is ready: database, bus, and every consumer queue declared, bound and received from.</summary>
    public static async Task WaitUntilConnectedAsync(IHost host)
    {
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync();
        for (var i = 0; i < 300 && report.Status != HealthStatus.Healthy; i++)
        {
            await Task.Delay(100);
            report = await health.CheckHealthAsync();
        }
        Assert.True(report.Status == HealthStatus.Healthy,
            string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")));
    }

    /// <summary>The service's health, as its /health endpoint would report it.</summary>
    public static Task<HealthReport> HealthAsync(IHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    /// <summary>Commits the events through the outbox in one SaveChanges, as a service's request would.</summary>
    public static async Task CommitAsync<TContext>(IHost host, IEnumerable<ThingHappened> events)
        where TContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        foreach (var thing in events)
            outbox.Add(thing, thing.Aggregate);
        await scope.ServiceProvider.GetRequiredService<TContext>().SaveChangesAsync();
    }

    public static ThingHappened Thing(string source, string aggregate, int number) => new()
    {
        UnitCode = "00001",
        ProvinceCode = "20",
        Source = source,
        Aggregate = aggregate,
        Number = number,
    };
}
