using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;

namespace ParPlatform.TestSupport;

/// <summary>
/// PostgreSQL with the given service databases and RabbitMQ, started through the platform's own Aspire
/// resource types (the AppHost's) by Aspire's orchestrator, with their data in a fresh directory removed
/// at the end. What the service tests run against is what the platform runs on.
/// </summary>
public sealed class TestServers : IAsyncDisposable
{
    private readonly Dictionary<string, string> _connectionStrings;

    private TestServers(DistributedApplication app, string directory, Dictionary<string, string> connectionStrings)
    {
        App = app;
        Directory = directory;
        _connectionStrings = connectionStrings;
    }

    public DistributedApplication App { get; }

    /// <summary>The data directory (postgres/, rabbitmq/).</summary>
    public string Directory { get; }

    public PostgresExecutableResource Postgres => Resource<PostgresExecutableResource>("postgres");

    public RabbitMQExecutableResource Broker => Resource<RabbitMQExecutableResource>("messaging");

    /// <summary>The superuser's connection string (to look at a database as an operator would).</summary>
    public string SuperuserConnectionString => _connectionStrings["postgres"];

    /// <summary>The broker's administrator: amqp://parplatform:…@127.0.0.1:port/parplatform.</summary>
    public string Messaging => _connectionStrings["messaging"];

    /// <summary>The broker account of a service started with <see cref="StartAsync(string[], string[], string?)"/>.</summary>
    public string BrokerUser(string service) => _connectionStrings["messaging-" + service];

    /// <summary>The connection string of a service database, as the service's role (reads and writes rows).</summary>
    public string Database(string name) => _connectionStrings[name];

    /// <summary>The connection string of a service database, as its owner (migrations, DDL).</summary>
    public string DatabaseOwner(string name) => _connectionStrings[ServiceDatabaseResource.OwnerConnectionName(name)];

    /// <summary>Starts the servers and returns once every database and the broker are healthy.</summary>
    public static Task<TestServers> StartAsync(params string[] databases) => StartAsync(databases, [], null);

    /// <summary>
    /// Starts the servers, with a broker account for each of <paramref name="brokerUsers"/> as the AppHost gives
    /// services theirs (<paramref name="brokerAdministrator"/>'s is the broker's administrator, as identity's is).
    /// </summary>
    public static async Task<TestServers> StartAsync(string[] databases, string[] brokerUsers, string? brokerAdministrator)
    {
        var directory = Path.Combine(Path.GetTempPath(), "parplatform-tests", Guid.NewGuid().ToString("N"));
        // Stopped, they are gone before StopAsync returns (and their data directory can go).
        var builder = DistributedApplicationTestingBuilder.Create("--DcpPublisher:WaitForResourceCleanup=true");
        var postgres = builder.AddPlatformPostgres("postgres", directory);
        foreach (var database in databases)
            postgres.AddServiceDatabase(database);
        var messaging = builder.AddPlatformRabbitMQ("messaging", directory);
        var users = brokerUsers.Select(service => messaging.AddServiceUser(service, service == brokerAdministrator).Resource.Name).ToList();
        var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(timeout.Token);
        var connectionStrings = new Dictionary<string, string>();
        foreach (var name in databases.Append("messaging").Append("postgres"))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
            connectionStrings[name] = await app.GetConnectionStringAsync(name, timeout.Token)
                ?? throw new InvalidOperationException($"{name} has no connection string.");
        }
        foreach (var user in users)
        {
            connectionStrings[user] = await app.GetConnectionStringAsync(user, timeout.Token)
                ?? throw new InvalidOperationException($"{user} has no connection string.");
        }
        foreach (var owner in databases.Select(ServiceDatabaseResource.OwnerConnectionName))
        {
            connectionStrings[owner] = await app.GetConnectionStringAsync(owner, timeout.Token)
                ?? throw new InvalidOperationException($"{owner} has no connection string.");
        }
        return new TestServers(app, directory, connectionStrings);
    }

    public T Resource<T>(string name)
        where T : IResource =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<T>().Single(r => r.Name == name);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
