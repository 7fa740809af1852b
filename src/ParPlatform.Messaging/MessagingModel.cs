using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Messaging.Outbox;
using ParPlatform.Messaging.Provisioning;

namespace ParPlatform.Messaging;

/// <summary>The tables a service database has for messaging: outbox and inbox, and known units.</summary>
public static class MessagingModel
{
    /// <summary>PostgreSQL NOTIFY channel the outbox trigger signals on commit; one per service schema.</summary>
    public static string NotifyChannel(string schema) => schema + "_outbox";

    /// <summary>The outbox and inbox tables; call from the service DbContext's OnModelCreating.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.EventId).IsUnique();
            outbox.Property(m => m.EventType).HasMaxLength(300);
            outbox.Property(m => m.AggregateKey).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            // What the dispatcher claims: pending rows in order, and the earlier rows of an aggregate.
            outbox.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatched_at IS NULL");
            outbox.HasIndex(m => new { m.AggregateKey, m.Sequence }).HasDatabaseName("ix_outbox_messages_pending_aggregate").HasFilter("dispatched_at IS NULL");
            outbox.HasIndex(m => m.DispatchedAt).HasDatabaseName("ix_outbox_messages_dispatched").HasFilter("dispatched_at IS NOT NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.HandledAt);
        });
        return modelBuilder;
    }

    /// <summary>The known_units table, for services that consume UnitRegistered.</summary>
    public static ModelBuilder AddKnownUnits(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownUnit>(unit =>
        {
            unit.ToTable("known_units");
            unit.HasKey(u => u.UnitCode);
            unit.Property(u => u.UnitCode).HasMaxLength(5);
            unit.Property(u => u.ProvinceCode).HasMaxLength(2);
            unit.Property(u => u.UnitName).HasMaxLength(200);
            unit.Property(u => u.Kind).HasMaxLength(20);
            unit.Property(u => u.ProvinceName).HasMaxLength(200);
            unit.HasIndex(u => u.ProvinceCode);
        });
        return modelBuilder;
    }

    /// <summary>
    /// The outbox's NOTIFY trigger, for the service migration that adds the tables: one
    /// notification per inserting statement, delivered by PostgreSQL only when it commits.
    /// </summary>
    public static string CreateOutboxNotifyTriggerSql(string schema) => $"""
        CREATE FUNCTION "{schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NotifyChannel(schema)}', '');
            RETURN NULL;
        END $$;
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON "{schema}".outbox_messages
            FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".notify_outbox();
        """;

    public static string DropOutboxNotifyTriggerSql(string schema) => $"""
        DROP TRIGGER IF EXISTS outbox_messages_notify ON "{schema}".outbox_messages;
        DROP FUNCTION IF EXISTS "{schema}".notify_outbox();
        """;
}
