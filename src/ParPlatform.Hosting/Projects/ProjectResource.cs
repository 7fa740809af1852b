using System.Globalization;
using System.Text.Json;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting.Projects;

/// <summary>
/// A built .NET service run as <c>dotnet &lt;dll&gt;</c> with the environment an Aspire AppHost
/// gives: ConnectionStrings__*, services__*__http__0, ASPNETCORE_URLS, OTEL_*. It is restarted
/// with back-off when it exits on its own.
/// </summary>
public sealed class ProjectResource : Resource
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<IResourceWithConnectionString> _connectionStrings = [];
    private readonly List<ProjectResource> _services = [];
    private readonly Dictionary<string, string> _environment = [];
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _launchLock = new();
    private ChildProcess? _process;
    private Task _supervisor = Task.CompletedTask;
    private bool _fixedPort;

    internal ProjectResource(string name, string projectName, PlatformOptions options)
        : base(name, options)
    {
        ProjectName = projectName;
        Port = Ports.GetFree();
        Endpoints["http"] = Url;
    }

    public override string Type => "project";

    public string ProjectName { get; }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string DllPath => Path.Combine(Options.RepositoryRoot, "src", ProjectName, "bin", Options.Configuration, "net10.0", ProjectName + ".dll");

    /// <summary>Serves on this fixed port (e.g. the gateway on 5080) instead of a free one.</summary>
    public ProjectResource WithHttpEndpoint(int port)
    {
        Port = port;
        _fixedPort = true;
        Endpoints["http"] = $"http://localhost:{port}";
        return this;
    }

    /// <summary>Gives the service ConnectionStrings__{name} of a database or the broker.</summary>
    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        _connectionStrings.Add(resource);
        return this;
    }

    /// <summary>Sets an environment variable of the service (configuration: Section__Key).</summary>
    public ProjectResource WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>Lets the service call another by its discovery name (http://name).</summary>
    public ProjectResource WithReference(ProjectResource service)
    {
        _services.Add(service);
        return this;
    }

    protected override void Validate()
    {
        if (_fixedPort)
            Ports.EnsureFree(Port, $"'{Name}'", $"give '{Name}' another port (for the gateway: ./build.sh run --Gateway:Port=NNNN)");
        if (!File.Exists(DllPath))
            throw new InvalidOperationException($"{DllPath} does not exist: build the solution first (dotnet build ParPlatform.sln).");
    }

    /// <summary>
    /// Starts the service and waits until it is healthy. Its free port was chosen when it was declared;
    /// another process may have taken it since (an outgoing connection gets its source port from the same
    /// range): then, and if the service exits before it is ready because of that, it starts on another
    /// free port (at most three tries). Its dependants start after it, so they get the port it serves on.
    /// </summary>
    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!_fixedPort && !Ports.IsFree(Port))
                MoveToFreePort();
            _process = Launch();
            try
            {
                await WaitUntilAsync(IsHealthyAsync, _process, TimeSpan.FromSeconds(120), $"'{Name}'", cancellationToken);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && !_fixedPort && _process.HasExited && !Ports.IsFree(Port))
            {
                Log($"'{Name}' could not listen on port {Port}: another process took it; starting again on another port");
            }
        }
        _supervisor = SuperviseAsync();
    }

    private void MoveToFreePort()
    {
        var taken = Port;
        Port = Ports.GetFree();
        Endpoints["http"] = Url;
        Log($"port {taken} chosen for '{Name}' was taken meanwhile; it serves on {Port}");
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health"), cancellationToken);
            HealthNotes = await NotesAsync(response, cancellationToken);
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

    /// <summary>The descriptions of the checks in a service's /health answer ({ "checks": [ { "name", "description" } ] }).</summary>
    private static async Task<IReadOnlyList<string>> NotesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return body.RootElement.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Array
                ? [.. checks.EnumerateArray()
                    .Where(c => c.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String)
                    .Select(c => $"{c.GetProperty("name").GetString()}: {c.GetProperty("description").GetString()}")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    protected override async Task StopAsync()
    {
        ChildProcess? process;
        lock (_launchLock)
        {
            _stopping.TrySetResult();
            process = _process;
        }
        if (process is not null)
            await process.StopAsync(Signals.SigTerm, TimeSpan.FromSeconds(20));
        await _supervisor;
    }

    private ChildProcess Launch()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ASPNETCORE_ENVIRONMENT"] = Options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = Options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
        };
        if (Options.OtlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"{Options.OtlpEndpoint.TrimEnd('/')}/{Name}";
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }
        foreach (var resource in _connectionStrings)
            environment[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        foreach (var service in _services)
            environment[$"services__{service.Name}__http__0"] = service.Url;
        foreach (var (name, value) in _environment)
            environment[name] = value;

        var process = ChildProcess.Start(
            new ProcessSpec("dotnet", [DllPath]) { Environment = environment, WorkingDirectory = Path.GetDirectoryName(DllPath) },
            Log);
        ProcessId = process.Id;
        return process;
    }

    /// <summary>Restarts the service whenever it exits while the platform runs: 1 s, 2 s, 4 s … 30 s apart.</summary>
    private async Task SuperviseAsync()
    {
        var failuresInARow = 0;
        while (true)
        {
            var code = await _process!.Exited;
            if (_stopping.Task.IsCompleted)
                return;
            var ranFor = DateTimeOffset.UtcNow - _process.StartedAt;
            failuresInARow = ranFor > TimeSpan.FromSeconds(60) ? 0 : failuresInARow + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, failuresInARow - 1))));
            State = ResourceState.Exited;
            Health = ResourceHealth.Unhealthy;
            ProcessId = null;
            Log(string.Create(CultureInfo.InvariantCulture, $"'{Name}' exited with code {code}; restarting in {delay.TotalSeconds:0} s"));
            await Task.WhenAny(Task.Delay(delay), _stopping.Task);
            lock (_launchLock)
            {
                if (_stopping.Task.IsCompleted)
                    return;
                State = ResourceState.Restarting;
                Restarts++;
                _process = Launch();
                State = ResourceState.Running;
            }
        }
    }
}
