using System.Globalization;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// <c>AddPlatformPostgres</c> and <c>AddServiceDatabase</c>: the platform's PostgreSQL and one database
/// and login role per service, whichever server it is.
/// </summary>
public static class PostgresBuilderExtensions
{
    /// <summary>
    /// The platform's PostgreSQL server, named <paramref name="name"/>:
    /// <list type="bullet">
    /// <item>when ConnectionStrings:{name} is configured, that existing server (a superuser's connection string);</item>
    /// <item>when publishing, Aspire's PostgreSQL container, for a container platform;</item>
    /// <item>otherwise the machine's PostgreSQL binaries run by Aspire as an executable, with its data in
    /// <paramref name="dataDirectory"/>/postgres (initialised on the first start) and health-checked with a query.</item>
    /// </list>
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        if (builder.ExecutionContext.IsPublishMode)
            return builder.AddPostgres(name);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            return builder.AddConnectionString(name);

        var binaries = PostgresBinaries.Find();
        var resourceDirectory = Path.GetFullPath(Path.Combine(dataDirectory, "postgres"));
        Directory.CreateDirectory(resourceDirectory);
        var password = Secrets.ReadOrCreate(Path.Combine(resourceDirectory, "superuser-password"));
        var command = Command.AsUser(PostgresExecutableResource.OsUser, binaries.Postgres, [
            "-D", Path.Combine(resourceDirectory, "pgdata"),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
            // Sized for the platform's bulk work (docs/performance.md, the dossier import): a million-row import's
            // table and indexes stay in memory, its WAL forces no checkpoint midway, its staging table stays in
            // the session's memory, and large event payloads are compressed with lz4 rather than the slower pglz.
            "-c", "shared_buffers=512MB",
            "-c", "max_wal_size=4GB",
            "-c", "default_toast_compression=lz4",
            "-c", "temp_buffers=256MB",
        ]);
        var server = new PostgresExecutableResource(name, command[0], resourceDirectory, password);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, cancellationToken) =>
            InitialiseAsync(server, binaries, cancellationToken));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => AnswersAsync(server, cancellationToken));

        return builder.AddResource(server)
            .WithArgs([.. command.Skip(1)])
            .WithEndpoint(name: PostgresExecutableResource.EndpointName, scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck);
    }

    /// <summary>
    /// A database named <paramref name="name"/> on the server with two login roles (<see cref="ServiceDatabaseResource"/>):
    /// <c>{name}_owner</c>, which owns it, and <c>{name}</c>, which may only read and write its tables; created (or given
    /// this start's passwords) once the server is healthy; healthy once the service's role can connect. The owner's
    /// connection string is the resource <c>{name}-owner</c> (<see cref="WithServiceDatabase"/> gives a service both).
    /// When publishing, the connection strings of those roles on Aspire's PostgreSQL container, their passwords parameters.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddServiceDatabase(
        this IResourceBuilder<IResourceWithConnectionString> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var owner = ServiceDatabaseResource.OwnerRole(name);
        if (server.Resource is PostgresServerResource container)
        {
            // Published: the service connects as its own role and migrates as the owner (passwords secret parameters
            // {name}-password and {name}-owner-password), never as the superuser, whom row-level security does not
            // restrain. The operator creates roles and database before the first start (docs/deployment.md).
            var ownerPassword = builder.AddParameter($"{name}-owner-password", secret: true);
            builder.AddConnectionString(ServiceDatabaseResource.OwnerConnectionName(name), ReferenceExpression.Create(
                $"Host={container.Host};Port={container.Port};Database={name};Username={owner};Password={ownerPassword.Resource}"));
            var rolePassword = builder.AddParameter($"{name}-password", secret: true);
            return builder.AddConnectionString(name, ReferenceExpression.Create(
                $"Host={container.Host};Port={container.Port};Database={name};Username={name};Password={rolePassword.Resource}"));
        }

        var password = Secrets.Generate();
        var database = new ServiceDatabaseResource(
            name, server.Resource, ConnectionString(builder, server.Resource, name, name, password), password, Secrets.Generate());
        builder.AddConnectionString(ServiceDatabaseResource.OwnerConnectionName(name), ConnectionString(builder, server.Resource, name, owner, database.OwnerPassword));
        var first = !builder.Resources.OfType<ServiceDatabaseResource>().Any(d => d.Server == server.Resource);
        if (first)
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, (@event, cancellationToken) =>
                ProvisionAsync(builder, server.Resource, @event.Services.GetRequiredService<ResourceNotificationService>(), cancellationToken));
        }
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, cancellationToken => AnswersAsync(database, cancellationToken));
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Database",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithIconName("Database")
            .WithHealthCheck(healthCheck);
    }

    /// <summary>
    /// The service's database: its role's connection string as ConnectionStrings:{database} and the owner's, for its
    /// migrations, as ConnectionStrings:{database}-owner; the service starts once the database is ready.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDatabase(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> database)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(database);
        var ownerName = ServiceDatabaseResource.OwnerConnectionName(database.Resource.Name);
        var owner = project.ApplicationBuilder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == ownerName);
        return project
            .WithReference(database).WaitFor(database)
            .WithReference(project.ApplicationBuilder.CreateResourceBuilder(owner));
    }

    /// <summary>A role's connection string: the server's host and port, the service's database, the role.</summary>
    private static ReferenceExpression ConnectionString(IDistributedApplicationBuilder builder, IResource server, string name, string role, string password)
    {
        if (server is PostgresExecutableResource executable)
        {
            return ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={executable.Endpoint.Property(EndpointProperty.Port)};Database={name};Username={role};Password={password}");
        }
        var external = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString(server.Name))
        {
            Database = name,
            Username = role,
            Password = password,
        };
        return ReferenceExpression.Create($"{external.ConnectionString}");
    }

    /// <summary>
    /// Only the superuser may connect to the maintenance databases (PUBLIC may by default); each declared
    /// database gets its role and is created when missing, one at a time (concurrent GRANT/REVOKE conflict).
    /// </summary>
    private static async Task ProvisionAsync(
        IDistributedApplicationBuilder builder, IResourceWithConnectionString server, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        // Not pooled: an idle session would be left open, and PostgreSQL's shutdown on the orchestrator's SIGTERM
        // waits for every session to end, until the orchestrator kills it (its next start then recovers).
        var connectionString = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken)) { Pooling = false };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC; REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;", connection))
            await command.ExecuteNonQueryAsync(cancellationToken);
        async Task<NpgsqlConnection> SuperuserInAsync(string database)
        {
            var inDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString.ConnectionString) { Database = database }.ConnectionString);
            await inDatabase.OpenAsync(cancellationToken);
            return inDatabase;
        }
        foreach (var database in builder.Resources.OfType<ServiceDatabaseResource>().Where(d => d.Server == server))
        {
            await database.ProvisionAsync(connection, SuperuserInAsync, cancellationToken);
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }

    private static async Task<HealthCheckResult> AnswersAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))
            {
                Pooling = false,
                Timeout = 3,
            };
            await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    /// <summary>Before the first start: the data directory, owned by the server's OS user and initialised by initdb.</summary>
    private static async Task InitialiseAsync(PostgresExecutableResource server, PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        EnsureReachableByServerUser(server.ResourceDirectory);
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
            return;
        Directory.CreateDirectory(server.DataDirectory);
        File.SetUnixFileMode(server.ResourceDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (Signals.IsRoot)
        {
            var (chown, chownOutput) = await Command.RunAsync("chown", ["-R", $"{PostgresExecutableResource.OsUser}:{PostgresExecutableResource.OsUser}", server.ResourceDirectory],
                TimeSpan.FromSeconds(30), cancellationToken);
            if (chown != 0)
                throw new InvalidOperationException($"Could not give {server.ResourceDirectory} to the '{PostgresExecutableResource.OsUser}' user: {chownOutput}");
        }
        var (code, output) = await Command.RunAsync(binaries.InitDb, [
            "-D", server.DataDirectory,
            "-U", "postgres",
            "--pwfile", server.SuperuserPasswordFile,
            "--auth-host=scram-sha-256",
            "--auth-local=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ], TimeSpan.FromMinutes(2), cancellationToken, PostgresExecutableResource.OsUser);
        if (code != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"initdb failed with code {code}: {output}"));
    }

    /// <summary>The server runs as the postgres user, which needs to traverse every parent directory of its data.</summary>
    private static void EnsureReachableByServerUser(string resourceDirectory)
    {
        if (!Signals.IsRoot)
            return;
        for (var dir = new DirectoryInfo(resourceDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as the '{PostgresExecutableResource.OsUser}' user, which cannot enter {dir.FullName}. " +
                    $"Allow it (chmod o+x {dir.FullName}) or choose another data directory (--DataDirectory).");
            }
        }
    }
}
