using System.Net;
using System.Net.Sockets;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;
using RabbitMQ.Client;

namespace ParPlatform.Hosting.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Stopping_leaves_no_server_process_behind_and_data_survives_a_restart()
    {
        using var directory = new TestDirectory();
        var first = await StartServersAsync(directory.Path);
        var integratorPassword = first.Get<RabbitMQServerResource>("messaging").IntegratorPassword;
        var pids = first.Resources.Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value).ToList();
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.True(Signals.IsAlive(pid)));

        await first.StopAsync();

        Assert.All(pids, pid => Assert.False(Signals.IsAlive(pid), $"process {pid} is still running"));
        Assert.Empty(ProcessesUsing(directory.Path));

        // A second start reuses the initialised data directory and generated secrets, and
        // finds the integrator account already there.
        var second = await StartServersAsync(directory.Path);
        Assert.All(second.Resources, r => Assert.Equal(ResourceState.Running, r.State));
        var messaging = second.Get<RabbitMQServerResource>("messaging");
        Assert.Equal(integratorPassword, messaging.IntegratorPassword);
        await using (var integrator = await new ConnectionFactory { Uri = new Uri(messaging.IntegratorConnectionString) }.CreateConnectionAsync())
            Assert.True(integrator.IsOpen);
        await second.StopAsync();
        Assert.Empty(ProcessesUsing(directory.Path));
    }

    [Fact]
    public async Task A_fixed_port_that_is_taken_is_named_in_the_error()
    {
        using var directory = new TestDirectory();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = directory.Path });
        builder.AddProject("gateway", "ParPlatform.Gateway").WithHttpEndpoint(port);
        await using var platform = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.StartAsync(CancellationToken.None));

        Assert.Contains($"Port {port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(ResourceState.Failed, platform.Resources.Single().State);
    }

    [Fact]
    public async Task A_service_whose_chosen_port_was_taken_meanwhile_serves_on_another()
    {
        using var directory = new TestDirectory();
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = directory.Path });
        var gateway = builder.AddProject("gateway", "ParPlatform.Gateway").WithEnvironment("Identity__Issuer", "http://localhost/");
        var chosen = gateway.Port;
        // Another process takes the port between the declaration and the start (an outgoing connection's source port, say).
        using var squatter = new TcpListener(IPAddress.Loopback, chosen);
        squatter.Start();
        await using var platform = builder.Build();

        await platform.StartAsync(CancellationToken.None);

        Assert.NotEqual(chosen, gateway.Port);
        Assert.Equal(ResourceState.Running, gateway.State);
        Assert.Equal($"http://127.0.0.1:{gateway.Port}", gateway.Endpoints["http"]);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"{gateway.Url}/alive"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await platform.StopAsync();
    }

    private static async Task<PlatformApp> StartServersAsync(string dataDirectory)
    {
        var builder = new PlatformBuilder(new PlatformOptions { DataDirectory = dataDirectory });
        builder.AddPostgres("postgres").AddDatabase("plansdb");
        builder.AddRabbitMQ("messaging");
        var platform = builder.Build();
        await platform.StartAsync(CancellationToken.None);
        return platform;
    }

    /// <summary>Live processes whose command line names the directory (postgres -D …, beam.smp … mnesia …, epmd).</summary>
    private static List<string> ProcessesUsing(string directory) =>
        [.. Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(Signals.IsAlive)
            .Select(pid => $"{pid}: {Signals.CommandLine(pid)}")
            .Where(line => line.Contains(directory, StringComparison.Ordinal))];
}
