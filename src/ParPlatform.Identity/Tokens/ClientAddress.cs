namespace ParPlatform.Identity.Tokens;

/// <summary>Where a sign-in comes from, for the lockout of one account from one address (<see cref="Domain.SignInLockout"/>).</summary>
public static class ClientAddress
{
    /// <summary>
    /// The last X-Forwarded-For entry — the one the gateway writes: the address it saw (anything a client put before it is
    /// not believed) — or the connection's address when the request did not come through the gateway.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var address = last ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return address.Length <= 64 ? address : address[..64];
    }
}
