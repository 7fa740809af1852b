using System.Text;
using RabbitMQ.Client;

namespace ParPlatform.TestSupport;

/// <summary>Messages in an error queue as MassTransit 8 moves them there, for the tests of listing and replaying them.</summary>
public static class FailedMessages
{
    /// <summary>Publishes <paramref name="body"/> to <paramref name="errorQueue"/> with MassTransit's fault headers; returns its message id.</summary>
    public static async Task<string> PublishAsync(IChannel channel, string errorQueue, string body, string exceptionMessage)
    {
        var id = Guid.NewGuid().ToString();
        var properties = new BasicProperties
        {
            MessageId = id,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>
            {
                ["x-tenant"] = "kept",
                ["MT-Reason"] = "fault",
                ["MT-Fault-ExceptionType"] = "System.InvalidOperationException",
                ["MT-Fault-Message"] = exceptionMessage,
                ["MT-Fault-Timestamp"] = "2026-03-01T02:03:04.0000000Z",
                ["MT-Fault-StackTrace"] = string.Join(Environment.NewLine, Enumerable.Range(1, 8).Select(i => $"   at Frame{i}()")),
                ["MT-Fault-ConsumerType"] = "ParPlatform.Plans.UnitRegisteredConsumer",
                ["MT-Fault-MessageType"] = "ParPlatform.Contracts.Identity.UnitRegistered",
                ["MT-Fault-RetryCount"] = 3,
                ["MT-Host-MachineName"] = "test",
            },
        };
        await channel.BasicPublishAsync("", errorQueue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
        return id;
    }
}
