namespace ParPlatform.Reporting.Data;

/// <summary>
/// The end of a unit's replay. The replayed events and the announcement of how many there are travel
/// on separate queues, so both sides count under the generation row's lock, and whichever makes the
/// count complete switches the unit to the new generation and deletes the old one's rows and counts, in its
/// own transaction. The statements run with the consumers' other writes, in order.
/// </summary>
public static class Replays
{
    /// <summary>Counts what arrived of the replay <paramref name="replayId"/> of <paramref name="unitCode"/>.</summary>
    public static FormattableString Count(string unitCode, Guid replayId, int dossiers, int feedback) => $"""
        UPDATE reporting.unit_generations
        SET replayed_dossiers = replayed_dossiers + {dossiers}, replayed_feedback = replayed_feedback + {feedback}
        WHERE unit_code = {unitCode} AND replay_id = {replayId}
        """;

    /// <summary>Records what the dossiers service says it published for the replay.</summary>
    public static FormattableString Expect(string unitCode, Guid replayId, int dossiers, int feedback) => $"""
        UPDATE reporting.unit_generations SET expected_dossiers = {dossiers}, expected_feedback = {feedback}
        WHERE unit_code = {unitCode} AND replay_id = {replayId}
        """;

    /// <summary>Once all of the replay is in: the new generation answers, the old one's rows and counts go.</summary>
    public static FormattableString FinishIfComplete(string unitCode, Guid replayId) => $"""
        WITH finished AS (
          SELECT unit_code, active FROM reporting.unit_generations
          WHERE unit_code = {unitCode} AND replay_id = {replayId}
            AND expected_dossiers = replayed_dossiers AND expected_feedback = replayed_feedback
          FOR UPDATE),
        switched AS (
          UPDATE reporting.unit_generations g SET active = g.building, building = NULL, replay_id = NULL, finished_at = now()
          FROM finished WHERE g.unit_code = finished.unit_code
          RETURNING finished.unit_code, finished.active AS old),
        dossiers_gone AS (
          DELETE FROM reporting.dossier_facts f USING switched s WHERE f.unit_code = s.unit_code AND f.generation = s.old),
        counts_gone AS (
          DELETE FROM reporting.dossier_day_counts c USING switched s WHERE c.unit_code = s.unit_code AND c.generation = s.old),
        field_counts_gone AS (
          DELETE FROM reporting.dossier_field_day_counts c USING switched s WHERE c.unit_code = s.unit_code AND c.generation = s.old)
        DELETE FROM reporting.feedback_facts f USING switched s WHERE f.unit_code = s.unit_code AND f.generation = s.old
        """;
}
