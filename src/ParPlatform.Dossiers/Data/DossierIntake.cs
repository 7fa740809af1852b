using Npgsql;
using NpgsqlTypes;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// The intake's database work in plain Npgsql (the hot path: two round trips on one connection
/// instead of EF's five). <see cref="OpenAsync"/> writes the tenant scope and reads the procedure
/// in one batch; <see cref="IntakeConnection.SaveAsync"/> writes the dossier, its transitions and its
/// event in another, which PostgreSQL runs as one transaction (a batch without a transaction of its
/// own is implicitly one); the unit's unique index on external ids refuses a repeated one. The statements'
/// text is constant, so the data source prepares them once per connection.
/// The intake has a pool of its own, of <see cref="DossiersOptions.IntakeConnections"/> connections (8 unless
/// <c>Dossiers:IntakeConnections</c> says otherwise): a burst of intakes queues for them instead of
/// keeping as many PostgreSQL backends busy as there are requests, which on two cores cost a fifth to
/// a third more of PostgreSQL's CPU per intake (docs/performance.md); the service's other work
/// (consumers, the outbox, imports, the overdue scan) keeps the shared pool.
/// </summary>
public sealed class DossierIntake([FromKeyedServices(DossierIntake.Pool)] NpgsqlDataSource dataSource)
{
    /// <summary>The intake's pool: its data source's key and the application name of its connections.</summary>
    public const string Pool = "dossiersdb-intake";

    private const string ProcedureSql = """
        SELECT id, unit_code, province_code, code, name, field, time_limit_amount, time_limit_unit, fee, online_level, inter_level, active, updated_at
        FROM dossiers.procedures WHERE unit_code = $1 AND code = $2
        """;

    /// <summary>Opens a connection under <paramref name="scope"/> and reads <paramref name="unitCode"/>'s procedure <paramref name="procedureCode"/>.</summary>
    public async Task<IntakeConnection> OpenAsync(TenantScope scope, string unitCode, string procedureCode, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(RowLevelSecurity.ApplyScopeBatchCommand(scope));
            batch.BatchCommands.Add(Command(ProcedureSql, Text(unitCode), Text(procedureCode)));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken); // the scope's settings
            return new IntakeConnection(connection, await reader.ReadAsync(cancellationToken) ? ReadProcedure(reader) : null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static Procedure ReadProcedure(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        UnitCode = reader.GetString(1),
        ProvinceCode = reader.GetString(2),
        Code = reader.GetString(3),
        Name = reader.GetString(4),
        Field = reader.GetString(5),
        TimeLimitAmount = reader.GetDecimal(6),
        TimeLimitUnit = EnumNames.FromStored<TimeLimitUnit>(reader.GetString(7)),
        Fee = reader.GetInt64(8),
        OnlineLevel = EnumNames.FromStored<OnlineLevel>(reader.GetString(9)),
        InterLevel = reader.GetBoolean(10),
        Active = reader.GetBoolean(11),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(12),
    };

    internal static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>A parameter of a fixed type (null or not), so a statement keeps one prepared form.</summary>
    internal static NpgsqlParameter Parameter(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    internal static NpgsqlParameter Text(string? value) => Parameter(value, NpgsqlDbType.Varchar);
}

/// <summary>An intake's connection, scoped to its tenant, with what <see cref="DossierIntake.OpenAsync"/> read.</summary>
public sealed class IntakeConnection(NpgsqlConnection connection, Procedure? procedure) : IAsyncDisposable
{
    private static readonly string DossierSql =
        $"INSERT INTO dossiers.dossiers ({DossierColumns.Names}) VALUES ({string.Join(", ", DossierColumns.All.Select((_, i) => $"${i + 1}"))})";

    /// <summary>The unit's unique index on external ids (DossiersDbContext).</summary>
    private const string ExternalIdIndex = "ix_dossiers_unit_code_external_id";

    /// <summary>All of an intake's transitions in one statement (one row per array element), whatever their number.</summary>
    private const string TransitionsSql = """
        INSERT INTO dossiers.dossier_transitions (id, dossier_id, unit_code, province_code, action, from_status, to_status, at, user_id, agency_code, note)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                             $8::timestamptz[], $9::varchar[], $10::varchar[], $11::varchar[])
        """;

    /// <summary>The unit's procedure of the requested code, if it has one.</summary>
    public Procedure? Procedure { get; } = procedure;

    /// <summary>
    /// Writes <paramref name="dossier"/>, its <paramref name="transitions"/> and the events it raised (keyed by the dossier)
    /// in one transaction, one statement each; false, writing nothing, when the unit already has a dossier of its external id.
    /// </summary>
    public async Task<bool> SaveAsync(Dossier dossier, IEnumerable<DossierTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(transitions);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Insert(dossier));
        batch.BatchCommands.Add(Insert([.. transitions]));
        foreach (var raised in dossier.TakeEvents())
            batch.BatchCommands.Add(OutboxRows.Insert(DossiersDbContext.Schema, raised, dossier.EventKey()));
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == ExternalIdIndex)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static NpgsqlBatchCommand Insert(Dossier d) =>
        DossierIntake.Command(DossierSql, [.. DossierColumns.All.Select(c => DossierIntake.Parameter(c.Value(d), c.Type))]);

    private static NpgsqlBatchCommand Insert(DossierTransition[] t) => DossierIntake.Command(TransitionsSql,
        Column(t.Select(x => x.Id), NpgsqlDbType.Uuid),
        Column(t.Select(x => x.DossierId), NpgsqlDbType.Uuid),
        Column(t.Select(x => x.UnitCode), NpgsqlDbType.Varchar),
        Column(t.Select(x => x.ProvinceCode), NpgsqlDbType.Varchar),
        Column(t.Select(x => EnumNames.Stored(x.Action)), NpgsqlDbType.Varchar),
        Column(t.Select(x => EnumNames.Stored(x.FromStatus)), NpgsqlDbType.Varchar),
        Column(t.Select(x => EnumNames.Stored(x.ToStatus)), NpgsqlDbType.Varchar),
        Column(t.Select(x => x.At), NpgsqlDbType.TimestampTz),
        Column(t.Select(x => x.UserId), NpgsqlDbType.Varchar),
        Column(t.Select(x => x.AgencyCode), NpgsqlDbType.Varchar),
        Column(t.Select(x => x.Note), NpgsqlDbType.Varchar));

    private static NpgsqlParameter Column<T>(IEnumerable<T> values, NpgsqlDbType elementType) =>
        DossierIntake.Parameter(values.ToArray(), NpgsqlDbType.Array | elementType);
}
