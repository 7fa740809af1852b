using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using ParPlatform.Messaging;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary>
/// A service's own account on the platform's RabbitMQ node, named after the service, as the connection
/// string the service receives. It may declare, read and write its own queues and exchanges
/// (<c>{service}.*</c>: its consumers' queues and error queues), declare and publish to its own event
/// exchanges (<c>events.{service}.*</c>) and to the audit log's (<see cref="EventNames.AuditExchange"/>), and bind
/// its queues to any event exchange; nothing else: not
/// another service's queues, not another service's events, not the default exchange. The identity
/// service's account is also the broker's administrator (its admin API creates the integrators' accounts
/// and queues, and lists and replays every error queue). The password is generated at every start of
/// the AppHost; the account is created (or given this start's password) once the node is ready.
/// </summary>
public sealed partial class RabbitMQServiceUserResource : Resource, IResourceWithParent<RabbitMQExecutableResource>, IResourceWithConnectionString
{
    internal RabbitMQServiceUserResource(string name, string service, bool administrator, RabbitMQExecutableResource broker, string password)
        : base(name)
    {
        if (!ServicePattern().IsMatch(service))
            throw new ArgumentException($"Service name '{service}' must be lower-case letters and digits.", nameof(service));
        Service = service;
        Administrator = administrator;
        Parent = broker;
        Password = password;
    }

    /// <summary>The service, and the account's user name.</summary>
    public string Service { get; }

    /// <summary>Whether the account has the management API's administrator tag (the identity service's).</summary>
    public bool Administrator { get; }

    public RabbitMQExecutableResource Parent { get; }

    internal string Password { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{Service}:{Password}@127.0.0.1:{Parent.Amqp.Property(EndpointProperty.Port)}/{RabbitMQExecutableResource.VirtualHost}");

    /// <summary>The connection string's value, once the node runs.</summary>
    public string ConnectionString => $"amqp://{Service}:{Password}@127.0.0.1:{Parent.Amqp.Port}/{RabbitMQExecutableResource.VirtualHost}";

    /// <summary>Declare and delete: its own queues and exchanges and its own event exchanges (the administrator: integrators' queues too).</summary>
    public string Configure => Administrator
        ? $@"^({Own}|{Regex.Escape(EventNames.IntegratorQueuePrefix)}.*)$"
        : $"^({Own})$";

    /// <summary>Publish to and bind to: the same (the administrator: the default exchange too, to replay error queues).</summary>
    public string Write => Administrator ? $@"^({Own}|amq\.default)$" : $"^({Own})$";

    /// <summary>Consume and bind from: its own queues and every event exchange (the administrator: every error queue too).</summary>
    public string Read => Administrator
        ? $@"^({Regex.Escape(Service)}\..*|{Regex.Escape(EventNames.ExchangePrefix)}.*|.*{Regex.Escape(Messaging.Errors.ErrorQueues.Suffix)})$"
        : $@"^({Regex.Escape(Service)}\..*|{Regex.Escape(EventNames.ExchangePrefix)}.*)$";

    /// <summary>Its queues, its event exchanges, and the audit log's exchange, where every service records its administrative changes.</summary>
    private string Own => $@"{Regex.Escape(Service)}\..*|{Regex.Escape(EventNames.ExchangePrefix + Service)}\..*|{Regex.Escape(EventNames.AuditExchange)}";

    [GeneratedRegex("^[a-z][a-z0-9]{0,30}$")]
    private static partial Regex ServicePattern();
}
