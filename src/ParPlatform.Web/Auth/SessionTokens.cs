using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ParPlatform.Web.Auth;

/// <summary>The person's session is over (signed out elsewhere, disabled, or the server restarted): sign in again.</summary>
public sealed class SessionEndedException() : Exception("Phiên đăng nhập đã kết thúc; vui lòng đăng nhập lại.");

/// <summary>
/// The access token of a person's session, refreshed with the refresh token shortly before it expires (access tokens
/// live 5 minutes). Refreshes take turns: a refresh token is used once, and a person's circuits may ask at the same time.
/// </summary>
public sealed class SessionTokens(ServerTicketStore store, IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock) : IDisposable
{
    /// <summary>A token closer than this to its end is refreshed before it is used.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public async Task<string> AccessTokenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = user.FindFirst(WebClaims.Session)?.Value ?? throw new SessionEndedException();
        if (await CurrentAsync(key) is { } current)
            return current;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Another call of the same person may have refreshed it meanwhile.
            return await CurrentAsync(key) ?? await RefreshAsync(key, await store.RetrieveAsync(key) ?? throw new SessionEndedException(), cancellationToken);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The session's access token while it has more than <see cref="Margin"/> to live.</summary>
    private async Task<string?> CurrentAsync(string key)
    {
        var ticket = await store.RetrieveAsync(key) ?? throw new SessionEndedException();
        var token = ticket.Properties.GetTokenValue("access_token");
        return token is not null && ExpiresAt(ticket) - clock.GetUtcNow() > Margin ? token : null;
    }

    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket) =>
        DateTimeOffset.TryParse(ticket.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : DateTimeOffset.MinValue;
    private async Task<string> RefreshAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var refreshToken = ticket.Properties.GetTokenValue("refresh_token");
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = refreshToken is null ? null : await options.Backchannel.PostAsync(new Uri(configuration.TokenEndpoint),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = options.ClientId!,
                ["refresh_token"] = refreshToken,
            }), cancellationToken);
        if (response is not { IsSuccessStatusCode: true })
        {
            // Refused (signed out, disabled, revoked): the session is over here too.
            await store.RemoveAsync(key);
            throw new SessionEndedException();
        }
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var answer = body.RootElement;
        var accessToken = answer.GetProperty("access_token").GetString()!;
        ticket.Properties.UpdateTokenValue("access_token", accessToken);
        if (answer.TryGetProperty("refresh_token", out var rotated))
            ticket.Properties.UpdateTokenValue("refresh_token", rotated.GetString()!);
        var expiresAt = clock.GetUtcNow().AddSeconds(answer.GetProperty("expires_in").GetInt32());
        ticket.Properties.UpdateTokenValue("expires_at", expiresAt.ToString("o", CultureInfo.InvariantCulture));
        await store.RenewAsync(key, ticket);
        return accessToken;
    }

    public void Dispose() => _refreshing.Dispose();
}
