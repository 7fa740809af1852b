namespace ParPlatform.EndToEnd.Tests;

/// <summary>The whole platform, started once for a test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public TestPlatform AppHost { get; private set; } = null!;

    public async Task InitializeAsync() => AppHost = await TestPlatform.StartAsync();

    public async Task DisposeAsync() => await AppHost.DisposeAsync();
}

/// <summary>The test classes that share one running platform (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
