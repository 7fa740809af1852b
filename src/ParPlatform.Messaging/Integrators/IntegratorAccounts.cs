using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace ParPlatform.Messaging.Integrators;

/// <summary>
/// What an integrator client may read: the events of one province, or of a list of units (each with its
/// province, as the routing key <c>{provinceCode}.{unitCode}</c> names it).
/// </summary>
public sealed record IntegratorScope(string? ProvinceCode, IReadOnlyList<(string ProvinceCode, string UnitCode)> Units)
{
    /// <summary>The binding keys that take every event of the scope: <c>20.#</c>, or <c>20.06112</c>, <c>20.06181</c> ….</summary>
    public IReadOnlyList<string> BindingKeys => ProvinceCode is not null
        ? [ProvinceCode + ".#"]
        : [.. Units.Select(u => u.ProvinceCode + "." + u.UnitCode)];

    /// <summary>
    /// The topic authorisation's read pattern, checked against the binding key when the integrator binds its
    /// queue to an event exchange: keys within the province (<c>^20\.</c>), or exactly the units' keys.
    /// </summary>
    public string ReadPattern => ProvinceCode is not null
        ? "^" + Regex.Escape(ProvinceCode + ".")
        : "^(" + string.Join('|', Units.Select(u => Regex.Escape(u.ProvinceCode + "." + u.UnitCode))) + ")$";
}

/// <summary>What an integrator connects with: its user (password: its client secret), its queue and the keys to bind it with.</summary>
public sealed record IntegratorBrokerAccess(string User, string Queue, IReadOnlyList<string> Exchanges, IReadOnlyList<string> BindingKeys);

/// <summary>
/// Each integrator client's own account on the broker, kept through the management API at
/// <paramref name="managementUrl"/> as the administrator whose amqp URI is <paramref name="broker"/>
/// (the identity service's account). The account <c>integrator.{clientId}</c> has no management access;
/// it may consume from, and bind and unbind, its one queue <c>integrator.{clientId}</c> (declared here,
/// durable, bounded by the broker's policy on <c>integrator.*</c> queues) — it may not declare, delete or
/// purge any queue, nor publish anywhere; it may bind only from the exchanges of the event catalogue, and on
/// each of them only with keys of its scope (RabbitMQ's topic authorisation, set per exchange: an exchange
/// without it would let any key through, so the read permission names exactly the exchanges that have it).
/// </summary>
public sealed class IntegratorAccounts(string broker, Uri managementUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly BrokerAddress _broker = BrokerAddress.Parse(broker);

    /// <summary>
    /// Creates the integrator's account with <paramref name="password"/> (or, when it exists, replaces it: the
    /// former account goes first, and with it every connection made with the former password) and its queue.
    /// </summary>
    public async Task<IntegratorBrokerAccess> CreateAsync(string clientId, string password, IntegratorScope scope, CancellationToken cancellationToken = default)
    {
        var user = EventNames.IntegratorQueueOf(clientId); // the account and its queue have the one name
        var queue = user;
        var exchanges = EventNames.IntegratorExchanges;
        await SendAsync(HttpMethod.Delete, $"/api/users/{Escape(user)}", null, cancellationToken, allowNotFound: true);
        await SendAsync(HttpMethod.Put, $"/api/users/{Escape(user)}", new { password, tags = "" }, cancellationToken);
        // The topic authorisation before any right to the virtual host: no moment with a key left unchecked.
        foreach (var exchange in exchanges)
        {
            await SendAsync(HttpMethod.Put, $"/api/topic-permissions/{VirtualHost}/{Escape(user)}",
                new { exchange, write = "^$", read = scope.ReadPattern }, cancellationToken);
        }
        await SendAsync(HttpMethod.Put, $"/api/queues/{VirtualHost}/{Escape(queue)}", new { durable = true, auto_delete = false }, cancellationToken);
        await SendAsync(HttpMethod.Put, $"/api/permissions/{VirtualHost}/{Escape(user)}", new
        {
            configure = "^$",
            write = $"^{Regex.Escape(queue)}$",
            read = $"^({string.Join('|', exchanges.Prepend(queue).Select(Regex.Escape))})$",
        }, cancellationToken);
        return new IntegratorBrokerAccess(user, queue, exchanges, scope.BindingKeys);
    }

    /// <summary>Deletes the integrator's account (which closes its connections) and its queue; nothing there is no failure.</summary>
    public async Task DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Delete, $"/api/users/{Escape(EventNames.IntegratorQueueOf(clientId))}", null, cancellationToken, allowNotFound: true);
        await SendAsync(HttpMethod.Delete, $"/api/queues/{VirtualHost}/{Escape(EventNames.IntegratorQueueOf(clientId))}", null, cancellationToken, allowNotFound: true);
    }

    private string VirtualHost => Escape(_broker.VirtualHost);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, managementUrl.AbsoluteUri.TrimEnd('/') + path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_broker.User}:{_broker.Password}")));
        using var response = await Http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            return;
        throw new HttpRequestException(
            $"The RabbitMQ management API answered {(int)response.StatusCode} to {method} {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}",
            null, response.StatusCode);
    }
}
