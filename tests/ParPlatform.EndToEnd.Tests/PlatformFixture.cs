namespace ParPlatform.EndToEnd.Tests;

/// <summary>The whole platform, started once for a test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public AppHostProcess AppHost { get; private set; } = null!;

    public async Task InitializeAsync() => AppHost = await AppHostProcess.StartAsync();

    public async Task DisposeAsync() => await AppHost.DisposeAsync();
}
