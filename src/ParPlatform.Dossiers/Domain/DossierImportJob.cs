namespace ParPlatform.Dossiers.Domain;

public enum ImportStatus
{
    /// <summary>Checked and staged, waiting for the worker (kept across restarts).</summary>
    Queued,

    Writing,
    Completed,
    Failed,
}

/// <summary>
/// One accepted import file, its checked rows staged (<c>dossier_import_rows</c>) until they are written, and how far
/// it got: the staged rows are written in one transaction, so a failed import wrote nothing, and one the service
/// stopped writing is written again from its staged rows when it starts. Tenant-owned row (row-level security).
/// </summary>
public sealed class DossierImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public ImportStatus Status { get; set; }

    public int TotalRows { get; init; }

    /// <summary>
    /// While writing: the staged rows gone through so far (none is visible before all are committed together); once
    /// completed: the rows written.
    /// </summary>
    public int WrittenRows { get; set; }

    /// <summary>Rows whose external id the unit already had: not written again.</summary>
    public int SkippedRows { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    public required string UserId { get; init; }
}
