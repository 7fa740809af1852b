using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Reporting.Data;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.SharedKernel;

namespace ParPlatform.Reporting.Events;

/// <summary>
/// A consumer of the read model: it writes the facts of every unit (the platform's own work, not
/// a request's), each event in one upsert that sets only the columns the event knows, so that
/// events of one dossier applied in any order, or twice, leave the same row. An event is written
/// into every live generation of its unit (<c>reporting.live_generations</c>: the active one, and
/// the one a rebuild is filling).
/// </summary>
public abstract class FactConsumer<TEvent> : InboxConsumer<TEvent, ReportingDbContext>
    where TEvent : IntegrationEvent
{
    /// <summary>Each statement's text with {0} … {n} as $1 … $n+1 (each value a positional parameter, a null one typed by a cast in the SQL), made once.</summary>
    private static readonly ConcurrentDictionary<string, string> Positional = new(StringComparer.Ordinal);

    private readonly ReadModelLag _lag;
    private readonly List<FormattableString> _writes = [];

    protected FactConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.SetAllTenants(); // before the receiver opens the connection
        _lag = lag;
    }

    protected sealed override Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        Apply(message);
        _lag.Record(message.OccurredAt);
        return Task.CompletedTask;
    }

    /// <summary>Writes the event's facts (<see cref="Write"/>).</summary>
    protected abstract void Apply(TEvent message);

    /// <summary>A statement to run, in order, with the batch's others (<see cref="FlushAsync"/>).</summary>
    protected void Write(FormattableString sql) => _writes.Add(sql);

    /// <summary>Called once a batch's events were applied, before its statements run: a consumer that writes the batch as one statement writes it here.</summary>
    protected virtual void WriteBatch()
    {
    }

    /// <summary>The batch's statements in one round trip, in the receiver's transaction, after taking the writers' turn (<see cref="FactWrites.Turn"/>).</summary>
    protected sealed override async Task FlushAsync(CancellationToken cancellationToken)
    {
        WriteBatch();
        if (_writes.Count == 0)
            return;
        var connection = (NpgsqlConnection)Context.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)Context.Database.CurrentTransaction?.GetDbTransaction());
        batch.BatchCommands.Add(new NpgsqlBatchCommand(FactWrites.Turn));
        foreach (var write in _writes)
        {
            var command = new NpgsqlBatchCommand(Positional.GetOrAdd(write.Format, _ => string.Format(CultureInfo.InvariantCulture, write.Format,
                [.. Enumerable.Range(1, write.ArgumentCount).Select(i => (object)("$" + i.ToString(CultureInfo.InvariantCulture)))])));
            foreach (var value in write.GetArguments())
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        _writes.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();

    protected static DateTimeOffset? Utc(DateTimeOffset? instant) => instant?.ToUniversalTime();
}

