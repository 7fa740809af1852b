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
/// dossiers written come back from the INSERT itself as their event records (<see cref="DossierColumns.ReadRecorded"/>) and
/// are published in <c>DossiersRecorded</c> events (<see cref="DossiersRecorded.MaxDossiers"/> each)
/// written to the outbox in the same transaction, so the read models learn of imports as of any other dossier; the
/// staged rows are deleted and the job marked completed in it too, so an import is written once, whole or not at all,
/// however often it is started. Memory holds one page.
/// </summary>
public sealed class DossierCopy(DossiersDbContext db, TimeProvider clock)
{
    /// <summary>Rows written (and progress reported) at a time: whole events' worth.</summary>
    public const int PageRows = 20 * DossiersRecorded.MaxDossiers;

    private static readonly string[] Waiting = [EnumNames.Stored(ImportStatus.Queued), EnumNames.Stored(ImportStatus.Writing)];

    /// <summary>A page's rows inserted in the file's order, those whose external id the unit has skipped; the written ones come back.</summary>
    private static readonly string InsertPage = $"""
        WITH written AS (
            INSERT INTO dossiers.dossiers ({DossierColumns.Names})
            SELECT {DossierColumns.Names} FROM dossiers.dossier_import_rows
            WHERE job_id = @job AND row_number > @after AND row_number <= @last ORDER BY row_number
            ON CONFLICT (unit_code, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING {DossierColumns.RecordedNames})
        SELECT * FROM written
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
        string unitCode, provinceCode;
        int staged, first, last;
        await using (var claim = new NpgsqlCommand(
            """
            SELECT unit_code, province_code, total_rows, rows.first, rows.last FROM dossiers.dossier_imports,
                LATERAL (SELECT min(row_number) AS first, max(row_number) AS last FROM dossiers.dossier_import_rows WHERE job_id = @job) AS rows
            WHERE id = @job AND status = ANY(@waiting) AND pg_try_advisory_xact_lock(hashtextextended('dossier_import:' || @job, 0))
            """, connection))
        {
            claim.Parameters.AddWithValue("job", jobId);
            claim.Parameters.AddWithValue("waiting", Waiting);
            await using var job = await claim.ExecuteReaderAsync(cancellationToken);
            if (!await job.ReadAsync(cancellationToken))
                return null;
            (unitCode, provinceCode, staged) = (job.GetString(0), job.GetString(1), job.GetInt32(2));
            if (job.IsDBNull(3) && staged > 0)
                throw new InvalidOperationException($"The {staged} staged rows of import {jobId} are missing.");
            (first, last) = job.IsDBNull(3) ? (1, 0) : (job.GetInt32(3), job.GetInt32(4));
        }
        await progress(0);

        var written = 0;
        var unpublished = new List<RecordedDossier>();
        await using var insert = new NpgsqlCommand(InsertPage, connection);
        insert.Parameters.AddWithValue("job", jobId);
        var afterParameter = insert.Parameters.AddWithValue("after", NpgsqlDbType.Integer, 0);
        var pageEndParameter = insert.Parameters.AddWithValue("last", NpgsqlDbType.Integer, 0);
        // Pages of PageRows file rows (as many staged rows: a file's rows are numbered one after the other, a record of
        // several lines aside); progress counts the rows up to the page's end.
        for (var after = first - 1; after < last; after += PageRows)
        {
            (afterParameter.Value, pageEndParameter.Value) = (after, Math.Min(after + PageRows, last));
            var before = unpublished.Count;
            await using (var page = await insert.ExecuteReaderAsync(cancellationToken))
            {
                while (await page.ReadAsync(cancellationToken))
                    unpublished.Add(DossierColumns.ReadRecorded(page));
            }
            written += unpublished.Count - before;
            // Whole events only, the rest with the next page's: the events are those of the dossiers written, in the file's order.
            var whole = unpublished.Count - unpublished.Count % DossiersRecorded.MaxDossiers;
            await PublishAsync(connection, jobId, unitCode, provinceCode, unpublished.GetRange(0, whole), at, cancellationToken);
            unpublished.RemoveRange(0, whole);
            await progress(Math.Min(staged, Math.Min(after + PageRows, last) - first + 1));
        }
        await PublishAsync(connection, jobId, unitCode, provinceCode, unpublished, at, cancellationToken);

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

    private static async Task PublishAsync(
        NpgsqlConnection connection, Guid jobId, string unitCode, string provinceCode, List<RecordedDossier> dossiers, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (dossiers.Count == 0)
            return;
        var aggregateKey = jobId.ToString();
        // Synchronous writes: the importer buffers them; a background worker runs this.
        await using var writer = await connection.BeginBinaryImportAsync(OutboxRows.Copy(DossiersDbContext.Schema), cancellationToken);
        foreach (var recorded in Dossier.RecordedEvents(unitCode, provinceCode, dossiers, at.ToUniversalTime(), jobId, replayId: null))
            OutboxRows.WriteRow(writer, recorded, aggregateKey);
        await writer.CompleteAsync(cancellationToken);
    }
}
