using System.Globalization;
using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Processes;
using ParPlatform.Hosting.RabbitMQ;
using ParPlatform.Hosting.Services;

namespace ParPlatform.Bench;

/// <summary>
/// What the benchmarks share to start a part of the platform as the AppHost does: Aspire's builder (without
/// the dashboard; the orchestrator DCP runs every resource), the services from their build output in the
/// benchmark's configuration, and each resource's process once it is healthy.
/// </summary>
internal static class Platform
{
    private static readonly string RepositoryRoot = typeof(Platform).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ParPlatform.RepositoryRoot").Value!;

    /// <summary>Aspire's builder, no dashboard, only its warnings on the console (the benchmark prints its figures).</summary>
    public static IDistributedApplicationBuilder CreateBuilder()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });
        // Stopping the application waits until the orchestrator has stopped every process (the benchmark then deletes their data).
        builder.Configuration["DcpPublisher:WaitForResourceCleanup"] = "true";
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            // Each resource is unhealthy until it has started, and the benchmark waits for that.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        return builder;
    }

    /// <summary>
    /// src/<paramref name="projectName"/> run from bin/&lt;configuration&gt;/net10.0 (built with the benchmark, which
    /// references it), on a port of its own (<paramref name="port"/> when given), healthy when /health answers 200, with
    /// the environment the AppHost gives (Development, as the benchmarks always ran the services) but no OTLP endpoint.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService(this IDistributedApplicationBuilder builder, string name, string projectName, int? port = null) =>
        builder.AddProject(name, Path.Combine(RepositoryRoot, "src", projectName, projectName + ".csproj"), options => options.ExcludeLaunchProfile = true)
            .FromBuildOutput()
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            // Nothing receives OTLP here (no dashboard): without an endpoint the services record spans and export nothing,
            // as they always did in the benchmarks, instead of retrying an export to a port where nothing listens.
            .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));

    /// <summary>Where a started service answers: http://127.0.0.1:port.</summary>
    public static string Url(this IResourceBuilder<ProjectResource> service) =>
        $"http://127.0.0.1:{service.GetEndpoint("http").Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Waits until the resource is healthy and returns the id of its process (the snapshot's executable.pid).</summary>
    public static async Task<int> ProcessIdAsync(this DistributedApplication app, string name)
    {
        var healthy = await app.ResourceNotifications.WaitForResourceHealthyAsync(name);
        return healthy.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{name} is healthy but has no process id.");
    }

    /// <summary>A port nothing listens on now (the gateway's, which the identity service's token issuer names before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// What an overview benchmark starts, in a temporary directory: PostgreSQL (identitydb and the service's database), RabbitMQ,
/// the identity service with its demo data (Tam Thanh's officer, Lạng Sơn's reviewer), one service, and the gateway in front of
/// both, as the AppHost wires them. The benchmark seeds the service's database as its owner (the service's role only reads and
/// writes rows). Disposing it stops every process and deletes their data.
/// </summary>
internal sealed class OneServicePlatform : IAsyncDisposable
{
    private readonly string _directory;

    /// <param name="name">The service's resource name and its database's prefix, e.g. "reporting" (reportingdb).</param>
    /// <param name="projectName">Its project under src/, e.g. "ParPlatform.Reporting".</param>
    public OneServicePlatform(string name, string projectName)
    {
        _directory = Path.Combine(Path.GetTempPath(), "parplatform-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var builder = Platform.CreateBuilder();
        var postgres = builder.AddPlatformPostgres("postgres", _directory);
        var identityDb = postgres.AddServiceDatabase("identitydb");
        var serviceDb = postgres.AddServiceDatabase(name + "db");
        DatabaseOwner = builder.Resources.OfType<IResourceWithConnectionString>()
            .Single(r => r.Name == ServiceDatabaseResource.OwnerConnectionName(serviceDb.Resource.Name));
        var messaging = builder.AddPlatformRabbitMQ("messaging", _directory);
        Messaging = messaging.Resource;
        var gatewayPort = Platform.FreePort();
        var issuer = $"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}/";
        IResourceBuilder<ProjectResource> AddWithDatabase(string serviceName, string serviceProject, IResourceBuilder<IResourceWithConnectionString> database) =>
            builder.AddService(serviceName, serviceProject).WithServiceDatabase(database).WithReference(messaging).WaitFor(messaging)
                .WithEnvironment("Identity__Issuer", issuer);
        var identity = AddWithDatabase("identity", "ParPlatform.Identity", identityDb)
            .WithEnvironment("Identity__SigningKey", Secrets.NewRsaKeyPem())
            .WithEnvironment("Identity__EncryptionKey", Secrets.NewKey())
            .WithEnvironment("Identity__DemoData", "true");
        Service = AddWithDatabase(name, projectName, serviceDb).WithReference(identity);
        Gateway = builder.AddService("gateway", "ParPlatform.Gateway", gatewayPort)
            .WithEnvironment("Identity__Issuer", issuer)
            .WithReference(identity).WaitFor(identity)
            .WithReference(Service).WaitFor(Service);
        App = builder.Build();
    }

    public DistributedApplication App { get; }

    public IResourceBuilder<ProjectResource> Service { get; }

    public IResourceBuilder<ProjectResource> Gateway { get; }

    /// <summary>The service database's owner connection.</summary>
    public IResourceWithConnectionString DatabaseOwner { get; }

    public IResourceWithConnectionString Messaging { get; }

    /// <summary>Starts every resource and waits until the gateway is healthy.</summary>
    public async Task StartAsync()
    {
        await App.StartAsync();
        await App.ResourceNotifications.WaitForResourceHealthyAsync(Gateway.Resource.Name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>
/// Puts a person's access token on every request, signing in again (with <paramref name="signIn"/>) when the one it has
/// is four minutes old: access tokens live five, and a benchmark runs longer.
/// </summary>
internal sealed class FreshToken(Func<Task<string>> signIn) : DelegatingHandler
{
    private static readonly TimeSpan Renew = TimeSpan.FromMinutes(4);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset At)? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await CurrentAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_token is { } fresh && DateTimeOffset.UtcNow - fresh.At < Renew)
            return fresh.Value;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not { } current || DateTimeOffset.UtcNow - current.At >= Renew)
                _token = current = (await signIn(), DateTimeOffset.UtcNow);
            return current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gate.Dispose();
        base.Dispose(disposing);
    }
}
