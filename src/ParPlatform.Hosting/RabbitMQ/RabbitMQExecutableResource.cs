using System.Net.Http.Headers;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using ParPlatform.Hosting.Processes;
using ParPlatform.Messaging.Errors;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary>
/// A RabbitMQ node from the machine's rabbitmq-server package that Aspire's orchestrator runs as an
/// executable, with its own node name, directories under <see cref="ResourceDirectory"/> and ports:
/// AMQP and the management API on loopback, Erlang distribution, and a port mapper (epmd) of its
/// own run as a resource beside it. The node has one virtual host and one generated administrator
/// account (its connection string, for the AppHost, its dashboard commands and operators; no service
/// gets it); each service has an account of its own (<see cref="RabbitMQServiceUserResource"/>) and
/// each integrator one the identity service creates. <c>guest</c> never exists.
/// </summary>
public sealed class RabbitMQExecutableResource(string name, string resourceDirectory, string administratorPassword)
    : ExecutableResource(name, Path.Combine(BinDirectory, "rabbitmq-server"), resourceDirectory), IResourceWithConnectionString
{
    public const string VirtualHost = "parplatform";
    public const string AdministratorUser = "parplatform";

    /// <summary>The policy that bounds every integrator's queue (<c>integrator.*</c>).</summary>
    public const string IntegratorQueuePolicy = "integrator-queues";

    /// <summary>
    /// The most messages an integrator's queue holds; beyond it the oldest are dropped (overflow
    /// <c>drop-head</c>: the services' publishes are still confirmed, their outboxes never stall).
    /// </summary>
    public const int IntegratorQueueMaxLength = 100_000;

    /// <summary>The most bytes of message bodies an integrator's queue holds (100 MiB); the same overflow.</summary>
    public const long IntegratorQueueMaxBytes = 100L * 1024 * 1024;

    public const string AmqpEndpointName = "amqp";
    public const string ManagementEndpointName = "management";
    public const string DistributionEndpointName = "distribution";
    internal const string NodeName = "parplatform@localhost";
    internal const string BinDirectory = "/usr/lib/rabbitmq/bin";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>Its Erlang port mapper, started before it and stopped with the platform.</summary>
    public ExecutableResource PortMapper { get; internal set; } = null!;

    /// <summary>Node data (mnesia/), the Erlang cookie (home/), configuration and the administrator's password.</summary>
    public string ResourceDirectory { get; } = resourceDirectory;

    public string AdministratorPassword { get; } = administratorPassword;

    /// <summary>The services' accounts, created (or given this start's passwords) once the node is ready.</summary>
    public List<RabbitMQServiceUserResource> ServiceUsers { get; } = [];

    public EndpointReference Amqp => new(this, AmqpEndpointName);

    public EndpointReference Management => new(this, ManagementEndpointName);

    /// <summary>amqp://parplatform:password@127.0.0.1:port/parplatform: the administrator, never a service's.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{AdministratorUser}:{AdministratorPassword}@127.0.0.1:{Amqp.Property(EndpointProperty.Port)}/{VirtualHost}");

    /// <summary>The connection string's value (the administrator), once the node runs.</summary>
    public string AdministratorConnectionString => $"amqp://{AdministratorUser}:{AdministratorPassword}@127.0.0.1:{Amqp.Port}/{VirtualHost}";

    /// <summary>http://127.0.0.1:port of the management plugin (its HTTP API), once the node runs.</summary>
    public string ManagementUrl => $"http://127.0.0.1:{Management.Port}";

    /// <summary>The error queues of this node, once it runs: peeked at and replayed to their original queues.</summary>
    public ErrorQueues ErrorQueues => new(AdministratorConnectionString, new Uri(ManagementUrl));

    /// <summary>The environment the node and rabbitmqctl share (node name, cookie, configuration, port mapper).</summary>
    internal Dictionary<string, string> NodeEnvironment() => new()
    {
        // No Erlang VM of this environment ever starts a port mapper: the node, rabbitmqctl, and the one-off VM by
        // which the node keeps its port mapper alive every minute (which, after the orchestrator stopped the port
        // mapper resource but not yet the node, would leave a port mapper daemon behind). The resource is the one.
        ["ERL_FLAGS"] = "-start_epmd false",
        ["HOME"] = Path.Combine(ResourceDirectory, "home"), // the Erlang cookie lives here
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_USE_LONGNAME"] = "false",
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(ResourceDirectory, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(ResourceDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(ResourceDirectory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_PID_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq.pid"),
    };

    /// <summary>Runs rabbitmqctl against this running node, e.g. <c>stop_app</c> and <c>start_app</c>.</summary>
    public async Task<string> RunCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var environment = NodeEnvironment();
        environment["ERL_EPMD_PORT"] = Invariant(PortMapper.GetEndpoint(RabbitMQBuilderExtensions.PortMapperEndpointName).Port);
        // rabbitmqctl listens on a port of its own (by default one of 35672–35682, shared by every node on the machine).
        environment["RABBITMQ_CTL_DIST_PORT_MIN"] = environment["RABBITMQ_CTL_DIST_PORT_MAX"] = Invariant(FreePort());
        var (code, output) = await Processes.Command.RunAsync(Path.Combine(BinDirectory, "rabbitmqctl"), arguments, TimeSpan.FromSeconds(90), cancellationToken,
            environment: environment);
        return code == 0
            ? output
            : throw new InvalidOperationException($"rabbitmqctl {arguments[0]} failed with code {code}: {output}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sends a request to the management HTTP API (path from /api) as the administrator.</summary>
    internal async Task<HttpResponseMessage> SendManagementAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, ManagementUrl + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdministratorUser}:{AdministratorPassword}")));
        return await Http.SendAsync(request, cancellationToken);
    }
}
