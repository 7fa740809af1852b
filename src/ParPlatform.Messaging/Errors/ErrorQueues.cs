using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Messaging.Errors;

/// <summary>An error queue of the virtual host: how many messages it holds and the first of them.</summary>
public sealed record ErrorQueueSnapshot(string Name, string OriginalQueue, long MessageCount, IReadOnlyList<FailedMessage> Messages);

/// <summary>
/// A message a service moved to an error queue, as its MassTransit-style fault headers describe it
/// (MT-Fault-Timestamp, MT-Fault-ExceptionType, MT-Fault-Message, MT-Fault-StackTrace,
/// MT-Fault-RetryCount, MT-Fault-ConsumerType); a header that is missing gives null.
/// </summary>
public sealed record FailedMessage(
    string? MessageId,
    DateTimeOffset? FailedAt,
    string? ExceptionType,
    string? ExceptionMessage,
    string? StackTrace,
    int? RetryCount,
    string? ConsumerType,
    string Body);

/// <summary>
/// The <c>&lt;queue&gt;_error</c> queues a service moves a message to once its retries are spent:
/// listed without taking anything from them, and replayed to their original queue. Works as the
/// account of <paramref name="broker"/> (amqp://user:password@host:port/vhost; the broker's administrator, who may
/// read every error queue and publish through the default exchange): over AMQP,
/// and on the management API at <paramref name="managementUrl"/> for the list of queues.
/// </summary>
/// <remarks>
/// A broker that cannot be reached fails with <see cref="HttpRequestException"/> (management API),
/// <see cref="BrokerUnreachableException"/> (AMQP) or, past the timeout, <see cref="TaskCanceledException"/>.
/// </remarks>
public sealed class ErrorQueues(string broker, Uri managementUrl)
{
    public const string Suffix = "_error";
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    private const int BodyLength = 2000;
    private const int StackTraceLines = 5;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _amqp = new(broker);
    private readonly BrokerAddress _broker = BrokerAddress.Parse(broker);

    /// <summary>Every error queue of the virtual host, by name, with how many messages it holds (from the management API's statistics).</summary>
    public async Task<IReadOnlyList<(string Name, long Messages)>> DepthsAsync(CancellationToken cancellationToken = default)
    {
        var queues = await GetQueuesAsync<QueueDepth>("name,messages", cancellationToken);
        return [.. queues.Where(q => q.Name.EndsWith(Suffix, StringComparison.Ordinal)).OrderBy(q => q.Name, StringComparer.Ordinal).Select(q => (q.Name, q.Messages ?? 0))];
    }

