using System.Net.Http.Json;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.Services;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary><c>AddPlatformRabbitMQ</c>: the platform's message broker, whichever it is.</summary>
public static class RabbitMQBuilderExtensions
{
    public const string PortMapperEndpointName = "tcp";

    /// <summary>
    /// The platform's RabbitMQ, named <paramref name="name"/>:
    /// <list type="bullet">
    /// <item>when ConnectionStrings:{name} is configured, that existing broker (an amqp:// URI; its administrator
    /// creates the integrator account and looks after its error queues: docs/operations.md);</item>
    /// <item>when publishing, Aspire's RabbitMQ container, for a container platform;</item>
    /// <item>otherwise a node of the machine's rabbitmq-server run by Aspire as an executable, with its data in
    /// <paramref name="dataDirectory"/>/rabbitmq, healthy when its management API reports no alarm, its error
    /// queues' depths shown as properties, and a command to replay them.</item>
    /// </list>
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        if (builder.ExecutionContext.IsPublishMode)
            return builder.AddRabbitMQ(name);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            return builder.AddConnectionString(name);

        if (!File.Exists(Path.Combine(RabbitMQExecutableResource.BinDirectory, "rabbitmq-server")))
            throw new InvalidOperationException("RabbitMQ was not found (/usr/lib/rabbitmq/bin/rabbitmq-server). Install it with `apt-get install rabbitmq-server`.");
        var resourceDirectory = Path.GetFullPath(Path.Combine(dataDirectory, "rabbitmq"));
        Directory.CreateDirectory(resourceDirectory);
        var servicePasswordFile = Path.Combine(resourceDirectory, "service-password");
        if (!File.Exists(servicePasswordFile) && Directory.Exists(Path.Combine(resourceDirectory, "mnesia")))
        {
            throw new InvalidOperationException(
                $"{servicePasswordFile} is missing but the RabbitMQ node in {resourceDirectory} has data: its service account's password is lost. " +
                $"Restore the file, or delete {Path.Combine(resourceDirectory, "mnesia")} to start with an empty broker.");
        }
        var broker = new RabbitMQExecutableResource(name, resourceDirectory,
            Secrets.ReadOrCreate(servicePasswordFile), Secrets.ReadOrCreate(Path.Combine(resourceDirectory, "integrator-password")));

        // The node's Erlang port mapper on a port of its own, run (and stopped) by the orchestrator; the node
        // would otherwise start one as a daemon that outlives it.
        broker.PortMapper = new ExecutableResource($"{name}-epmd", "epmd", resourceDirectory);
        var portMapperCheck = $"{name}-epmd_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(portMapperCheck, async cancellationToken =>
            await AnswersNamesRequestAsync(broker.PortMapper.GetEndpoint(PortMapperEndpointName), cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("epmd does not answer"));
        var portMapper = builder.AddResource(broker.PortMapper)
            .WithArgs("-address", "127.0.0.1")
            .WithEndpoint(name: PortMapperEndpointName, scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false)
            .WithParentRelationship(broker)
            .WithHealthCheck(portMapperCheck);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, (_, _) =>
        {
            WriteConfiguration(broker);
            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(broker, (@event, cancellationToken) => CreateIntegratorAsync(broker, @event.Services, cancellationToken));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => HasNoAlarmAsync(broker, cancellationToken));
        builder.RunInBackground(nameof(ErrorQueueMonitor), (services, stopping) => ErrorQueueMonitor.RunAsync(broker, services, stopping));

