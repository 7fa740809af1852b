using MassTransit;
using MassTransit.Configuration;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ParPlatform.Contracts;
using ParPlatform.Messaging.Audit;
using ParPlatform.Messaging.Errors;
using ParPlatform.Messaging.Inbox;
using ParPlatform.Messaging.Outbox;
using ParPlatform.Messaging.Provisioning;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Messaging;

/// <summary>The consumers a service registers; each gets its own queue <c>{service}.{name}</c>.</summary>
public sealed class MessagingConsumers
{
    /// <summary>Each consumer with the InboxReceiver&lt;TConsumer, TEvent, TContext&gt; that feeds it.</summary>
    internal List<(Type Consumer, Type Receiver)> Registered { get; } = [];

    /// <summary>The context whose known_units answer the tenant access rule, once unit provisioning is added.</summary>
    internal Type? UnitDirectoryContext { get; private set; }

    /// <summary>
    /// Keeps the service's known_units in step with the registry (UnitRegistered, UnitUpdated)
    /// and lets the tenant access rule find a unit's province there.
    /// </summary>
    public MessagingConsumers AddUnitProvisioning<TContext>()
        where TContext : DbContext
    {
        UnitDirectoryContext = typeof(TContext);
        return Add<UnitRegisteredConsumer<TContext>>().Add<UnitUpdatedConsumer<TContext>>();
    }

    /// <summary>Adds a consumer: a subclass of <see cref="InboxConsumer{TEvent, TContext}"/>.</summary>
    public MessagingConsumers Add<TConsumer>()
        where TConsumer : class
    {
        Registered.Add((typeof(TConsumer), ReceiverOf(typeof(TConsumer))));
        return this;
    }

    private static Type ReceiverOf(Type consumer)
    {
        for (var type = consumer.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(InboxConsumer<,>))
            {
                var arguments = type.GetGenericArguments();
                return typeof(InboxReceiver<,,>).MakeGenericType(consumer, arguments[0], arguments[1]);
            }
        }
        throw new ArgumentException($"{consumer.Name} is not an InboxConsumer<TEvent, TContext>.", nameof(consumer));
    }
}

public static class MessagingExtensions
{
    /// <summary>
    /// Connects the service to RabbitMQ from ConnectionStrings:{connectionName}
    /// (amqp://user:password@host:port/vhost): MassTransit publishes the outbox of
    /// <typeparamref name="TContext"/> (register the DbContext first; its model must call
    /// AddMessagingTables), and each consumer is fed by an <see cref="InboxReceiver{TConsumer, TEvent, TContext}"/>
    /// from its own queue: in order, in batches, retried, then error-queued. Broker and
    /// consumers join /health (Degraded while an error queue holds events or the outbox has waited over a minute:
    /// <see cref="ConsumerQueues"/>, <see cref="OutboxBacklog"/>). The events an <see cref="Aggregate"/> raises are written to the outbox when the
    /// DbContext saves it (<see cref="AggregateEvents"/>); administrative changes are recorded for the audit log
    /// the same way, through <see cref="AuditTrail"/>.
    /// </summary>
    public static void AddMessaging<TContext>(
        this IHostApplicationBuilder builder, string connectionName, string serviceName, Action<MessagingConsumers>? consumers = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not configured. The AppHost sets ConnectionStrings__{connectionName}; " +
                "when running the service alone, set it yourself (amqp://user:password@host:port/vhost).");
        }
        var broker = BrokerAddress.Parse(connectionString);
        builder.AddServiceOptions<MessagingOptions>(MessagingOptions.Section);
        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton(new MessagingService(serviceName));
        builder.Services.AddScoped<IOutbox, Outbox<TContext>>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.ConfigureDbContext<TContext>(options => options.AddInterceptors(AggregateEvents.Interceptor));
        builder.Services.TryAddScoped<TenantScope>(); // each consumer sets its scope (AddServiceDefaults registers it too)
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();

        var registered = new MessagingConsumers();
        consumers?.Invoke(registered);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new ConsumerQueues(
            registered.Registered.Select(r => EventNames.QueueOf(serviceName, r.Consumer)), services.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(connectionName + "-consumers",
                services => services.GetRequiredService<ConsumerQueues>(), HealthStatus.Unhealthy, [Extensions.ReadyTag]))
            .Add(new HealthCheckRegistration(connectionName + "-outbox",
                services => services.GetRequiredService<OutboxBacklog>(), HealthStatus.Degraded, [Extensions.ReadyTag]));
        if (registered.UnitDirectoryContext is { } unitContext)
        {
            builder.Services.AddMemoryCache();
            builder.Services.AddScoped(typeof(IUnitDirectory), typeof(KnownUnitsDirectory<>).MakeGenericType(unitContext));
        }
        foreach (var (_, receiver) in registered.Registered)
            builder.Services.AddSingleton(typeof(IHostedService), services => ActivatorUtilities.CreateInstance(services, receiver));

        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = connectionName;
                health.Tags.Add(Extensions.ReadyTag);
            });
            bus.UsingRabbitMq((_, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.User);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    host.ConnectionName(serviceName);
                });
                // Before any message topology exists: every event's exchange is a topic exchange.
                rabbit.PublishTopology.ConnectPublishTopologyConfigurationObserver(new TopicExchanges());
                rabbit.MessageTopology.SetEntityNameFormatter(new EventNames());
                // The base record is not an exchange of its own; each event type is.
                rabbit.Publish<IntegrationEvent>(publish => publish.Exclude = true);
                // Plain JSON bodies, readable by any AMQP client; MassTransit's data goes in headers.
                rabbit.UseRawJsonSerializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            });
        });
    }

    /// <summary>
    /// The broker's management for an admin API (error queues, integrators' accounts): <see cref="BrokerManagementOptions"/>
    /// from the "Messaging" section (ManagementUrl) and ConnectionStrings:{connectionName}, checked on start.
    /// </summary>
    public static void AddBrokerManagement(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddServiceOptions<BrokerManagementOptions>(MessagingOptions.Section,
            options => options.Broker = builder.Configuration.GetConnectionString(connectionName) ?? "");
    }
}

/// <summary>
/// Makes each event's exchange a topic exchange as MassTransit first meets the type, so integrators bind by
/// province and unit (the outbox publishes with <see cref="EventNames.RoutingKeyOf"/>).
/// </summary>
internal sealed class TopicExchanges : IPublishTopologyConfigurationObserver
{
    public void MessageTopologyCreated<T>(IMessagePublishTopologyConfigurator<T> configurator)
        where T : class
    {
        if (configurator is IRabbitMqMessagePublishTopologyConfigurator<T> rabbit)
            rabbit.ExchangeType = RabbitMQ.Client.ExchangeType.Topic;
    }
}

/// <summary>The broker from an amqp:// connection string.</summary>
internal sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string User, string Password)
{
    public static BrokerAddress Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        var credentials = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(
            uri.Host,
            (ushort)(uri.IsDefaultPort ? 5672 : uri.Port),
            virtualHost.Length == 0 ? "/" : virtualHost,
            Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }
}
