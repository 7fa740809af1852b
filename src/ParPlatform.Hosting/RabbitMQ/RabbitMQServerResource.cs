using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary>
/// A RabbitMQ node from the machine's rabbitmq-server package, with its own node name, ports
/// (AMQP, management, Erlang distribution and port mapper) and directories under
/// DataDirectory/rabbitmq; or an external broker when <see cref="PlatformOptions.ExternalMessaging"/>
/// is set. The node has one virtual host, one generated service account and one generated
/// integrator account; the default <c>guest</c> account is never created.
/// </summary>
public sealed class RabbitMQServerResource : Resource, IResourceWithConnectionString
{
    public const string VirtualHost = "parplatform";
    public const string ServiceUser = "parplatform";

    /// <summary>
    /// The account integrators bind their own queues with: it declares and reads only
    /// <c>integrator.*</c> queues and exchanges, reads the <c>events.*</c> exchanges, and has no
    /// management access.
    /// </summary>
    public const string IntegratorUser = "integrator";
    private const string IntegratorConfigure = @"^integrator\..*";
    private const string IntegratorWrite = @"^integrator\..*";
    private const string IntegratorRead = @"^(integrator\..*|events\..*)$";
    private const string NodeName = "parplatform@localhost";
    private const string BinDirectory = "/usr/lib/rabbitmq/bin";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    private ChildProcess? _process;
    private Dictionary<string, string> _environment = [];
    private string _password = "";
    private int _amqpPort;
    private int _managementPort;
    private int _epmdPort;

    internal RabbitMQServerResource(string name, PlatformOptions options)
        : base(name, options)
    {
        ResourceDirectory = Path.Combine(options.DataDirectory, "rabbitmq");
        ErrorQueues = new ErrorQueues(this);
    }

    public override string Type => "rabbitmq";

    public string ResourceDirectory { get; }

    /// <summary>Peeks at and replays the messages the services moved to the <c>&lt;queue&gt;_error</c> queues.</summary>
    public ErrorQueues ErrorQueues { get; }

    /// <summary>amqp://user:password@127.0.0.1:port/parplatform, as services receive it.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>http://127.0.0.1:port of the management plugin (its HTTP API).</summary>
    public string ManagementUrl => $"http://127.0.0.1:{_managementPort}";

    public string ServicePassword => _password;

    public int AmqpPort => _amqpPort;

    /// <summary>Generated on first start, kept in ResourceDirectory/integrator-password (empty with an external broker).</summary>
    public string IntegratorPassword { get; private set; } = "";

    /// <summary>amqp://integrator:password@127.0.0.1:port/parplatform (empty with an external broker).</summary>
    public string IntegratorConnectionString { get; private set; } = "";

