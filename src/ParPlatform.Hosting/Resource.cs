using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting;

public enum ResourceState
{
    /// <summary>Declared, waiting for the resources it waits for.</summary>
    Waiting,
    Starting,
    Running,
    /// <summary>The process ended on its own; a restart follows after a back-off.</summary>
    Exited,
    Restarting,
    Stopping,
    Stopped,
    /// <summary>Could not start; <see cref="Resource.Error"/> says why.</summary>
    Failed,
}

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>Something the platform runs: a server, a database on it, or a service.</summary>
public abstract class Resource(string name, PlatformOptions options)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    /// <summary>The kind shown on the dashboard: postgres, database, rabbitmq, project.</summary>
    public abstract string Type { get; }

    public ResourceState State { get; protected set; } = ResourceState.Waiting;

    public ResourceHealth Health { get; internal set; } = ResourceHealth.Unknown;

    /// <summary>What the resource's health checks said at the last probe (e.g. the read model's lag), when they said something.</summary>
    public IReadOnlyList<string> HealthNotes { get; protected set; } = [];

    public int? ProcessId { get; protected set; }

    public int Restarts { get; protected set; }

    public string? Error { get; protected set; }

    /// <summary>Named endpoints (http, amqp, tcp, management) as URLs or host:port.</summary>
    public Dictionary<string, string> Endpoints { get; } = [];

    public ConsoleTail Console { get; } = new();

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    protected PlatformOptions Options { get; } = options;

    /// <summary>Completes once the resource has started and answered healthy; faults if it could not.</summary>
    public Task Ready => _ready.Task;

    internal void AddWaitFor(Resource dependency)
    {
        if (!_waitsFor.Contains(dependency))
            _waitsFor.Add(dependency);
    }

    /// <summary>Checks what can be checked before anything starts (ports, built files); throws with the reason.</summary>
    internal void ValidateBeforeStart()
    {
        try
        {
            Validate();
        }
        catch (InvalidOperationException e)
        {
            State = ResourceState.Failed;
            Error = e.Message;
            Log($"'{Name}' cannot start: {e.Message}");
            throw;
        }
    }

    protected virtual void Validate()
    {
    }

    internal async Task StartAfterDependenciesAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var dependency in _waitsFor)
            {
                try
                {
                    await dependency.Ready.WaitAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new InvalidOperationException($"'{Name}' waits for '{dependency.Name}', which did not start.", e);
                }
            }
            State = ResourceState.Starting;
            Log($"starting {Type} '{Name}'");
            await StartAsync(cancellationToken);
            State = ResourceState.Running;
            Health = ResourceHealth.Healthy;
            Log($"'{Name}' is running and healthy");
            _ready.TrySetResult();
        }
        catch (Exception e)
        {
            State = ResourceState.Failed;
            Error = e.Message;
            Log($"'{Name}' failed to start: {e.Message}");
            _ready.TrySetException(e);
            throw;
        }
    }

    internal async Task StopResourceAsync()
    {
        if (State is ResourceState.Stopped)
            return;
        State = ResourceState.Stopping;
        try
        {
            await StopAsync();
        }
        finally
        {
            State = ResourceState.Stopped;
            Health = ResourceHealth.Unknown;
            ProcessId = null;
            _ready.TrySetCanceled();
        }
    }

    /// <summary>Starts the resource and returns once it answers healthy.</summary>
    protected abstract Task StartAsync(CancellationToken cancellationToken);

    protected abstract Task StopAsync();

    /// <summary>One readiness probe, answered within a couple of seconds.</summary>
    internal abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    protected void Log(string line)
    {
        Console.Add(line);
        Options.Output?.Invoke(Name, line);
    }

    /// <summary>Polls <paramref name="probe"/> until it answers true, the process dies, or time runs out.</summary>
    protected static async Task WaitUntilAsync(
        Func<CancellationToken, Task<bool>> probe, ChildProcess? process, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"{what}: the process exited with code {process.Exited.Result} before it was ready.");
            try
            {
                if (await probe(deadline.Token))
                    return;
                await Task.Delay(250, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{what}: not ready after {timeout.TotalSeconds:0} s.");
            }
        }
    }
}

/// <summary>A resource that gives its dependants a connection string (ConnectionStrings__name).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}

public static class ResourceExtensions
{
    /// <summary>Starts <paramref name="resource"/> only after <paramref name="dependency"/> is healthy.</summary>
    public static T WaitFor<T>(this T resource, Resource dependency)
        where T : Resource
    {
        resource.AddWaitFor(dependency);
        return resource;
    }
}
