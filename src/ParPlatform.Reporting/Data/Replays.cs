using Microsoft.EntityFrameworkCore;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// The end of a unit's replay. The replayed events and the announcement of how many there are travel
/// on separate queues, so both sides count under the generation row's lock, and whichever makes the
/// count complete switches the unit to the new generation and deletes the old one's rows, in its
/// own transaction.
/// </summary>
public static class Replays
{
    public static async Task CountAsync(
        ReportingDbContext db, string unitCode, Guid replayId, int dossiers, int feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE reporting.unit_generations
            SET replayed_dossiers = replayed_dossiers + {dossiers}, replayed_feedback = replayed_feedback + {feedback}
            WHERE unit_code = {unitCode} AND replay_id = {replayId}
            """, cancellationToken);
        await FinishIfCompleteAsync(db, unitCode, replayId, cancellationToken);
    }

    public static async Task FinishIfCompleteAsync(ReportingDbContext db, string unitCode, Guid replayId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = await db.Database.SqlQuery<int>($"""
            WITH finished AS (
              SELECT unit_code, active FROM reporting.unit_generations
              WHERE unit_code = {unitCode} AND replay_id = {replayId}
                AND expected_dossiers = replayed_dossiers AND expected_feedback = replayed_feedback
              FOR UPDATE)
            UPDATE reporting.unit_generations g SET active = g.building, building = NULL, replay_id = NULL, finished_at = now()
            FROM finished WHERE g.unit_code = finished.unit_code
            RETURNING finished.active AS "Value"
            """).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM reporting.dossier_facts WHERE unit_code = {unitCode} AND generation = {old}", cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM reporting.feedback_facts WHERE unit_code = {unitCode} AND generation = {old}", cancellationToken);
        }
    }
}
