using Microsoft.EntityFrameworkCore;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging.Outbox;

internal sealed class Outbox<TContext>(TContext context) : IOutbox
    where TContext : DbContext
{
    public void Add(IntegrationEvent integrationEvent, string aggregateKey) =>
        context.Set<OutboxMessage>().Add(OutboxMessage.Of(integrationEvent, aggregateKey));
}
