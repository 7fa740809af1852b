using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace ParPlatform.Web.Auth;

/// <summary>
/// Keeps each person's sign-in (their claims and the identity service's tokens) on the server; the browser's cookie holds
/// only the key (<see cref="WebClaims.Session"/>). Sessions live in this process: after a restart a person signs in again,
/// which the identity service's own session makes a redirect without a password.
/// </summary>
public sealed class ServerTicketStore(IMemoryCache cache) : ITicketStore
{
    /// <summary>How long an unused session is kept.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = KeyOf(ticket);
        Keep(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Keep(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(cache.Get<AuthenticationTicket>(CacheKey(key)));

    public Task RemoveAsync(string key)
    {
        cache.Remove(CacheKey(key));
        return Task.CompletedTask;
    }

    /// <summary>The session key the sign-in put among the claims (<see cref="SignIn"/>).</summary>
    public static string KeyOf(AuthenticationTicket ticket) =>
        ticket?.Principal.FindFirst(WebClaims.Session)?.Value ?? throw new InvalidOperationException("The sign-in has no session key.");

    private void Keep(string key, AuthenticationTicket ticket) =>
        cache.Set(CacheKey(key), ticket, new MemoryCacheEntryOptions { SlidingExpiration = IdleTimeout });

    private static string CacheKey(string key) => $"{CookieAuthenticationDefaults.AuthenticationScheme}:{key}";
}