/// <summary>
/// A consumer of one step of a dossier's life (received, resolved, rated…): the batch's events in one
/// upsert, so that the trigger keeping the day counts (<c>reporting.dossier_day_counts</c>) runs once
/// per batch rather than once per event. Each event is a row of its step's columns, read back by
/// <c>jsonb_to_recordset</c>; a dossier twice in a batch keeps its latest event (the upsert keeps the
/// newer values anyway), as one statement may not update a row twice.
/// </summary>
public abstract class DossierStepConsumer<TEvent>(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<TEvent>(context, scope, lag)
    where TEvent : IntegrationEvent
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The columns a row of reporting.dossier_facts may not leave empty, false until a step says otherwise.</summary>
    private static readonly string[] Flags = ["digitised", "has_fee", "electronic_result", "paid_online"];

    private readonly JsonArray _rows = [];

    /// <summary>The step's columns with their types, as the event's row holds them: "finished_at timestamptz, timeliness text".</summary>
    protected abstract string Columns { get; }

    /// <summary>What the step changes in a dossier's existing row (the SET list of ON CONFLICT DO UPDATE; EXCLUDED is the event's).</summary>
    protected abstract string Updates { get; }

    /// <summary>The event's row: the dossier's id and field, and the values of <see cref="Columns"/> (property names in snake case).</summary>
    protected abstract object Row(TEvent m);

    protected sealed override void Apply(TEvent m)
    {
        var row = JsonSerializer.SerializeToNode(Row(m), Json)!.AsObject();
        row["unit_code"] = m.UnitCode;
        row["province_code"] = m.ProvinceCode;
        row["occurred_at"] = m.OccurredAt;
        _rows.Add(row);
    }

    protected sealed override void WriteBatch()
    {
        if (_rows.Count == 0)
            return;
        var rows = _rows.ToJsonString();
        _rows.Clear();
        Write(FormattableStringFactory.Create(Statement(), rows));
    }

    /// <summary>An instant as PostgreSQL keeps it: to the microsecond, truncated as a parameter would be (text input would round).</summary>
    protected static DateTimeOffset Micro(DateTimeOffset instant) => new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);

    private string Statement()
    {
        var names = Columns.Split(',').Select(c => c.Trim().Split(' ')[0]).ToArray();
        var flags = Flags.Except(names).ToArray();
        return $"""
            INSERT INTO reporting.dossier_facts AS f (generation, dossier_id, unit_code, province_code, field, {string.Join(", ", names.Concat(flags))})
            SELECT g, e.dossier_id, e.unit_code, e.province_code, e.field, {string.Join(", ", names.Select(n => "e." + n).Concat(flags.Select(_ => "false")))}
            FROM (SELECT DISTINCT ON (r.dossier_id) * FROM jsonb_to_recordset({"{0}"}::jsonb)
                    AS r(dossier_id uuid, unit_code text, province_code text, field text, occurred_at timestamptz, {Columns})
                  ORDER BY r.dossier_id, r.occurred_at DESC) AS e
            CROSS JOIN LATERAL reporting.live_generations(e.unit_code) AS g
            ON CONFLICT (generation, dossier_id) DO UPDATE SET {Updates}
            """;
    }
}

public sealed class DossierReceivedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierReceived>(context, scope, lag)
{
    protected override string Columns => "channel text, received_at timestamptz, due_at timestamptz, due_changed_at timestamptz, digitised boolean, has_fee boolean";

    protected override string Updates => """
        channel = EXCLUDED.channel, received_at = EXCLUDED.received_at, digitised = EXCLUDED.digitised, has_fee = EXCLUDED.has_fee,
        due_at = CASE WHEN f.due_changed_at > EXCLUDED.due_changed_at THEN f.due_at ELSE EXCLUDED.due_at END,
        due_changed_at = greatest(f.due_changed_at, EXCLUDED.due_changed_at)
        """;

    protected override object Row(DossierReceived m) => new
    {
        m.DossierId, m.Field, Channel = EnumNames.Stored(m.Channel), ReceivedAt = Micro(m.ReceivedAt), DueAt = Micro(m.DueAt),
        DueChangedAt = Micro(m.OccurredAt), m.Digitised, m.HasFee,
    };
}

public sealed class DossierSupplementRequestedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : DossierStepConsumer<DossierSupplementRequested>(context, scope, lag)
{
    protected override string Columns => "paused_at timestamptz, pause_changed_at timestamptz";

    protected override string Updates => """
        paused_at = CASE WHEN f.pause_changed_at > EXCLUDED.pause_changed_at THEN f.paused_at ELSE EXCLUDED.paused_at END,
        pause_changed_at = greatest(f.pause_changed_at, EXCLUDED.pause_changed_at)
        """;

    protected override object Row(DossierSupplementRequested m) => new
    {
        m.DossierId, m.Field, PausedAt = Micro(m.RequestedAt), PauseChangedAt = Micro(m.OccurredAt),
    };
}

public sealed class DossierSupplementedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierSupplemented>(context, scope, lag)
{
    protected override string Columns => "paused_at timestamptz, pause_changed_at timestamptz, due_at timestamptz, due_changed_at timestamptz";

