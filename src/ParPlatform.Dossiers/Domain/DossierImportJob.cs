namespace ParPlatform.Dossiers.Domain;

public enum ImportStatus
{
    Writing,
    Completed,
    Failed,
}

/// <summary>
/// One accepted import file being written, and how far it got: checked rows are written in one
/// transaction, so a failed import wrote nothing. Tenant-owned row (row-level security).
/// </summary>
public sealed class DossierImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string UnitCode { get; init; }

    public required string ProvinceCode { get; init; }

    public ImportStatus Status { get; set; }

    public int TotalRows { get; init; }

    /// <summary>
    /// While writing: the rows staged so far (none is visible before all are committed together); once
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
