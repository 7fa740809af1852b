using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// Writes an accepted import from its staged rows (<see cref="DossierImportStaging"/>) in one transaction of a context
/// scoped to its unit: <see cref="PageRows"/> rows at a time, an INSERT … SELECT that row-level security checks and
/// that skips the external ids the unit already has (importing a file twice adds nothing, even two at once). The
/// dossiers written are published in <c>DossiersRecorded</c> events (<see cref="DossiersRecorded.MaxDossiers"/> each)
/// written to the outbox in the same transaction, so the read models learn of imports as of any other dossier; the
/// staged rows are deleted and the job marked completed in it too, so an import is written once, whole or not at all,
/// however often it is started. Memory holds one page.
/// </summary>
public sealed class DossierCopy(DossiersDbContext db, TimeProvider clock)
{
    /// <summary>Rows written (and progress reported) at a time: whole events' worth.</summary>
    public const int PageRows = 20 * DossiersRecorded.MaxDossiers;

    private static readonly string[] Waiting = [EnumNames.Stored(ImportStatus.Queued), EnumNames.Stored(ImportStatus.Writing)];

    private static readonly string InsertPage = $"""
        WITH page AS (
            SELECT * FROM dossiers.dossier_import_rows WHERE job_id = @job AND row_number > @after ORDER BY row_number LIMIT @rows),
        written AS (
            INSERT INTO dossiers.dossiers ({DossierColumns.Names}) SELECT {DossierColumns.Names} FROM page ORDER BY row_number
            ON CONFLICT (unit_code, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id)
        SELECT (SELECT count(*)::int FROM page), (SELECT max(row_number) FROM page), ARRAY(SELECT id FROM written)
        """;

    /// <summary>
    /// Writes the import <paramref name="jobId"/>, recorded at <paramref name="at"/>, and marks it completed; returns (written, skipped),
    /// or null, writing nothing, when it is not waiting to be written (written already, failed, or being written by another instance).
    /// <paramref name="progress"/> gets the staged rows gone through so far, from 0.
    /// </summary>
    public async Task<(int Written, int Skipped)?> WriteAsync(Guid jobId, DateTimeOffset at, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var claim = new NpgsqlCommand(
            """
            SELECT pg_try_advisory_xact_lock(hashtextextended('dossier_import:' || @job, 0))
               AND EXISTS (SELECT FROM dossiers.dossier_imports WHERE id = @job AND status = ANY(@waiting))
            """, connection))
        {
            claim.Parameters.AddWithValue("job", jobId);
            claim.Parameters.AddWithValue("waiting", Waiting);
            if (await claim.ExecuteScalarAsync(cancellationToken) is not true)
                return null;
        }
        await progress(0);

        var (staged, written, after) = (0, 0, 0);
        var unpublished = new List<Dossier>();
        await using var page = new NpgsqlCommand(InsertPage, connection);
        page.Parameters.AddWithValue("job", jobId);
        var afterParameter = page.Parameters.AddWithValue("after", NpgsqlDbType.Integer, 0);
        page.Parameters.AddWithValue("rows", PageRows);
        while (true)
        {
            afterParameter.Value = after;
            int rows, last;
            Guid[] ids;
            await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                rows = reader.GetInt32(0);
                if (rows == 0)
                    break;
                last = reader.GetInt32(1);
                ids = reader.GetFieldValue<Guid[]>(2);
            }
            if (ids.Length > 0)
            {
                unpublished.AddRange(await db.Dossiers.FromSql(
                    $"""
                    SELECT s.*, s.xmin FROM dossiers.dossier_import_rows s
                    WHERE s.job_id = {jobId} AND s.row_number > {after} AND s.row_number <= {last} AND s.id = ANY({ids})
                    ORDER BY s.row_number
                    """).AsNoTracking().ToListAsync(cancellationToken));
            }
            // Whole events only, the rest with the next page's: the events are those of the dossiers written, in the file's order.
            var whole = unpublished.Count - unpublished.Count % DossiersRecorded.MaxDossiers;
            await PublishAsync(connection, jobId, unpublished.GetRange(0, whole), at, cancellationToken);
            unpublished.RemoveRange(0, whole);
            (staged, written, after) = (staged + rows, written + ids.Length, last);
            await progress(staged);
        }
        await PublishAsync(connection, jobId, unpublished, at, cancellationToken);

        await using (var delete = new NpgsqlCommand("DELETE FROM dossiers.dossier_import_rows WHERE job_id = @job", connection))
        {
            delete.Parameters.AddWithValue("job", jobId);
            delete.CommandTimeout = 0; // a million rows take longer than the default 30 s on a small machine
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Status, ImportStatus.Completed).SetProperty(x => x.WrittenRows, written)
            .SetProperty(x => x.SkippedRows, staged - written).SetProperty(x => x.FinishedAt, clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (written, staged - written);
    }

    private static async Task PublishAsync(NpgsqlConnection connection, Guid jobId, List<Dossier> dossiers, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (dossiers.Count == 0)
            return;
        var aggregateKey = jobId.ToString();
        // Synchronous writes: the importer buffers them; a background worker runs this.
        await using var writer = await connection.BeginBinaryImportAsync(OutboxRows.Copy(DossiersDbContext.Schema), cancellationToken);
        foreach (var recorded in Dossier.RecordedEvents(dossiers, at.ToUniversalTime(), jobId, replayId: null))
            OutboxRows.WriteRow(writer, recorded, aggregateKey);
        await writer.CompleteAsync(cancellationToken);
    }
}
