using System.Text.RegularExpressions;
using Npgsql;
using ParPlatform.Hosting.Processes;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// A database on a <see cref="PostgresServerResource"/> with a login role of the same name that
/// owns it. The role's password is generated at every start; nobody else may connect to it.
/// </summary>
public sealed partial class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    internal PostgresDatabaseResource(string name, PostgresServerResource server, PlatformOptions options)
        : base(name, options)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        Server = server;
    }

    public override string Type => "database";

    public PostgresServerResource Server { get; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>Provisioned by the server once it is up (one database at a time: concurrent GRANT/REVOKE conflict).</summary>
    protected override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates or updates the role (with a new password) and the database it owns.</summary>
    internal async Task ProvisionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var password = Secrets.Generate();

        var roleExists = await ExistsAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = @name", cancellationToken);
        await ExecuteAsync(connection,
            $"""{(roleExists ? "ALTER" : "CREATE")} ROLE "{Name}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{password}'""",
            cancellationToken);
        if (!await ExistsAsync(connection, "SELECT 1 FROM pg_database WHERE datname = @name", cancellationToken))
            await ExecuteAsync(connection, $"""CREATE DATABASE "{Name}" OWNER "{Name}" ENCODING 'UTF8'""", cancellationToken);

        // Every database grants CONNECT to PUBLIC by default: take it away, so a service's role
        // reaches its own database (as owner) and no other.
        await ExecuteAsync(connection, $"""REVOKE ALL ON DATABASE "{Name}" FROM PUBLIC""", cancellationToken);

        var server = new NpgsqlConnectionStringBuilder(Server.SuperuserConnectionString);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = server.Host,
            Port = server.Port,
            Database = Name,
            Username = Name,
            Password = password,
        }.ConnectionString;
        Endpoints["tcp"] = $"{server.Host}:{server.Port}/{Name}";
        Log($"database '{Name}' ready, owned by role '{Name}'");
    }

    internal override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Server.IsHealthyAsync(cancellationToken);

    protected override Task StopAsync() => Task.CompletedTask;

    private async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", Name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
