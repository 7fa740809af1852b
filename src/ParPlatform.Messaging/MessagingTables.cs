using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Messaging.Outbox;

namespace ParPlatform.Messaging;

/// <summary>The quoted, schema-qualified names of a service's messaging tables, read from its EF model.</summary>
internal sealed record MessagingTables(string Schema, string Outbox, string Inbox)
{
    public static MessagingTables Of<TContext>(IServiceScopeFactory scopes)
        where TContext : DbContext
    {
        using var scope = scopes.CreateScope();
        return Of(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public static MessagingTables Of(DbContext context)
    {
        var outbox = Entity<OutboxMessage>(context);
        var inbox = Entity<InboxMessage>(context);
        var schema = outbox.GetSchema() ?? "public";
        return new MessagingTables(schema, Quote(schema, outbox.GetTableName()!), Quote(inbox.GetSchema() ?? "public", inbox.GetTableName()!));
    }

    private static IEntityType Entity<T>(DbContext context) => context.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{context.GetType().Name} has no {typeof(T).Name}: call modelBuilder.AddMessagingTables() in its OnModelCreating.");

    private static string Quote(string schema, string table) => $"\"{schema}\".\"{table}\"";
}
