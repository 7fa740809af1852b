namespace ParPlatform.Reporting.Data;

/// <summary>How the writers of the dossier facts take their turn (the consumers' batches, a rebuild's start).</summary>
public static class FactWrites
{
    /// <summary>
    /// Taken first by a transaction that writes dossier facts or deletes their counts, and held until it ends. Each statement
    /// that writes facts adds to the counts' rows of its own dossiers (a trigger, <see cref="Domain.DossierDayCount"/>), so two
    /// batches at once would lock the same days' rows in their events' orders and could deadlock; in turn, they never do.
    /// </summary>
    public const string Turn = "SELECT pg_advisory_xact_lock(hashtext('reporting.dossier_day_counts'))";
}
