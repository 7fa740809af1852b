using ParPlatform.TestSupport;

namespace ParPlatform.Hosting.Tests;

/// <summary>
/// PostgreSQL with two service databases and RabbitMQ with the broker accounts of three services (identity's the
/// administrator), started once for the test classes of <see cref="SharedServers"/>.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    public TestServers Servers { get; private set; } = null!;

    public async Task InitializeAsync() => Servers = await TestServers.StartAsync(["plansdb", "dossiersdb"], ["plans", "dossiers", "identity"], "identity");

    public async Task DisposeAsync() => await Servers.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedServers : ICollectionFixture<ServersFixture>
{
    public const string Name = "Servers";
}
