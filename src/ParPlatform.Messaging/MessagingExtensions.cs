using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParPlatform.Contracts;
using ParPlatform.Messaging.Outbox;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Messaging;

/// <summary>The consumers a service registers; each gets its own queue <c>{service}.{name}</c>.</summary>
public sealed class MessagingConsumers
{
    internal List<Type> Types { get; } = [];

    public MessagingConsumers Add<TConsumer>()
        where TConsumer : class, IConsumer
    {
        Types.Add(typeof(TConsumer));
        return this;
    }
}

public static class MessagingExtensions
{
    /// <summary>
    /// Connects the service to RabbitMQ through MassTransit from ConnectionStrings:{connectionName}
    /// (amqp://user:password@host:port/vhost), with the outbox of <typeparamref name="TContext"/>
    /// (register the DbContext first; its model must call AddMessagingTables) and the given
    /// consumers. Each consumer endpoint: prefetch from <see cref="MessagingOptions"/>, one message
    /// at a time in queue order, immediate then incremental retries, and what
    /// still fails moved to its _error queue with the exception. The broker joins /health.
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
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection(MessagingOptions.Section));
        var registered = new MessagingConsumers();
        consumers?.Invoke(registered);

        builder.Services.AddSingleton(new MessagingService(serviceName));
        builder.Services.AddScoped<IOutbox, Outbox<TContext>>();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = connectionName;
                health.Tags.Add(Extensions.ReadyTag);
            });
            foreach (var consumer in registered.Types)
                bus.AddConsumer(consumer);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.User);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                    host.ConnectionName(serviceName);
                });
                rabbit.MessageTopology.SetEntityNameFormatter(new EventNames());
                // The base record is not an exchange of its own; each event type is.
                rabbit.Publish<IntegrationEvent>(publish => publish.Exclude = true);
                // Plain JSON bodies, readable by any AMQP client; MassTransit's data goes in headers.
                rabbit.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
                rabbit.UseRawJsonDeserializer(isDefault: true);

                foreach (var consumer in registered.Types)
                {
                    rabbit.ReceiveEndpoint(EventNames.QueueOf(serviceName, consumer), endpoint =>
                    {
                        endpoint.PrefetchCount = options.PrefetchCount;
                        // One message at a time, in queue order: MassTransit hands concurrent
                        // deliveries to the pipe in no guaranteed order, and an aggregate's events
                        // must take effect in the order they were committed. Services scale by
                        // endpoints (one per consumer), not by concurrency within one.
                        endpoint.ConcurrentMessageLimit = 1;
                        endpoint.UseMessageRetry(retry => retry.Incremental(
                            options.IncrementalRetries, options.RetryInitialInterval, options.RetryIntervalIncrement));
                        endpoint.UseMessageRetry(retry => retry.Immediate(options.ImmediateRetries));
                        endpoint.ConfigureConsumer(context, consumer);
                    });
                }
            });
        });
    }

    private sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string User, string Password)
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
}
