using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Messaging;
using ParPlatform.Messaging.Integrators;

namespace ParPlatform.Identity.Registration;

/// <summary>
/// An integrator client's broker account (<see cref="IntegratorAccounts"/>), kept in step with the client: created
/// with its secret as password when it is registered, given the new secret when it is rotated (connections made with
/// the old one are closed), deleted with its queue when it is revoked. Nothing happens without a management URL (an
/// external broker, whose administrator creates integrators' accounts: docs/operations.md).
/// </summary>
public sealed class IntegratorBroker(IOptions<BrokerManagementOptions> options, IdentityDbContext db)
{
    private readonly IntegratorAccounts? _accounts = options.Value.Integrators();

    /// <summary>Creates (or replaces) the account with <paramref name="secret"/>; null when this broker is not managed here.</summary>
    public async Task<IntegratorBrokerAccess?> CreateAsync(IntegratorClient integrator, string secret, CancellationToken ct)
    {
        if (_accounts is null)
            return null;
        var units = integrator.ProvinceCode is null
            ? await db.Units.Where(u => integrator.UnitCodes.Contains(u.UnitCode)).OrderBy(u => u.UnitCode)
                .Select(u => new { u.ProvinceCode, u.UnitCode }).ToListAsync(ct)
            : [];
        return await _accounts.CreateAsync(integrator.ClientId, secret,
            new IntegratorScope(integrator.ProvinceCode, [.. units.Select(u => (u.ProvinceCode, u.UnitCode))]), ct);
    }

    public async Task DeleteAsync(IntegratorClient integrator, CancellationToken ct)
    {
        if (_accounts is not null)
            await _accounts.DeleteAsync(integrator.ClientId, ct);
    }

    /// <summary>Whether <paramref name="e"/> says the management API could not be reached (or refused the change): a 503.</summary>
    public static bool IsUnavailable(Exception e, CancellationToken ct) =>
        e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested);
}
