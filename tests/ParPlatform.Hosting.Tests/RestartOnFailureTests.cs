using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Hosting.Services;
using ParPlatform.TestSupport;

namespace ParPlatform.Hosting.Tests;

/// <summary>A resource marked WithRestartOnFailure, run by Aspire's orchestrator: <c>sleep</c> standing in for a service.</summary>
public sealed class RestartOnFailureTests : IDisposable
{
    private const string Name = "worker";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));

    private CancellationToken Timeout => _timeout.Token;

    [Fact]
    public async Task A_killed_process_runs_again_with_a_new_process_within_seconds()
    {
        await using var app = await StartAsync("300");
        var killed = Pid(await app.ResourceNotifications.WaitForResourceAsync(Name, e => IsRunning(e) && Pid(e) is not null, Timeout));

        Process.GetProcessById(killed!.Value).Kill(); // SIGKILL

        using var fiveSeconds = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var again = Pid(await app.ResourceNotifications.WaitForResourceAsync(Name, e => IsRunning(e) && Pid(e) is { } pid && pid != killed, fiveSeconds.Token));
        Assert.False(ProcessTable.IsAlive(killed.Value));
        Assert.Equal("sleep 300", ProcessTable.CommandLine(again!.Value));
    }

    [Fact]
    public async Task A_process_that_ends_cleanly_is_not_started_again()
    {
        await using var app = await StartAsync("1");

        var ended = await app.ResourceNotifications.WaitForResourceAsync(Name, e => e.Snapshot.ExitCode == 0, Timeout);

        await AssertNotStartedAgainAsync(app, ended);
    }

    [Fact]
    public async Task A_process_the_operator_stops_stays_stopped()
    {
        await using var app = await StartAsync("300");
        await app.ResourceNotifications.WaitForResourceAsync(Name, KnownResourceStates.Running, Timeout);

        var stop = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Name, KnownResourceCommands.StopCommand, Timeout);

        Assert.True(stop.Success, stop.Message);
        var ended = await app.ResourceNotifications.WaitForResourceAsync(Name, e => e.Snapshot.ExitCode is not null, Timeout);
        await AssertNotStartedAgainAsync(app, ended);
    }

    /// <summary><c>sleep <paramref name="seconds"/></c> as a resource restarted on failure, started.</summary>
    private async Task<DistributedApplication> StartAsync(string seconds)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable(Name, "sleep", Path.GetTempPath(), seconds).WithRestartOnFailure();
        var app = builder.Build();
        await app.StartAsync(Timeout);
        return app;
    }

    /// <summary>
    /// Waits longer than a failed process waits before its first restart (1 s) and then runs here (sleep 1):
    /// the resource is still in the state it ended in, from the same start.
    /// </summary>
    private async Task AssertNotStartedAgainAsync(DistributedApplication app, ResourceEvent ended)
    {
        await Task.Delay(TimeSpan.FromSeconds(4), Timeout);

        Assert.True(app.ResourceNotifications.TryGetCurrentState(Name, out var now));
        Assert.Equal(ended.Snapshot.State?.Text, now.Snapshot.State?.Text);
        Assert.Equal(ended.Snapshot.StartTimeStamp, now.Snapshot.StartTimeStamp);
    }

    private static bool IsRunning(ResourceEvent e) => e.Snapshot.State?.Text == KnownResourceStates.Running;

    private static int? Pid(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == ProcessTable.PidProperty)?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : null;

    public void Dispose() => _timeout.Dispose();
}