    protected override string Updates => """
        paused_at = CASE WHEN f.pause_changed_at > EXCLUDED.pause_changed_at THEN f.paused_at ELSE NULL END,
        pause_changed_at = greatest(f.pause_changed_at, EXCLUDED.pause_changed_at),
        due_at = CASE WHEN f.due_changed_at > EXCLUDED.due_changed_at THEN f.due_at ELSE EXCLUDED.due_at END,
        due_changed_at = greatest(f.due_changed_at, EXCLUDED.due_changed_at)
        """;

    protected override object Row(DossierSupplemented m) => new
    {
        m.DossierId, m.Field, PausedAt = (DateTimeOffset?)null, PauseChangedAt = Micro(m.OccurredAt), DueAt = Micro(m.DueAt), DueChangedAt = Micro(m.OccurredAt),
    };
}

public sealed class DossierFeesPaidConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierFeesPaid>(context, scope, lag)
{
    protected override string Columns => "paid_online boolean, paid_changed_at timestamptz";

    protected override string Updates => """
        paid_online = CASE WHEN f.paid_changed_at > EXCLUDED.paid_changed_at THEN f.paid_online ELSE EXCLUDED.paid_online END,
        paid_changed_at = greatest(f.paid_changed_at, EXCLUDED.paid_changed_at)
        """;

    protected override object Row(DossierFeesPaid m) => new { m.DossierId, m.Field, m.PaidOnline, PaidChangedAt = Micro(m.OccurredAt) };
}

public sealed class DossierResolvedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierResolved>(context, scope, lag)
{
    protected override string Columns => "finished_at timestamptz, timeliness text, electronic_result boolean, due_at timestamptz, due_changed_at timestamptz";

    protected override string Updates => """
        finished_at = EXCLUDED.finished_at, timeliness = EXCLUDED.timeliness, electronic_result = EXCLUDED.electronic_result,
        due_at = CASE WHEN f.due_changed_at > EXCLUDED.due_changed_at THEN f.due_at ELSE EXCLUDED.due_at END,
        due_changed_at = greatest(f.due_changed_at, EXCLUDED.due_changed_at)
        """;

    protected override object Row(DossierResolved m) => new
    {
        m.DossierId, m.Field, FinishedAt = Micro(m.ResolvedAt), Timeliness = EnumNames.Stored(m.Timeliness), m.ElectronicResult,
        DueAt = Micro(m.DueAt), DueChangedAt = Micro(m.OccurredAt),
    };
}

public sealed class DossierReturnedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierReturned>(context, scope, lag)
{
    protected override string Columns => "finished_at timestamptz, return_reason text";

    protected override string Updates => "finished_at = EXCLUDED.finished_at, return_reason = EXCLUDED.return_reason";

    protected override object Row(DossierReturned m) => new { m.DossierId, m.Field, FinishedAt = Micro(m.ReturnedAt), ReturnReason = EnumNames.Stored(m.Reason) };
}

public sealed class DossierApologyIssuedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierApologyIssued>(context, scope, lag)
{
    protected override string Columns => "apology_issued_at timestamptz";

    protected override string Updates => "apology_issued_at = EXCLUDED.apology_issued_at";

    protected override object Row(DossierApologyIssued m) => new { m.DossierId, m.Field, ApologyIssuedAt = Micro(m.IssuedAt) };
}

public sealed class DossierRatedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : DossierStepConsumer<DossierRated>(context, scope, lag)
{
    protected override string Columns => "rating text, rated_at timestamptz";

    protected override string Updates => "rating = EXCLUDED.rating, rated_at = EXCLUDED.rated_at";

    protected override object Row(DossierRated m) => new { m.DossierId, m.Field, Rating = EnumNames.Stored(m.Rating), RatedAt = Micro(m.RatedAt) };
}

