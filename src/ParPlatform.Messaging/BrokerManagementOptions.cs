using System.ComponentModel.DataAnnotations;
using ParPlatform.Messaging.Errors;
using ParPlatform.Messaging.Integrators;

namespace ParPlatform.Messaging;

/// <summary>
/// Where a service reaches the broker's management API: its base URL (<c>Messaging:ManagementUrl</c>,
/// which the AppHost sets only for the platform's own broker, and only for the identity service, whose
/// account is the broker's administrator) and that account's amqp URI (<c>ConnectionStrings:{name}</c>).
/// </summary>
public sealed class BrokerManagementOptions : IValidatableObject
{
    /// <summary>http(s)://host:port of the management API; null when the broker's own management UI is the place to look.</summary>
    public Uri? ManagementUrl { get; set; }

    /// <summary>The service's broker account's amqp URI, from the connection string.</summary>
    public string Broker { get; set; } = "";

    /// <summary>The error queues, or null when there is no management URL.</summary>
    public ErrorQueues? Queues() => ManagementUrl is null ? null : new ErrorQueues(Broker, ManagementUrl);

    /// <summary>The integrators' broker accounts, or null when there is no management URL.</summary>
    public IntegratorAccounts? Integrators() => ManagementUrl is null ? null : new IntegratorAccounts(Broker, ManagementUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ManagementUrl is not null and not { IsAbsoluteUri: true, Scheme: "http" or "https" })
            yield return new ValidationResult("must be an absolute http:// or https:// URL (the RabbitMQ management API).", [nameof(ManagementUrl)]);
        if (!Uri.TryCreate(Broker, UriKind.Absolute, out var broker) || broker.Scheme is not ("amqp" or "amqps"))
            yield return new ValidationResult("the broker's connection string must be an amqp:// URI.", [nameof(Broker)]);
    }
}
