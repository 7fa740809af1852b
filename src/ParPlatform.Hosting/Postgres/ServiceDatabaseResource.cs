using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// A service's database on a PostgreSQL server, with two login roles that may connect to nothing
/// else: <c>{name}_owner</c> owns the database and everything in it (the service's migrations run
/// as it), and <c>{name}</c>, the role the service runs as, may only read and write the owner's
/// tables; not being their owner, it cannot switch their row-level security off. The passwords are
/// generated at every start of the AppHost; roles and database are created (or the passwords
/// changed) once the server is ready.
/// </summary>
public sealed partial class ServiceDatabaseResource : Resource, IResourceWithParent, IResourceWithConnectionString
{
    internal ServiceDatabaseResource(string name, IResourceWithConnectionString server, ReferenceExpression connectionString, string password, string ownerPassword)
        : base(name)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        Server = server;
        ConnectionStringExpression = connectionString;
        Password = password;
        OwnerPassword = ownerPassword;
    }

    /// <summary>The role that owns a service database <paramref name="name"/> and runs its migrations.</summary>
    public static string OwnerRole(string name) => name + "_owner";

    /// <summary>The name of the owner's connection string (a resource of its own) of service database <paramref name="name"/>.</summary>
    public static string OwnerConnectionName(string name) => name + "-owner";

    /// <summary>The server it lives on: the platform's own, or an existing one (ConnectionStrings:postgres).</summary>
    public IResourceWithConnectionString Server { get; }

    IResource IResourceWithParent.Parent => Server;

    public ReferenceExpression ConnectionStringExpression { get; }

    private string Password { get; }

    internal string OwnerPassword { get; }

    /// <summary>
    /// Creates both roles (or gives them this start's passwords) and the database, and grants the
    /// service's role what it needs on whatever the owner creates (<see cref="GrantsSql"/>), in the
    /// database itself (<paramref name="superuserInDatabase"/>: default privileges belong to one database).
    /// </summary>
    internal async Task ProvisionAsync(NpgsqlConnection superuser, Func<string, Task<NpgsqlConnection>> superuserInDatabase, CancellationToken cancellationToken)
    {
        var owner = OwnerRole(Name);
        await UpsertRoleAsync(superuser, owner, OwnerPassword, cancellationToken);
        await UpsertRoleAsync(superuser, Name, Password, cancellationToken);
        if (!await ExistsAsync(superuser, "SELECT 1 FROM pg_database WHERE datname = @name", Name, cancellationToken))
            await ExecuteAsync(superuser, $"""CREATE DATABASE "{Name}" OWNER "{owner}" ENCODING 'UTF8'""", cancellationToken);

        // Every database grants CONNECT and TEMPORARY to PUBLIC by default: take them away, so the two
        // roles reach this database (the owner as owner) and no other.
        await ExecuteAsync(superuser, $"""REVOKE ALL ON DATABASE "{Name}" FROM PUBLIC""", cancellationToken);
        await using var database = await superuserInDatabase(Name);
        await ExecuteAsync(database, GrantsSql(Name), cancellationToken);
    }

    /// <summary>
    /// What the service's role may do in database <paramref name="name"/>: connect, create temporary
    /// tables (the dossier import's staging), and use every schema, table and sequence its owner creates,
    /// for reading and writing rows only.
    /// </summary>
    public static string GrantsSql(string name) => $"""
        GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO "{name}";
        ALTER DEFAULT PRIVILEGES FOR ROLE "{OwnerRole(name)}" GRANT USAGE ON SCHEMAS TO "{name}";
        ALTER DEFAULT PRIVILEGES FOR ROLE "{OwnerRole(name)}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{name}";
        ALTER DEFAULT PRIVILEGES FOR ROLE "{OwnerRole(name)}" GRANT USAGE, SELECT ON SEQUENCES TO "{name}";
        """;

    private static async Task UpsertRoleAsync(NpgsqlConnection superuser, string role, string password, CancellationToken cancellationToken)
    {
        var exists = await ExistsAsync(superuser, "SELECT 1 FROM pg_roles WHERE rolname = @name", role, cancellationToken);
        await ExecuteAsync(superuser,
            $"""{(exists ? "ALTER" : "CREATE")} ROLE "{role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{password}'""",
            cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
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
