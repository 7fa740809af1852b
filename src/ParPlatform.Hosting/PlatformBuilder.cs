using Microsoft.Extensions.Configuration;
using ParPlatform.Hosting.Postgres;
using ParPlatform.Hosting.Projects;
using ParPlatform.Hosting.RabbitMQ;

namespace ParPlatform.Hosting;

/// <summary>
/// Declares the platform's resources with Aspire's vocabulary (AddPostgres, AddDatabase,
/// AddRabbitMQ, AddProject, WithReference, WaitFor) and builds the <see cref="PlatformApp"/> that runs them.
/// </summary>
public sealed class PlatformBuilder
{
    private readonly List<Resource> _resources = [];

    public PlatformBuilder(PlatformOptions options, IConfiguration? configuration = null)
    {
        Options = options;
        Configuration = configuration ?? new ConfigurationBuilder().Build();
    }

    public PlatformOptions Options { get; }

    public IConfiguration Configuration { get; }

    /// <summary>
    /// The AppHost's builder: configuration from appsettings.json, environment variables and the
    /// command line (--DataDirectory, --ConnectionStrings:postgres, --ConnectionStrings:messaging …).
    /// </summary>
    public static PlatformBuilder Create(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var probe = new PlatformOptions { DataDirectory = "." };
        var options = new PlatformOptions
        {
            DataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? Path.Combine(probe.RepositoryRoot, ".parplatform")),
            ExternalPostgres = NullIfEmpty(configuration.GetConnectionString("postgres")),
            ExternalMessaging = NullIfEmpty(configuration.GetConnectionString("messaging")),
            EnvironmentName = configuration["Environment"] ?? "Development",
            Output = (name, line) => Console.WriteLine($"{name,-12}| {line}"),
        };
        return new PlatformBuilder(options, configuration);
    }

    public PostgresServerResource AddPostgres(string name) => Add(new PostgresServerResource(name, Options));

    public RabbitMQServerResource AddRabbitMQ(string name) => Add(new RabbitMQServerResource(name, Options));

    /// <summary>A service of the repository: src/{projectName}, run from its build output.</summary>
    public ProjectResource AddProject(string name, string projectName) => Add(new ProjectResource(name, projectName, Options));

    public PlatformApp Build()
    {
        var all = new List<Resource>();
        foreach (var resource in _resources)
        {
            all.Add(resource);
            if (resource is PostgresServerResource server)
                all.AddRange(server.Databases);
        }
        return new PlatformApp(all, Options, Configuration);
    }

    private T Add<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
            throw new ArgumentException($"A resource named '{resource.Name}' is already declared.");
        _resources.Add(resource);
        return resource;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