    /// <summary>True when the platform uses an existing broker instead of starting a node.</summary>
    internal bool IsExternal => Options.ExternalMessaging is not null;

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Options.ExternalMessaging is not null)
        {
            ConnectionString = Options.ExternalMessaging;
            var uri = new Uri(ConnectionString);
            Endpoints["amqp"] = $"{uri.Host}:{uri.Port} (external)";
            Log($"using the external RabbitMQ broker at {uri.Host}:{uri.Port}");
            Log($"the broker's administrator creates the '{IntegratorUser}' account on virtual host '{uri.AbsolutePath.TrimStart('/')}' " +
                $"with no tags and permissions configure '{IntegratorConfigure}', write '{IntegratorWrite}', read '{IntegratorRead}'");
            return;
        }

        var server = Path.Combine(BinDirectory, "rabbitmq-server");
        if (!File.Exists(server))
        {
            throw new InvalidOperationException(
                $"RabbitMQ was not found ({server}). Install it with `apt-get install rabbitmq-server`.");
        }

        var home = Path.Combine(ResourceDirectory, "home");
        var mnesia = Path.Combine(ResourceDirectory, "mnesia");
        var freshNode = !Directory.Exists(mnesia);
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(mnesia);
        Directory.CreateDirectory(Path.Combine(ResourceDirectory, "log"));
        var passwordFile = Path.Combine(ResourceDirectory, "service-password");
        var passwordWasMissing = !File.Exists(passwordFile);
        _password = Secrets.ReadOrCreate(passwordFile);
        await StopLeftoverNodeAsync();

        // A node that does not come up (seen rarely when several start at once on a busy machine:
        // another process can take a free port between our pick and the node's bind) is stopped
        // and started again on fresh ports.
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchNodeAsync(server, home, mnesia, cancellationToken);
                break;
            }
            catch (Exception e) when (attempt < Attempts && !cancellationToken.IsCancellationRequested && e is InvalidOperationException or TimeoutException)
            {
                Log($"RabbitMQ did not start ({e.Message.Split('\n')[0]}); starting it again on other ports (attempt {attempt + 1} of {Attempts})");
                await StopAsync();
            }
        }
        if (!freshNode && passwordWasMissing)
            await RunCtlAsync(["change_password", ServiceUser, _password], cancellationToken);

        ConnectionString = $"amqp://{ServiceUser}:{_password}@127.0.0.1:{_amqpPort}/{VirtualHost}";
        await WaitUntilAsync(IsHealthyAsync, _process, TimeSpan.FromSeconds(60), "RabbitMQ management", cancellationToken);
        await CreateIntegratorAsync(cancellationToken);
    }

    /// <summary>Starts the node on free ports and returns once it has booted.</summary>
    private async Task LaunchNodeAsync(string server, string home, string mnesia, CancellationToken cancellationToken)
    {
        _amqpPort = Ports.GetFree();
        _managementPort = Ports.GetFree();
        var distributionPort = Ports.GetFree();
        _epmdPort = Ports.GetFree();
        // rabbitmqctl listens on a port of its own too (default 35672–35682, shared by every node on the machine).
        var cliPort = Invariant(Ports.GetFree());
        WriteConfiguration();

        _environment = new Dictionary<string, string>
        {
            ["HOME"] = home, // the Erlang cookie lives here, shared by the server and rabbitmqctl
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_USE_LONGNAME"] = "false",
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(ResourceDirectory, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = mnesia,
            ["RABBITMQ_LOG_BASE"] = Path.Combine(ResourceDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_PID_FILE"] = Path.Combine(ResourceDirectory, "rabbitmq.pid"),
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Invariant(_amqpPort),
            ["RABBITMQ_DIST_PORT"] = Invariant(distributionPort),
            ["ERL_EPMD_PORT"] = Invariant(_epmdPort),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // Erlang's schedulers otherwise spin while idle, taking CPU the services and PostgreSQL
            // need on a small host (RabbitMQ's own advice for shared machines).
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none",
            ["RABBITMQ_CTL_DIST_PORT_MIN"] = cliPort,
            ["RABBITMQ_CTL_DIST_PORT_MAX"] = cliPort,
        };

        _process = ChildProcess.Start(new ProcessSpec(server, []) { Environment = _environment }, Log);
        ProcessId = _process.Id;
        Endpoints["amqp"] = $"127.0.0.1:{_amqpPort}";
        Endpoints["management"] = ManagementUrl;

        // rabbitmqctl await_startup re-checks only every 10 s while the node is not yet
        // registered, so first wait for the node to listen, then let it confirm.
        await WaitUntilAsync(ct => Ports.AcceptsConnectionsAsync(_amqpPort, ct), _process, TimeSpan.FromSeconds(90), "RabbitMQ", cancellationToken);
        await RunCtlAsync(["await_startup", "--timeout", "60"], cancellationToken);
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (Options.ExternalMessaging is not null)
            return await Ports.AcceptsConnectionsAsync(new Uri(ConnectionString).Port, cancellationToken);
        try
        {
            using var response = await SendManagementAsync(HttpMethod.Get, "/api/health/checks/alarms", null, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    protected override async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            Log("stopping RabbitMQ");
            try
            {
                await RunCtlAsync(["stop"], CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                Log($"rabbitmqctl stop failed ({e.Message}); terminating the node");
            }
            await _process.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(30));
        }
        // The node started its own Erlang port mapper (epmd) on our port; it outlives the node.
        await ChildProcess.RunAsync(
            new ProcessSpec("epmd", ["-port", Invariant(_epmdPort), "-kill"]), TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    /// <summary>Runs rabbitmqctl against this node, e.g. to add accounts or list queues.</summary>
    public async Task<string> RunCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (code, output) = await ChildProcess.RunAsync(
            new ProcessSpec(Path.Combine(BinDirectory, "rabbitmqctl"), arguments) { Environment = _environment },
            TimeSpan.FromSeconds(90), cancellationToken);
        return code == 0
            ? output
            : throw new InvalidOperationException($"rabbitmqctl {arguments[0]} failed with code {code}: {output}");
    }

    /// <summary>Sends a request to the management HTTP API (path from /api) as the service account.</summary>
    internal async Task<HttpResponseMessage> SendManagementAsync(
        HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, ManagementUrl + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServiceUser}:{_password}")));
        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Creates the integrator account, or sets its password, tags and permissions again on a node
    /// that already has it (a PUT of the management API creates or replaces).
    /// </summary>
    private async Task CreateIntegratorAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(ResourceDirectory, "integrator-password");
        IntegratorPassword = Secrets.ReadOrCreate(passwordFile);
        using (var user = await SendManagementAsync(HttpMethod.Put, $"/api/users/{IntegratorUser}",
            JsonContent.Create(new { password = IntegratorPassword, tags = "" }), cancellationToken))
        {
            user.EnsureSuccessStatusCode();
        }
        using (var permissions = await SendManagementAsync(HttpMethod.Put, $"/api/permissions/{VirtualHost}/{IntegratorUser}",
            JsonContent.Create(new { configure = IntegratorConfigure, write = IntegratorWrite, read = IntegratorRead }), cancellationToken))
        {
            permissions.EnsureSuccessStatusCode();
        }
        IntegratorConnectionString = $"amqp://{IntegratorUser}:{IntegratorPassword}@127.0.0.1:{_amqpPort}/{VirtualHost}";
        // The password stays in its 0600 file: the dashboard is readable by every local user.
        Endpoints["integrator"] = $"amqp://{IntegratorUser}@127.0.0.1:{_amqpPort}/{VirtualHost} (password in {passwordFile})";
    }

    private void WriteConfiguration()
    {
        // default_* apply when the node boots with an empty database: they create the virtual
        // host and the service account instead of guest, so guest never exists.
        File.WriteAllText(Path.Combine(ResourceDirectory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{_amqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {_managementPort}
            default_vhost = {VirtualHost}
            default_user = {ServiceUser}
            default_pass = {_password}
            default_user_tags.administrator = true
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            log.console = true
            log.console.level = warning
            log.file = false

            """);
        File.SetUnixFileMode(Path.Combine(ResourceDirectory, "rabbitmq.conf"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(ResourceDirectory, "enabled_plugins"), "[rabbitmq_management].\n");
        File.WriteAllText(Path.Combine(ResourceDirectory, "rabbitmq-env.conf"), "");
    }

    /// <summary>A node left running by an AppHost that was killed holds the data directory: stop it.</summary>
    private async Task StopLeftoverNodeAsync()
    {
        var pidFile = Path.Combine(ResourceDirectory, "rabbitmq.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            return;
        if (Signals.IsAlive(pid) && Signals.CommandLine(pid).Contains(ResourceDirectory, StringComparison.Ordinal))
        {
            Log($"stopping a RabbitMQ node left running on this data directory (pid {pid})");
            Signals.Send(pid, Signals.SigTerm);
            for (var i = 0; i < 120 && Signals.IsAlive(pid); i++)
                await Task.Delay(250);
            if (Signals.IsAlive(pid))
                Signals.Send(pid, Signals.SigKill);
        }
        File.Delete(pidFile);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
