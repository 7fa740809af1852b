using ParPlatform.Hosting.Processes;

namespace ParPlatform.EndToEnd.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_resource_and_leaves_no_process_behind()
    {
        await using var appHost = await AppHostProcess.StartAsync();
        var pids = (await appHost.GetResourcesAsync()).Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value).ToList();
        Assert.Equal(9, pids.Count); // postgres, rabbitmq, six services, gateway

        var exitCode = await appHost.InterruptAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, exitCode);
        Assert.All(pids, pid => Assert.False(Signals.IsAlive(pid), $"process {pid} ({Signals.CommandLine(pid)}) is still running"));
        var leftovers = Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(Signals.IsAlive)
            .Select(Signals.CommandLine)
            .Where(command => command.Contains(appHost.DataDirectory, StringComparison.Ordinal));
        Assert.Empty(leftovers);
    }
}