/// <summary>
/// Whole dossiers, in one statement per event: of an import (into every live generation of the unit),
/// or of a replay (only into the generation that replay fills; counted towards its end, see
/// <see cref="Replays"/>). The facts that never change once known are kept if the step events already
/// brought them; the due date, the pause and the payment take the newer value.
/// </summary>
public sealed class DossiersRecordedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<DossiersRecorded>(context, scope, lag)
{
    protected override void Apply(DossiersRecorded m)
    {
        var at = Utc(m.OccurredAt);
        var d = m.Dossiers;
        Write($"""
            INSERT INTO reporting.dossier_facts AS f (generation, dossier_id, unit_code, province_code, field, channel, received_at, due_at,
              due_changed_at, paused_at, pause_changed_at, finished_at, timeliness, return_reason, electronic_result, digitised, has_fee,
              paid_online, paid_changed_at, apology_issued_at, rating, rated_at)
            SELECT target.g, d.dossier_id, {m.UnitCode}, {m.ProvinceCode}, d.field, d.channel, d.received_at, d.due_at, {at}, d.paused_at, {at},
              d.finished_at, d.timeliness, d.return_reason, d.electronic_result, d.digitised, d.has_fee, d.paid_online, {at}, d.apology_issued_at,
              d.rating, d.rated_at
            FROM unnest({d.Select(x => x.DossierId).ToArray()}::uuid[], {d.Select(x => x.Field).ToArray()}::text[],
                   {d.Select(x => EnumNames.Stored(x.Channel)).ToArray()}::text[], {d.Select(x => Utc(x.ReceivedAt)).ToArray()}::timestamptz[],
                   {d.Select(x => Utc(x.DueAt)).ToArray()}::timestamptz[], {d.Select(x => Utc(x.PausedAt)).ToArray()}::timestamptz[],
                   {d.Select(x => Utc(x.FinishedAt)).ToArray()}::timestamptz[], {d.Select(x => EnumNames.Stored(x.Timeliness)).ToArray()}::text[],
                   {d.Select(x => EnumNames.Stored(x.ReturnReason)).ToArray()}::text[], {d.Select(x => x.ElectronicResult).ToArray()}::boolean[],
                   {d.Select(x => x.Digitised).ToArray()}::boolean[], {d.Select(x => x.HasFee).ToArray()}::boolean[],
                   {d.Select(x => x.PaidOnline).ToArray()}::boolean[], {d.Select(x => Utc(x.ApologyIssuedAt)).ToArray()}::timestamptz[],
                   {d.Select(x => EnumNames.Stored(x.Rating)).ToArray()}::text[], {d.Select(x => Utc(x.RatedAt)).ToArray()}::timestamptz[])
              AS d(dossier_id, field, channel, received_at, due_at, paused_at, finished_at, timeliness, return_reason, electronic_result,
                   digitised, has_fee, paid_online, apology_issued_at, rating, rated_at)
            CROSS JOIN (SELECT g FROM reporting.live_generations({m.UnitCode}) g WHERE {m.ReplayId}::uuid IS NULL
                  UNION SELECT building FROM reporting.unit_generations WHERE unit_code = {m.UnitCode} AND replay_id = {m.ReplayId}::uuid) AS target(g)
            ON CONFLICT (generation, dossier_id) DO UPDATE SET
              channel = coalesce(f.channel, EXCLUDED.channel), received_at = coalesce(f.received_at, EXCLUDED.received_at),
              finished_at = coalesce(f.finished_at, EXCLUDED.finished_at), timeliness = coalesce(f.timeliness, EXCLUDED.timeliness),
              return_reason = coalesce(f.return_reason, EXCLUDED.return_reason),
              apology_issued_at = coalesce(f.apology_issued_at, EXCLUDED.apology_issued_at),
              rating = coalesce(f.rating, EXCLUDED.rating), rated_at = coalesce(f.rated_at, EXCLUDED.rated_at),
              electronic_result = f.electronic_result OR EXCLUDED.electronic_result, digitised = f.digitised OR EXCLUDED.digitised,
              has_fee = f.has_fee OR EXCLUDED.has_fee,
              due_at = CASE WHEN f.due_changed_at > EXCLUDED.due_changed_at THEN f.due_at ELSE EXCLUDED.due_at END,
              due_changed_at = greatest(f.due_changed_at, EXCLUDED.due_changed_at),
              paused_at = CASE WHEN f.pause_changed_at > EXCLUDED.pause_changed_at THEN f.paused_at ELSE EXCLUDED.paused_at END,
              pause_changed_at = greatest(f.pause_changed_at, EXCLUDED.pause_changed_at),
              paid_online = CASE WHEN f.paid_changed_at > EXCLUDED.paid_changed_at THEN f.paid_online ELSE EXCLUDED.paid_online END,
              paid_changed_at = greatest(f.paid_changed_at, EXCLUDED.paid_changed_at)
            """);
        if (m.ReplayId is { } replay)
        {
            Write(Replays.Count(m.UnitCode, replay, dossiers: d.Count, feedback: 0));
            Write(Replays.FinishIfComplete(m.UnitCode, replay));
        }
    }
}

