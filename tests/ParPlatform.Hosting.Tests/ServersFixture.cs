using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.RabbitMQ;

namespace ParPlatform.Hosting.Tests;

/// <summary>PostgreSQL with two service databases and RabbitMQ, started once for a test class.</summary>
public sealed class ServersFixture : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _directory = new();

    public PlatformApp Platform { get; private set; } = null!;

    public PostgresServerResource Postgres => Platform.Get<PostgresServerResource>("postgres");

    public PostgresDatabaseResource PlansDb => Platform.Get<PostgresDatabaseResource>("plansdb");

    public PostgresDatabaseResource DossiersDb => Platform.Get<PostgresDatabaseResource>("dossiersdb");

    public RabbitMQServerResource Messaging => Platform.Get<RabbitMQServerResource>("messaging");

    public async Task InitializeAsync()
    {
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = _directory.Path });
        var postgres = builder.AddPostgres("postgres");
        postgres.AddDatabase("plansdb");
        postgres.AddDatabase("dossiersdb");
        builder.AddRabbitMQ("messaging");
        Platform = builder.Build();
        await Platform.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Platform.StopAsync();

    public void Dispose() => _directory.Dispose();
}
