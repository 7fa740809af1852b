using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Tokens;

public enum PasswordCheck
{
    Success,
    Invalid,
    LockedOut,
}

/// <summary>
/// Checks a user name and password (the password grant and the sign-in page): a wrong one
/// counts towards the lockout (<see cref="Lockout"/>), a locked account is refused even with the
/// right password, and an unknown name costs as much time as a wrong password.
/// </summary>
public sealed class PasswordSignIn(IdentityDbContext db, IPasswordHasher<UserAccount> hasher, TimeProvider clock, TenantScope scope)
{
    private static readonly UserAccount Nobody = new() { UserName = "-", DisplayName = "-", Role = "-" };

    /// <summary>Vietnamese message for a refused sign-in.</summary>
    public static string Describe(PasswordCheck check, UserAccount? user) => check == PasswordCheck.LockedOut
        ? $"Tài khoản tạm khóa đến {user!.LockedUntil!.Value.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy} (giờ Việt Nam) do nhập sai mật khẩu {Lockout.MaxFailedSignIns} lần liên tiếp."
        : "Tên đăng nhập hoặc mật khẩu không đúng.";

    public async Task<(PasswordCheck Check, UserAccount? User)> CheckAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        scope.SetAllTenants(); // signing in happens before any tenant is known
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
            return (PasswordCheck.Invalid, null);
        }
        var now = clock.GetUtcNow();
        if (user.IsLockedAt(now))
            return (PasswordCheck.LockedOut, user);

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (result == PasswordVerificationResult.Failed)
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
            return (user.IsLockedAt(now) ? PasswordCheck.LockedOut : PasswordCheck.Invalid, user);
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, password!);
        user.RecordSignIn();
        await db.SaveChangesAsync(cancellationToken);
        return (PasswordCheck.Success, user);
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));
}
