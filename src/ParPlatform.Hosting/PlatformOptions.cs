using System.Reflection;

namespace ParPlatform.Hosting;

/// <summary>Where the platform keeps its data and how it finds the built services.</summary>
public sealed class PlatformOptions
{
    /// <summary>Data of PostgreSQL and RabbitMQ (default: .parplatform/ in the repository).</summary>
    public required string DataDirectory { get; init; }

    public string RepositoryRoot { get; init; } = BuildMetadata("ParPlatform.RepositoryRoot");

    /// <summary>Debug or Release: which build of the services to run.</summary>
    public string Configuration { get; init; } = BuildMetadata("ParPlatform.Configuration");

    /// <summary>An existing PostgreSQL server (superuser connection string) instead of starting one.</summary>
    public string? ExternalPostgres { get; init; }

    /// <summary>An existing RabbitMQ (amqp:// URI) instead of starting one.</summary>
    public string? ExternalMessaging { get; init; }

    /// <summary>ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT given to the services.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Base URL of the OTLP/HTTP receiver; a service gets OTEL_EXPORTER_OTLP_ENDPOINT = base/name.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Receives every line a resource prints, with the resource name.</summary>
    public Action<string, string>? Output { get; init; }

    private static string BuildMetadata(string key)
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(PlatformOptions).Assembly;
        var value = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? typeof(PlatformOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value;
        return value!;
    }
}
