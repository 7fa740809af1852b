using Npgsql;
using NpgsqlTypes;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Messaging.Outbox;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// Writes checked dossiers of one unit in one transaction: binary COPY into a temporary table (COPY
/// cannot write a table with row-level security), then one INSERT … SELECT that row-level security
/// checks and that skips the external ids the unit already has (importing a file twice adds
/// nothing, even two at once). The dossiers written are published in <c>DossiersRecorded</c> events
/// (<see cref="DossiersRecorded.MaxDossiers"/> each) written to the outbox in the same transaction, so
/// the read models learn of imports as of any other dossier. Progress is reported as rows are copied.
/// </summary>
public sealed class DossierCopy(NpgsqlDataSource dataSource)
{
    /// <summary>Progress is written every this many rows.</summary>
    public const int ProgressStep = 20_000;

    private static readonly string CopyCommand = $"COPY import_dossiers ({DossierColumns.Names}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Writes <paramref name="dossiers"/> of the import <paramref name="importId"/>, recorded at <paramref name="at"/>; returns (written, skipped).
    /// <paramref name="progress"/> gets the rows staged so far.
    /// </summary>
    public async Task<(int Written, int Skipped)> WriteAsync(
        Guid importId, string unitCode, IReadOnlyList<Dossier> dossiers, DateTimeOffset at, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(progress);
        var scope = new TenantScope();
        scope.SetUnit(unitCode);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var apply = RowLevelSecurity.ApplyScopeCommand(connection, scope))
            await apply.ExecuteNonQueryAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var stage = new NpgsqlCommand(
            "CREATE TEMPORARY TABLE import_dossiers (LIKE dossiers.dossiers INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
            await stage.ExecuteNonQueryAsync(cancellationToken);

        var copied = 0;
        // Synchronous writes: the importer buffers them; a background worker runs this.
        await using (var writer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken))
        {
            foreach (var d in dossiers)
            {
                writer.StartRow();
                foreach (var column in DossierColumns.All)
                {
                    if (column.Value(d) is { } value)
                        writer.Write(value, column.Type);
                    else
                        writer.WriteNull();
                }
                if (++copied % ProgressStep == 0)
                    await progress(copied);
            }
            writer.Complete();
        }
        var written = new HashSet<Guid>(dossiers.Count);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO dossiers.dossiers SELECT * FROM import_dossiers
            ON CONFLICT (unit_code, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id
            """, connection, transaction))
        {
            insert.CommandTimeout = 0; // a million rows take longer than the default 30 s on a small machine
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                written.Add(reader.GetGuid(0));
        }
        var aggregateKey = importId.ToString();
        await using (var writer = await connection.BeginBinaryImportAsync(OutboxRows.Copy(DossiersDbContext.Schema), cancellationToken))
        {
            foreach (var recorded in Dossier.RecordedEvents(dossiers.Where(d => written.Contains(d.Id)), at.ToUniversalTime(), importId, replayId: null))
                OutboxRows.WriteRow(writer, recorded, aggregateKey);
            writer.Complete();
        }
        await transaction.CommitAsync(cancellationToken);
        return (written.Count, dossiers.Count - written.Count);
    }
}
