using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ParPlatform.ServiceDefaults.Tenancy;

/// <summary>
/// Validates a bearer token as <see cref="JsonWebTokenHandler"/> does, and answers the very same token
/// string from memory afterwards: a client sends one token with hundreds of requests, and checking its
/// signature and reading its JSON again each time was a quarter of the gateway's CPU under intake load
/// (docs/performance.md). Only a valid result is remembered, until the token expires but for at most
/// <see cref="RememberFor"/> (so a signing key withdrawn from the identity service's key set stops
/// working within that time); each request gets its own copy of the identity. At most
/// <see cref="Capacity"/> tokens are remembered; when full, the expired ones are dropped, or all.
/// </summary>
public sealed class RememberingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (token is not null && _validated.TryGetValue(token, out var remembered))
        {
            if (now < remembered.Until)
                return Copy(remembered.Result);
            _validated.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.SecurityToken is { } validated)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + RememberFor ? expires : now + RememberFor;
            if (_validated.Count >= Capacity)
                Forget(now);
            _validated[token] = new Remembered(Copy(result), until);
        }
        return result;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, remembered) in _validated)
        {
            if (now >= remembered.Until)
                _validated.TryRemove(token, out _);
        }
        if (_validated.Count >= Capacity)
            _validated.Clear();
    }

    /// <summary>The same valid result with an identity of its own: a request may add claims to its identity.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        SecurityToken = result.SecurityToken,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };

    private sealed record Remembered(TokenValidationResult Result, DateTimeOffset Until);
}