        return builder.AddResource(broker)
            .WithEndpoint(name: RabbitMQExecutableResource.AmqpEndpointName, scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithHttpEndpoint(name: RabbitMQExecutableResource.ManagementEndpointName, isProxied: false)
            .WithEndpoint(name: RabbitMQExecutableResource.DistributionEndpointName, scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in broker.NodeEnvironment())
                    context.EnvironmentVariables[key] = value;
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["ERL_EPMD_PORT"] = broker.PortMapper.GetEndpoint(PortMapperEndpointName).Property(EndpointProperty.Port);
                // Erlang's schedulers otherwise spin while idle, taking CPU the services and PostgreSQL need on a small
                // host (RabbitMQ's own advice for shared machines); the management API and the Erlang distribution
                // listen on loopback only, as AMQP does.
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ReferenceExpression.Create(
                    $"+sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {{127,0,0,1}} " +
                    $"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{broker.Management.Property(EndpointProperty.TargetPort)}}}]");
            })
            .WaitFor(portMapper)
            .WithIconName("Mailbox")
            .WithHealthCheck(healthCheck)
            .WithErrorQueueCommands();
    }

    private static void WriteConfiguration(RabbitMQExecutableResource broker)
    {
        foreach (var directory in new[] { "home", "mnesia", "log" })
            Directory.CreateDirectory(Path.Combine(broker.ResourceDirectory, directory));
        // default_* apply when the node boots with an empty database: they create the virtual
        // host and the service account instead of guest, so guest never exists.
        var configuration = Path.Combine(broker.ResourceDirectory, "rabbitmq.conf");
        File.WriteAllText(configuration, $"""
            default_vhost = {RabbitMQExecutableResource.VirtualHost}
            default_user = {RabbitMQExecutableResource.ServiceUser}
            default_pass = {broker.ServicePassword}
            default_user_tags.administrator = true
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            log.console = true
            log.console.level = warning
            log.file = false

            """);
        File.SetUnixFileMode(configuration, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(broker.ResourceDirectory, "enabled_plugins"), "[rabbitmq_management].\n");
        File.WriteAllText(Path.Combine(broker.ResourceDirectory, "rabbitmq-env.conf"), "");
    }

    private static async Task<HealthCheckResult> HasNoAlarmAsync(RabbitMQExecutableResource broker, CancellationToken cancellationToken)
    {
        if (!broker.Management.IsAllocated)
            return HealthCheckResult.Unhealthy("not started");
        try
        {
            using var response = await broker.SendManagementAsync(HttpMethod.Get, "/api/health/checks/alarms", null, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"the management API answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    /// <summary>
    /// Creates the integrator account, or sets its password, tags and permissions again on a node
    /// that already has it (a PUT of the management API creates or replaces).
    /// </summary>
    private static async Task CreateIntegratorAsync(RabbitMQExecutableResource broker, IServiceProvider services, CancellationToken cancellationToken)
    {
        using (var user = await broker.SendManagementAsync(HttpMethod.Put, $"/api/users/{RabbitMQExecutableResource.IntegratorUser}",
            JsonContent.Create(new { password = broker.IntegratorPassword, tags = "" }), cancellationToken))
        {
            user.EnsureSuccessStatusCode();
        }
        using (var permissions = await broker.SendManagementAsync(HttpMethod.Put,
            $"/api/permissions/{RabbitMQExecutableResource.VirtualHost}/{RabbitMQExecutableResource.IntegratorUser}",
            JsonContent.Create(new
            {
                configure = RabbitMQExecutableResource.IntegratorConfigure,
                write = RabbitMQExecutableResource.IntegratorWrite,
                read = RabbitMQExecutableResource.IntegratorRead,
            }), cancellationToken))
        {
            permissions.EnsureSuccessStatusCode();
        }
        services.GetRequiredService<ResourceLoggerService>().GetLogger(broker).LogInformation(
            "Integrators connect as amqp://{User}@127.0.0.1:{Port}/{VirtualHost}, password in {File}",
            RabbitMQExecutableResource.IntegratorUser, broker.Amqp.Port, RabbitMQExecutableResource.VirtualHost,
            Path.Combine(broker.ResourceDirectory, "integrator-password"));
    }

    /// <summary>
    /// Whether the port mapper answers a NAMES_REQ (the length 1 and 'n'; the answer starts with its own port in four
    /// bytes), as rabbitmqctl would ask it: a connection closed without a request makes epmd log "got partial packet".
    /// </summary>
    private static async Task<bool> AnswersNamesRequestAsync(EndpointReference endpoint, CancellationToken cancellationToken)
    {
        if (!endpoint.IsAllocated)
            return false;
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, endpoint.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken);
            var port = new byte[4];
            await stream.ReadExactlyAsync(port, cancellationToken);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(port) == endpoint.Port;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
        {
            return false;
        }
    }
}
