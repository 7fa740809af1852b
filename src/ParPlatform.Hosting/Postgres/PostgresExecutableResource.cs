using Aspire.Hosting.ApplicationModel;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// A PostgreSQL server that Aspire's orchestrator runs as an executable from the machine's binaries
/// (as the <c>postgres</c> user when the AppHost runs as root), its data under
/// <see cref="ResourceDirectory"/>, listening on loopback on the port of its <c>tcp</c> endpoint
/// (given to it as PGPORT). Its connection string is the superuser's: for provisioning the
/// services' databases, never for a service.
/// </summary>
public sealed class PostgresExecutableResource(string name, string command, string resourceDirectory, string superuserPassword)
    : ExecutableResource(name, command, resourceDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    /// <summary>The OS user the server runs as (when the AppHost is root: PostgreSQL refuses to run as root).</summary>
    public const string OsUser = "postgres";

    private EndpointReference? _endpoint;

    /// <summary>Everything of this server: pgdata/ and the superuser-password file.</summary>
    public string ResourceDirectory { get; } = resourceDirectory;

    public string DataDirectory => Path.Combine(ResourceDirectory, "pgdata");

    public string SuperuserPasswordFile => Path.Combine(ResourceDirectory, "superuser-password");

    public EndpointReference Endpoint => _endpoint ??= new EndpointReference(this, EndpointName);

    internal string SuperuserPassword { get; } = superuserPassword;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={SuperuserPassword};Database=postgres");
}
