using Npgsql;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// A PostgreSQL server from the machine's binaries (data under DataDirectory/postgres), or an
/// external server when <see cref="PlatformOptions.ExternalPostgres"/> is set. Each declared
/// database gets its own login role that owns it and may connect to nothing else.
/// </summary>
public sealed class PostgresServerResource : Resource
{
    private const string OsUser = "postgres";
    private readonly List<PostgresDatabaseResource> _databases = [];
    private ChildProcess? _process;
    private PostgresBinaries? _binaries;

    internal PostgresServerResource(string name, PlatformOptions options)
        : base(name, options)
    {
        ResourceDirectory = Path.Combine(options.DataDirectory, "postgres");
    }

    public override string Type => "postgres";

    public string ResourceDirectory { get; }

    public string DataDirectory => Path.Combine(ResourceDirectory, "pgdata");

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    /// <summary>Superuser connection string (for the platform and its tests, never for a service).</summary>
    public string SuperuserConnectionString { get; private set; } = "";

    public PostgresDatabaseResource AddDatabase(string name)
    {
        var database = new PostgresDatabaseResource(name, this, Options);
        database.WaitFor(this);
        _databases.Add(database);
        return database;
    }

    protected override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Options.ExternalPostgres is not null)
        {
            SuperuserConnectionString = Options.ExternalPostgres;
            var external = new NpgsqlConnectionStringBuilder(Options.ExternalPostgres);
            Endpoints["tcp"] = $"{external.Host}:{external.Port} (external)";
            Log($"using the external PostgreSQL server at {external.Host}:{external.Port}");
            await WaitUntilAsync(IsHealthyAsync, null, TimeSpan.FromSeconds(30), "PostgreSQL (external)", cancellationToken);
            await ProvisionDatabasesAsync(cancellationToken);
            return;
        }

        _binaries = PostgresBinaries.Find();
        Directory.CreateDirectory(ResourceDirectory);
        EnsureReachableByServerUser();
        var password = Secrets.ReadOrCreate(Path.Combine(ResourceDirectory, "superuser-password"));
        await StopLeftoverServerAsync(cancellationToken);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await InitialiseAsync(cancellationToken);

        var port = Ports.GetFree();
        SuperuserConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Pooling = false,
            Timeout = 3,
        }.ConnectionString;
        Endpoints["tcp"] = $"127.0.0.1:{port}";

        _process = ChildProcess.Start(
            new ProcessSpec(_binaries.Postgres, [
                "-D", DataDirectory,
                "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            ]) { User = OsUser },
            Log);
        ProcessId = _process.Id;
        await WaitUntilAsync(IsHealthyAsync, _process, TimeSpan.FromSeconds(60), "PostgreSQL", cancellationToken);
        await ProvisionDatabasesAsync(cancellationToken);
    }

    /// <summary>
    /// Only the superuser may connect to the maintenance databases (PUBLIC may by default); each
    /// declared database gets its role and is created when missing.
    /// </summary>
    private async Task ProvisionDatabasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(SuperuserConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC; REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;", connection))
            await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var database in _databases)
            await database.ProvisionAsync(connection, cancellationToken);
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(SuperuserConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    protected override async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        Log("stopping PostgreSQL (fast shutdown)");
        await ChildProcess.RunAsync(
            new ProcessSpec(_binaries!.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"]) { User = OsUser },
            TimeSpan.FromSeconds(40), CancellationToken.None);
        await _process.StopAsync(Signals.SigInt, TimeSpan.FromSeconds(10));
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        Log($"initialising a new PostgreSQL data directory in {DataDirectory}");
        Directory.CreateDirectory(DataDirectory);
        await GiveToServerUserAsync(ResourceDirectory, cancellationToken);
        var (code, output) = await ChildProcess.RunAsync(
            new ProcessSpec(_binaries!.InitDb, [
                "-D", DataDirectory,
                "-U", "postgres",
                "--pwfile", Path.Combine(ResourceDirectory, "superuser-password"),
                "--auth-host=scram-sha-256",
                "--auth-local=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]) { User = OsUser },
            TimeSpan.FromMinutes(2), cancellationToken);
        if (code != 0)
            throw new InvalidOperationException($"initdb failed with code {code}: {output}");
    }

    /// <summary>A server left running by an AppHost that was killed holds the data directory: stop it.</summary>
    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return;
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (int.TryParse(firstLine, out var pid) && Signals.IsAlive(pid) && Signals.CommandLine(pid).Contains("postgres", StringComparison.Ordinal))
        {
            Log($"stopping a PostgreSQL server left running on this data directory (pid {pid})");
            await ChildProcess.RunAsync(
                new ProcessSpec(_binaries!.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"]) { User = OsUser },
                TimeSpan.FromSeconds(40), cancellationToken);
        }
    }

    private void EnsureReachableByServerUser()
    {
        if (!Signals.IsRoot)
            return;
        // The server runs as the postgres user, which needs to traverse every parent directory.
        for (var dir = new DirectoryInfo(ResourceDirectory).Parent; dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as the '{OsUser}' user, which cannot enter {dir.FullName}. " +
                    $"Allow it (chmod o+x {dir.FullName}) or choose another data directory with --DataDirectory.");
            }
        }
    }

    private static async Task GiveToServerUserAsync(string directory, CancellationToken cancellationToken)
    {
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!Signals.IsRoot)
            return;
        var (code, output) = await ChildProcess.RunAsync(
            new ProcessSpec("chown", ["-R", $"{OsUser}:{OsUser}", directory]), TimeSpan.FromSeconds(30), cancellationToken);
        if (code != 0)
            throw new InvalidOperationException($"Could not give {directory} to the '{OsUser}' user: {output}");
    }
}
