using System.Text;
using MassTransit;
using ParPlatform.Contracts;

namespace ParPlatform.Messaging;

/// <summary>
/// The broker names the platform uses, one rule each:
/// an event type <c>ParPlatform.Contracts.Dossiers.DossierResolved</c> is published to the
/// topic exchange <c>events.dossiers.dossier-resolved</c> with the routing key
/// <c>{provinceCode}.{unitCode}</c> (<c>20.06112</c>); the consumer <c>UnitRegisteredConsumer</c>
/// of the plans service reads the queue <c>plans.unit-registered</c>, bound with <c>#</c> (and what
/// fails lands in <c>plans.unit-registered_error</c>, through the exchange of that name). The
/// integrator client <c>langson</c> reads the queue <c>integrator.langson</c>, bound with the keys of
/// its province (<c>20.#</c>) or units (<c>20.06112</c>).
/// </summary>
public sealed class EventNames : IEntityNameFormatter
{
    public const string ExchangePrefix = "events.";

    /// <summary>The binding key of a service's queue: every event of the exchange, whatever its unit.</summary>
    public const string EveryEvent = "#";

    /// <summary>The start of every integrator's queue (and broker user) name.</summary>
    public const string IntegratorQueuePrefix = "integrator.";

    /// <summary>AMQP header: the service whose outbox published the event.</summary>
    public const string SourceHeader = "ParPlatform-Source";

    /// <summary>AMQP header: the key whose events keep their order (an aggregate's id).</summary>
    public const string AggregateHeader = "ParPlatform-Aggregate";

    /// <summary>AMQP header: the event's position in its source's outbox (grows with commit order).</summary>
    public const string SequenceHeader = "ParPlatform-Sequence";

    public static string ExchangeOf(Type eventType)
    {
        var service = eventType.Namespace?.Split('.')[^1] ?? "unknown";
        return ExchangePrefix + Kebab(service) + "." + Kebab(eventType.Name);
    }

    /// <summary>The events of the contract catalogue (ParPlatform.Contracts), by exchange name.</summary>
    public static IReadOnlyList<string> CatalogueExchanges { get; } = [.. typeof(IntegrationEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent)))
        .Select(ExchangeOf)
        .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The audit log's exchange: every service publishes its administrative changes there for identity's log. It is
    /// the platform's own (who changed what, before → after), never an integrator's.
    /// </summary>
    public static string AuditExchange { get; } = ExchangeOf(typeof(Contracts.Audit.AdministrativeChangeRecorded));

    /// <summary>The exchanges an integrator may read: the catalogue's, but the audit log's.</summary>
    public static IReadOnlyList<string> IntegratorExchanges { get; } = [.. CatalogueExchanges.Where(e => e != AuditExchange)];

    /// <summary>"{provinceCode}.{unitCode}": what integrators bind by (topic authorisation checks it).</summary>
    public static string RoutingKeyOf(IntegrationEvent integrationEvent) =>
        integrationEvent.ProvinceCode + "." + integrationEvent.UnitCode;

    /// <summary>The queue of the integrator client <paramref name="clientId"/>; its broker user has the same name.</summary>
    public static string IntegratorQueueOf(string clientId) => IntegratorQueuePrefix + clientId;

    public static string QueueOf(string serviceName, Type consumerType)
    {
        var name = consumerType.Name.Split('`')[0];
        if (name.EndsWith("Consumer", StringComparison.Ordinal))
            name = name[..^"Consumer".Length];
        return serviceName + "." + Kebab(name);
    }

    public string FormatEntityName<T>() => ExchangeOf(typeof(T));

    /// <summary>"DossierResolved" → "dossier-resolved".</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
