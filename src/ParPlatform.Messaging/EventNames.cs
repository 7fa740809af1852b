using System.Text;
using MassTransit;

namespace ParPlatform.Messaging;

/// <summary>
/// The broker names the platform uses, one rule each:
/// an event type <c>ParPlatform.Contracts.Dossiers.DossierResolved</c> is published to the
/// fanout exchange <c>events.dossiers.dossier-resolved</c>; the consumer
/// <c>UnitRegisteredConsumer</c> of the plans service reads the queue <c>plans.unit-registered</c>
/// (and what fails lands in <c>plans.unit-registered_error</c>). Integrators may bind to
/// <c>events.*</c> only.
/// </summary>
public sealed class EventNames : IEntityNameFormatter
{
    public const string ExchangePrefix = "events.";

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
