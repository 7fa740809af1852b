using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

/// <summary>
/// An event's outbox row: what <see cref="IOutbox"/> writes through EF, and what a service's Npgsql
/// path writes in its own transaction — one row in a batch (<see cref="Insert"/>), or many by binary
/// COPY (<see cref="Copy"/>, <see cref="WriteRow"/>) — the same way.
/// </summary>
public static class OutboxRows
{
    private static readonly ConcurrentDictionary<Type, string> EventTypes = new();

    private static readonly ConcurrentDictionary<string, string> InsertSql = new(StringComparer.Ordinal);

    /// <summary>The event's type as the dispatcher reads it back (worked out once per type).</summary>
    public static string EventType(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return EventTypes.GetOrAdd(eventType, t => $"{t.FullName}, {t.Assembly.GetName().Name}");
    }

    /// <summary>The event as published: camelCase JSON.</summary>
    public static string Payload(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), MessagingJson.Options);
    }

    /// <summary>The event's row in <paramref name="schema"/>'s outbox, as a command of the caller's batch (its text is made once per schema, and prepared once).</summary>
    public static NpgsqlBatchCommand Insert(string schema, IntegrationEvent integrationEvent, string aggregateKey)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var command = new NpgsqlBatchCommand(InsertSql.GetOrAdd(schema, s =>
            $"INSERT INTO \"{s}\".outbox_messages (event_id, event_type, aggregate_key, payload, trace_parent, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)"));
        command.Parameters.Add(new NpgsqlParameter { Value = integrationEvent.EventId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = EventType(integrationEvent.GetType()), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = aggregateKey, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Payload(integrationEvent), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Activity.Current?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = integrationEvent.OccurredAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    /// <summary>The binary COPY of many rows into <paramref name="schema"/>'s outbox; each written with <see cref="WriteRow"/>.</summary>
    public static string Copy(string schema) =>
        $"COPY \"{schema}\".outbox_messages (event_id, event_type, aggregate_key, payload, occurred_at) FROM STDIN (FORMAT BINARY)";

    public static void WriteRow(NpgsqlBinaryImporter writer, IntegrationEvent integrationEvent, string aggregateKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        writer.StartRow();
        writer.Write(integrationEvent.EventId, NpgsqlDbType.Uuid);
        writer.Write(EventType(integrationEvent.GetType()), NpgsqlDbType.Text);
        writer.Write(aggregateKey, NpgsqlDbType.Text);
        writer.Write(Payload(integrationEvent), NpgsqlDbType.Jsonb);
        writer.Write(integrationEvent.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    }
}