    /// <summary>
    /// Every queue of the virtual host whose name ends in _error, by name, with its first
    /// <paramref name="maxMessages"/> messages. The messages stay where they are, in their order.
    /// </summary>
    public async Task<IReadOnlyList<ErrorQueueSnapshot>> ListAsync(int maxMessages = 50, CancellationToken cancellationToken = default)
    {
        var queues = await GetQueuesAsync<QueueName>("name", cancellationToken);

        await using var connection = await ConnectAsync(cancellationToken);
        var list = new List<ErrorQueueSnapshot>();
        foreach (var name in queues.Select(q => q.Name).Where(n => n.EndsWith(Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            list.Add(await PeekAsync(connection, name, maxMessages, cancellationToken));
        return list;
    }

    /// <summary>
    /// Moves the message whose AMQP message id is <paramref name="messageId"/> (or, when it is
    /// null, every message) from <paramref name="errorQueue"/> back to its original queue: each is
    /// published through the default exchange with its body and properties, without the MT-Fault-*
    /// and MT-Reason headers, and taken off the error queue only once the broker confirmed it.
    /// A failure midway leaves every message not yet replayed in the error queue. Returns how many
    /// were replayed.
    /// </summary>
    /// <exception cref="ArgumentException">The name does not end in _error.</exception>
    /// <exception cref="KeyNotFoundException">There is no such queue, or no such message in it.</exception>
    /// <exception cref="InvalidOperationException">The broker refused a message.</exception>
    public async Task<int> ReplayAsync(string errorQueue, string? messageId = null, CancellationToken cancellationToken = default)
    {
        var originalQueue = OriginalQueueOf(errorQueue);
        await using var connection = await ConnectAsync(cancellationToken);
        // A message taken and not acked (passed over, or not confirmed) returns to the error
        // queue, in its place, when the channel closes.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var waiting = await DeclarePassiveAsync(channel, errorQueue, cancellationToken);

        // Bounded by the count at the start: a replayed message that fails again comes back.
        var replayed = 0;
        for (var i = 0; i < waiting; i++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null)
                break;
            if (messageId is not null && message.BasicProperties.MessageId != messageId)
                continue;
            await RepublishAsync(channel, message, errorQueue, originalQueue, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
            if (messageId is not null)
                break;
        }
        if (messageId is not null && replayed == 0)
            throw new KeyNotFoundException($"There is no message '{messageId}' in '{errorQueue}'.");
        return replayed;
    }

    private static async Task<ErrorQueueSnapshot> PeekAsync(IConnection connection, string name, int maxMessages, CancellationToken cancellationToken)
    {
        // basic.get without an ack; closing the channel puts the messages back in their order.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var count = await DeclarePassiveAsync(channel, name, cancellationToken);
        var messages = new List<FailedMessage>();
        while (messages.Count < maxMessages && await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is { } message)
            messages.Add(Describe(message));
        return new ErrorQueueSnapshot(name, OriginalQueueOf(name), count, messages);
    }

    private static async Task RepublishAsync(
        IChannel channel, BasicGetResult message, string errorQueue, string originalQueue, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties(message.BasicProperties)
        {
            Headers = message.BasicProperties.Headers?
                .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader)
                .ToDictionary(h => h.Key, h => h.Value),
        };
        try
        {
            // mandatory: a message no queue takes is returned (and reported) instead of dropped.
            await channel.BasicPublishAsync("", originalQueue, mandatory: true, properties, message.Body, cancellationToken);
        }
        catch (PublishException e)
        {
            var reason = e.IsReturn ? $"there is no queue '{originalQueue}'" : "the broker refused it";
            throw new InvalidOperationException(
                $"Message '{message.BasicProperties.MessageId}' was not replayed ({reason}); it stays in '{errorQueue}'.", e);
        }
    }

    private static FailedMessage Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers;
        string? Header(string name) => headers is not null && headers.TryGetValue(name, out var value)
            ? value is byte[] text ? Encoding.UTF8.GetString(text) : Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

        var body = Encoding.UTF8.GetString(message.Body.Span);
        return new FailedMessage(
            message.BasicProperties.MessageId,
            DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var failedAt)
                ? failedAt
                : null,
            Header("MT-Fault-ExceptionType"),
            Header("MT-Fault-Message"),
            Header("MT-Fault-StackTrace") is { } trace
                ? string.Join('\n', trace.ReplaceLineEndings("\n").Split('\n').Take(StackTraceLines))
                : null,
            int.TryParse(Header("MT-Fault-RetryCount"), CultureInfo.InvariantCulture, out var retries) ? retries : null,
            Header("MT-Fault-ConsumerType"),
            body.Length > BodyLength ? body[..BodyLength] + "…" : body);
    }

    /// <summary>The queue's message count; a queue that does not exist is not found.</summary>
    private static async Task<long> DeclarePassiveAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            throw new KeyNotFoundException($"There is no queue '{queue}'.", e);
        }
    }

    private static string OriginalQueueOf(string errorQueue) =>
        errorQueue.Length > Suffix.Length && errorQueue.EndsWith(Suffix, StringComparison.Ordinal)
            ? errorQueue[..^Suffix.Length]
            : throw new ArgumentException($"'{errorQueue}' is not an error queue: its name does not end in {Suffix}.", nameof(errorQueue));

    /// <summary>The virtual host's queues, with the given columns, from the management API as that account.</summary>
    private async Task<List<T>> GetQueuesAsync<T>(string columns, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{managementUrl.AbsoluteUri.TrimEnd('/')}/api/queues/{Uri.EscapeDataString(_broker.VirtualHost)}?columns={columns}");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_broker.User}:{_broker.Password}")));
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<T>>(cancellationToken) ?? [];
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await new ConnectionFactory
        {
            Uri = _amqp,
            ClientProvidedName = "parplatform error queues",
        }.CreateConnectionAsync(cancellationToken);

    private sealed record QueueName(string Name);

    private sealed record QueueDepth(string Name, long? Messages);
}
