using System.Net.Http.Json;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.Services;
using ParPlatform.Messaging;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary><c>AddPlatformRabbitMQ</c>: the platform's message broker, whichever it is.</summary>
public static class RabbitMQBuilderExtensions
{
    public const string PortMapperEndpointName = "tcp";

    /// <summary>
    /// The platform's RabbitMQ, named <paramref name="name"/>:
    /// <list type="bullet">
    /// <item>when ConnectionStrings:{name} is configured, that existing broker (an amqp:// URI every service uses; its
    /// administrator sets up its exchanges and looks after its error queues: docs/operations.md);</item>
    /// <item>when publishing, Aspire's RabbitMQ container, for a container platform;</item>
    /// <item>otherwise a node of the machine's rabbitmq-server run by Aspire as an executable, with its data in
    /// <paramref name="dataDirectory"/>/rabbitmq, healthy when its management API reports no alarm, its error
    /// queues' depths shown as properties, and a command to replay them. Once it is ready, its topology is set up
    /// (<see cref="SetUpAsync"/>) and each service given its own account (<see cref="AddServiceUser"/>).</item>
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
        var passwordFile = Path.Combine(resourceDirectory, "administrator-password");
        // Before each service had an account of its own, the administrator was the one "service account".
        var formerPasswordFile = Path.Combine(resourceDirectory, "service-password");
        if (!File.Exists(passwordFile) && File.Exists(formerPasswordFile))
            File.Move(formerPasswordFile, passwordFile);
        if (!File.Exists(passwordFile) && Directory.Exists(Path.Combine(resourceDirectory, "mnesia")))
        {
            throw new InvalidOperationException(
                $"{passwordFile} is missing but the RabbitMQ node in {resourceDirectory} has data: its administrator's password is lost. " +
                $"Restore the file, or delete {Path.Combine(resourceDirectory, "mnesia")} to start with an empty broker.");
        }
        File.Delete(Path.Combine(resourceDirectory, "integrator-password")); // the former shared integrator account's
        var broker = new RabbitMQExecutableResource(name, resourceDirectory, Secrets.ReadOrCreate(passwordFile));

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
        builder.Eventing.Subscribe<ResourceReadyEvent>(broker, (@event, cancellationToken) => SetUpAsync(broker, @event.Services, cancellationToken));
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
        // host and the administrator instead of guest, so guest never exists.
        var configuration = Path.Combine(broker.ResourceDirectory, "rabbitmq.conf");
        File.WriteAllText(configuration, $"""
            default_vhost = {RabbitMQExecutableResource.VirtualHost}
            default_user = {RabbitMQExecutableResource.AdministratorUser}
            default_pass = {broker.AdministratorPassword}
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
    /// The broker account of the service <paramref name="service"/>, as the connection string it receives
    /// (<c>.WithReference(messaging.AddServiceUser("plans"), "messaging")</c>): on the platform's own node, an account
    /// of its own (<see cref="RabbitMQServiceUserResource"/>; <paramref name="administrator"/> for the identity
    /// service); on an existing broker or a published container, the one connection string every service shares.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddServiceUser(
        this IResourceBuilder<IResourceWithConnectionString> messaging, string service, bool administrator = false)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        if (messaging.Resource is not RabbitMQExecutableResource broker)
            return messaging;
        var user = new RabbitMQServiceUserResource($"{broker.Name}-{service}", service, administrator, broker, Secrets.Generate());
        broker.ServiceUsers.Add(user);
        return messaging.ApplicationBuilder.AddResource(user)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "BrokerUser",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithIconName("Person")
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Sets up the ready node through its management API (each PUT creates or replaces, so every start sets the same):
    /// event exchanges of a former version (fanout) become topic exchanges with their services' queues bound again;
    /// every event of the catalogue has its topic exchange; integrators' queues are bounded by a policy; the former
    /// shared integrator account is gone; each service has its account with this start's password and its permissions.
    /// </summary>
    private static async Task SetUpAsync(RabbitMQExecutableResource broker, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(broker);
        var vhost = RabbitMQExecutableResource.VirtualHost;
        await ManageAsync(broker, HttpMethod.Delete, "/api/users/integrator", null, cancellationToken, allowNotFound: true);

        var exchanges = await GetAsync<List<ExchangeInfo>>(broker, $"/api/exchanges/{vhost}?columns=name,type", cancellationToken);
        foreach (var former in exchanges.Where(e => e.Name.StartsWith(EventNames.ExchangePrefix, StringComparison.Ordinal) && e.Type != "topic"))
        {
            var bindings = await GetAsync<List<BindingInfo>>(broker, $"/api/exchanges/{vhost}/{Uri.EscapeDataString(former.Name)}/bindings/source", cancellationToken);
            await ManageAsync(broker, HttpMethod.Delete, $"/api/exchanges/{vhost}/{Uri.EscapeDataString(former.Name)}", null, cancellationToken);
            await DeclareEventExchangeAsync(broker, former.Name, cancellationToken);
            // An integrator binds again with its own keys; a service's queue takes every event, as before.
            foreach (var queue in bindings.Where(b => b.DestinationType == "queue" && !b.Destination.StartsWith(EventNames.IntegratorQueuePrefix, StringComparison.Ordinal)))
            {
                await ManageAsync(broker, HttpMethod.Post, $"/api/bindings/{vhost}/e/{Uri.EscapeDataString(former.Name)}/q/{Uri.EscapeDataString(queue.Destination)}",
                    JsonContent.Create(new { routing_key = EventNames.EveryEvent }), cancellationToken);
            }
            logger.LogWarning("Event exchange {Exchange} was {Type}; it is now a topic exchange, its services' queues bound again", former.Name, former.Type);
        }
        foreach (var exchange in EventNames.CatalogueExchanges)
            await DeclareEventExchangeAsync(broker, exchange, cancellationToken);

        await ManageAsync(broker, HttpMethod.Put, $"/api/policies/{vhost}/{RabbitMQExecutableResource.IntegratorQueuePolicy}", JsonContent.Create(new Dictionary<string, object>
        {
            ["pattern"] = "^" + System.Text.RegularExpressions.Regex.Escape(EventNames.IntegratorQueuePrefix),
            ["apply-to"] = "queues",
            ["priority"] = 0,
            ["definition"] = new Dictionary<string, object>
            {
                ["max-length"] = RabbitMQExecutableResource.IntegratorQueueMaxLength,
                ["max-length-bytes"] = RabbitMQExecutableResource.IntegratorQueueMaxBytes,
                ["overflow"] = "drop-head",
            },
        }), cancellationToken);

        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var user in broker.ServiceUsers)
        {
            await ManageAsync(broker, HttpMethod.Put, $"/api/users/{user.Service}",
                JsonContent.Create(new { password = user.Password, tags = user.Administrator ? "administrator" : "" }), cancellationToken);
            await ManageAsync(broker, HttpMethod.Put, $"/api/permissions/{vhost}/{user.Service}",
                JsonContent.Create(new { configure = user.Configure, write = user.Write, read = user.Read }), cancellationToken);
            await notifications.PublishUpdateAsync(user, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
        }
    }

    private static Task DeclareEventExchangeAsync(RabbitMQExecutableResource broker, string exchange, CancellationToken cancellationToken) =>
        ManageAsync(broker, HttpMethod.Put, $"/api/exchanges/{RabbitMQExecutableResource.VirtualHost}/{Uri.EscapeDataString(exchange)}",
            JsonContent.Create(new { type = "topic", durable = true, auto_delete = false, @internal = false }), cancellationToken);

    private static async Task ManageAsync(
        RabbitMQExecutableResource broker, HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var response = await broker.SendManagementAsync(method, path, content, cancellationToken);
        if (!response.IsSuccessStatusCode && !(allowNotFound && response.StatusCode == System.Net.HttpStatusCode.NotFound))
        {
            throw new InvalidOperationException(
                $"The RabbitMQ management API answered {(int)response.StatusCode} to {method} {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task<T> GetAsync<T>(RabbitMQExecutableResource broker, string path, CancellationToken cancellationToken)
    {
        using var response = await broker.SendManagementAsync(HttpMethod.Get, path, null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken) ?? throw new InvalidOperationException($"GET {path} answered nothing.");
    }

    private sealed record ExchangeInfo(string Name, string Type);

    private sealed record BindingInfo(
        string Destination,
        [property: System.Text.Json.Serialization.JsonPropertyName("destination_type")] string DestinationType);

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
