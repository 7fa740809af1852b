using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ParPlatform.Dossiers.Domain;
using ParPlatform.ServiceDefaults.Imports;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// An upload's checked dossiers, staged in <c>dossier_import_rows</c> (by import and row) as they arrive, in one
/// transaction of the request's context: binary COPY into a temporary table, moved into the staging table every
/// <see cref="ChunkRows"/> rows by an INSERT that row-level security checks (COPY cannot write a table with row-level
/// security). <see cref="CommitAsync"/> commits them with the import's job row; disposed before, the transaction
/// rolls back and leaves no row. Only the row being copied is held in memory.
/// </summary>
public sealed class DossierImportStaging : IAsyncDisposable
{
    /// <summary>Rows copied into the temporary table before they are moved into the staging table.</summary>
    public const int ChunkRows = 50_000;

    private static readonly string CopyCommand = $"COPY staged_chunk (job_id, row_number, {DossierColumns.Names}) FROM STDIN (FORMAT BINARY)";

    private readonly DossiersDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly Guid _jobId;
    private NpgsqlBinaryImporter? _writer;
    private int _inChunk;

    private DossierImportStaging(DossiersDbContext db, IDbContextTransaction transaction, Guid jobId) =>
        (_db, _transaction, _jobId) = (db, transaction, jobId);

    /// <summary>Rows staged so far.</summary>
    public int Rows { get; private set; }

    private NpgsqlConnection Connection => (NpgsqlConnection)_db.Database.GetDbConnection();

    /// <summary>Begins staging the rows of the import <paramref name="jobId"/> on <paramref name="db"/>'s connection (its tenant scope the unit's).</summary>
    public static async Task<DossierImportStaging> BeginAsync(DossiersDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE staged_chunk (LIKE dossiers.dossier_import_rows) ON COMMIT DROP", cancellationToken);
        return new DossierImportStaging(db, transaction, jobId);
    }

    /// <summary>Stages the dossier of file row <paramref name="row"/>.</summary>
    public async ValueTask AddAsync(int row, Dossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        _writer ??= await Connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        await _writer.StartRowAsync(cancellationToken);
        await _writer.WriteAsync(_jobId, NpgsqlDbType.Uuid, cancellationToken);
        await _writer.WriteAsync(row, NpgsqlDbType.Integer, cancellationToken);
        foreach (var column in DossierColumns.All)
        {
            if (column.Value(dossier) is { } value)
                await _writer.WriteAsync(value, column.Type, cancellationToken);
            else
                await _writer.WriteNullAsync(cancellationToken);
        }
        Rows++;
        if (++_inChunk == ChunkRows)
            await MoveChunkAsync(cancellationToken);
    }

    /// <summary>
    /// Once every row is staged: the problems of the staged rows whose external id an earlier staged row has, by row
    /// (<see cref="DossierImport.RepeatedExternalId"/>), read one at a time.
    /// </summary>
    public async IAsyncEnumerable<ImportProblem> RepeatedExternalIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await MoveChunkAsync(cancellationToken);
        await using var query = new NpgsqlCommand(
            """
            SELECT row_number, external_id, first_row FROM (
                SELECT row_number, external_id, min(row_number) OVER (PARTITION BY external_id) AS first_row
                FROM dossiers.dossier_import_rows WHERE job_id = @job) AS staged
            WHERE row_number > first_row ORDER BY row_number
            """, Connection);
        query.Parameters.AddWithValue("job", _jobId);
        query.CommandTimeout = 0; // sorts a million rows on a small machine
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return DossierImport.RepeatedExternalId(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2));
    }

    /// <summary>Commits the staged rows with <paramref name="job"/>, the import they belong to.</summary>
    public async Task CommitAsync(DossierImportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await MoveChunkAsync(cancellationToken);
        _db.ImportJobs.Add(job);
        await _db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync(); // cancels the COPY
        await _transaction.DisposeAsync();
    }

    private async Task MoveChunkAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
            return;
        await _writer.CompleteAsync(cancellationToken);
        await _writer.DisposeAsync();
        _writer = null;
        _inChunk = 0;
        await using var move = new NpgsqlCommand(
            "INSERT INTO dossiers.dossier_import_rows SELECT * FROM staged_chunk; TRUNCATE staged_chunk", Connection);
        await move.ExecuteNonQueryAsync(cancellationToken);
    }
}
