using Npgsql;

namespace ParPlatform.TestSupport;

/// <summary>
/// A service database seen through row-level security from a raw connection: the tenant scope set
/// in the three settings a service's connections carry (ServiceDefaults' RowLevelSecurity), and
/// which tables the tenant policy guards.
/// </summary>
public static class TenantConnections
{
    /// <summary>
    /// The tenant policy as PostgreSQL 15 prints it (pg_policies.qual): every tenant, the unit, or the
    /// province; each setting read in a sub-select.
    /// </summary>
    public const string TenantPolicy =
        "((( SELECT current_setting('parplatform.all_tenants'::text, true) AS current_setting) = 'on'::text) " +
        "OR ((unit_code)::text = ( SELECT current_setting('parplatform.unit_code'::text, true) AS current_setting)) " +
        "OR ((province_code)::text = ( SELECT current_setting('parplatform.province_code'::text, true) AS current_setting)))";

    /// <summary>An open connection whose scope is every tenant.</summary>
    public static Task<NpgsqlConnection> OpenAllTenantsAsync(string connectionString) => OpenAsync(connectionString, "all_tenants", "on");

    /// <summary>An open connection with one setting of the scope (<c>unit_code</c>, <c>province_code</c> or <c>all_tenants</c>) set to <paramref name="value"/>.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, string setting, string value)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand($"SELECT set_config('parplatform.{setting}', @value, false)", connection);
        set.Parameters.AddWithValue("value", value);
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>
    /// Every table of <paramref name="schema"/> with a <c>unit_code</c> column, by name: whether row-level
    /// security is enabled and forced, and its policies as "name cmd roles: qual".
    /// </summary>
    public static async Task<List<TenantTable>> UnitCodeTablesAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   coalesce(array_agg(p.policyname || ' ' || p.permissive || ' ' || p.cmd || ' ' || array_to_string(p.roles, ',') || ': ' || p.qual
                                      ORDER BY p.policyname) FILTER (WHERE p.policyname IS NOT NULL), '{}')
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'unit_code' AND NOT a.attisdropped
            LEFT JOIN pg_policies p ON p.schemaname = n.nspname AND p.tablename = c.relname
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p')
            GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
            ORDER BY c.relname
            """, connection);
        query.Parameters.AddWithValue("schema", schema);
        await using var reader = await query.ExecuteReaderAsync();
        var tables = new List<TenantTable>();
        while (await reader.ReadAsync())
            tables.Add(new TenantTable(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), string.Join(" | ", reader.GetFieldValue<string[]>(3))));
        return tables;
    }

    /// <summary>What <see cref="UnitCodeTablesAsync"/> finds for a table that the tenant policy guards.</summary>
    public static TenantTable Isolated(string table) => new(table, Enabled: true, Forced: true, $"tenant_isolation PERMISSIVE ALL public: {TenantPolicy}");
}

/// <summary>A table with a unit_code column and its row-level security.</summary>
public sealed record TenantTable(string Name, bool Enabled, bool Forced, string Policies);