public sealed class FeedbackReceivedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<FeedbackReceived>(context, scope, lag)
{
    protected override void Apply(FeedbackReceived m) => Write($"""
        INSERT INTO reporting.feedback_facts (generation, feedback_id, unit_code, province_code, received_at)
        SELECT g, {m.FeedbackId}, {m.UnitCode}, {m.ProvinceCode}, {Utc(m.ReceivedAt)}
        FROM reporting.live_generations({m.UnitCode}) g
        ON CONFLICT (generation, feedback_id) DO UPDATE SET received_at = EXCLUDED.received_at
        """);
}

public sealed class FeedbackResolvedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<FeedbackResolved>(context, scope, lag)
{
    protected override void Apply(FeedbackResolved m) => Write($"""
        INSERT INTO reporting.feedback_facts (generation, feedback_id, unit_code, province_code, resolved_at, resolved_within_deadline)
        SELECT g, {m.FeedbackId}, {m.UnitCode}, {m.ProvinceCode}, {Utc(m.ResolvedAt)}, {m.WithinDeadline}
        FROM reporting.live_generations({m.UnitCode}) g
        ON CONFLICT (generation, feedback_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, resolved_within_deadline = EXCLUDED.resolved_within_deadline
        """);
}

/// <summary>A piece of feedback of a replay: into the generation the replay fills, counted towards its end.</summary>
public sealed class FeedbackRecordedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<FeedbackRecorded>(context, scope, lag)
{
    protected override void Apply(FeedbackRecorded m)
    {
        Write($"""
            INSERT INTO reporting.feedback_facts AS f (generation, feedback_id, unit_code, province_code, received_at, resolved_at, resolved_within_deadline)
            SELECT building, {m.FeedbackId}, {m.UnitCode}, {m.ProvinceCode}, {Utc(m.ReceivedAt)}, {Utc(m.ResolvedAt)}::timestamptz,
              {m.ResolvedWithinDeadline}::boolean
            FROM reporting.unit_generations WHERE unit_code = {m.UnitCode} AND replay_id = {m.ReplayId}
            ON CONFLICT (generation, feedback_id) DO UPDATE SET received_at = EXCLUDED.received_at,
              resolved_at = coalesce(f.resolved_at, EXCLUDED.resolved_at),
              resolved_within_deadline = coalesce(f.resolved_within_deadline, EXCLUDED.resolved_within_deadline)
            """);
        Write(Replays.Count(m.UnitCode, m.ReplayId, dossiers: 0, feedback: 1));
        Write(Replays.FinishIfComplete(m.UnitCode, m.ReplayId));
    }
}

/// <summary>The dossiers service says how much it published for a replay: the replay ends once all of it arrived.</summary>
public sealed class DossierReplayCompletedConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag) : FactConsumer<DossierReplayCompleted>(context, scope, lag)
{
    protected override void Apply(DossierReplayCompleted m)
    {
        Write(Replays.Expect(m.UnitCode, m.ReplayId, m.Dossiers, m.Feedback));
        Write(Replays.FinishIfComplete(m.UnitCode, m.ReplayId));
    }
}
