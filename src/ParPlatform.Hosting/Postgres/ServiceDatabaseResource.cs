using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace ParPlatform.Hosting.Postgres;

/// <summary>
/// A service's database on a PostgreSQL server, with a login role of the same name that owns it
/// and may connect to nothing else. The role's password is generated at every start of the
/// AppHost; the database and role are created (or the password changed) once the server is ready.
/// </summary>
public sealed partial class ServiceDatabaseResource : Resource, IResourceWithParent, IResourceWithConnectionString
{
    internal ServiceDatabaseResource(string name, IResourceWithConnectionString server, ReferenceExpression connectionString, string password)
        : base(name)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        Server = server;
        ConnectionStringExpression = connectionString;
        Password = password;
    }

    /// <summary>The server it lives on: the platform's own, or an existing one (ConnectionStrings:postgres).</summary>
    public IResourceWithConnectionString Server { get; }

    IResource IResourceWithParent.Parent => Server;

    public ReferenceExpression ConnectionStringExpression { get; }

    private string Password { get; }

    /// <summary>Creates the role (or gives it this start's password) and the database it owns.</summary>
    internal async Task ProvisionAsync(NpgsqlConnection superuser, CancellationToken cancellationToken)
    {
        var roleExists = await ExistsAsync(superuser, "SELECT 1 FROM pg_roles WHERE rolname = @name", cancellationToken);
        await ExecuteAsync(superuser,
            $"""{(roleExists ? "ALTER" : "CREATE")} ROLE "{Name}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{Password}'""",
            cancellationToken);
        if (!await ExistsAsync(superuser, "SELECT 1 FROM pg_database WHERE datname = @name", cancellationToken))
            await ExecuteAsync(superuser, $"""CREATE DATABASE "{Name}" OWNER "{Name}" ENCODING 'UTF8'""", cancellationToken);

        // Every database grants CONNECT to PUBLIC by default: take it away, so a service's role
        // reaches its own database (as owner) and no other.
        await ExecuteAsync(superuser, $"""REVOKE ALL ON DATABASE "{Name}" FROM PUBLIC""", cancellationToken);
    }

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
