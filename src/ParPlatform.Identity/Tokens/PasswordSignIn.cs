using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Registration;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Tokens;

public enum PasswordCheck
{
    Success,
    Invalid,
    LockedOut,

    /// <summary>The right password, but the demo data's public one, outside Development: refused.</summary>
    DemoPassword,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,

    /// <summary>Over <see cref="SignInAttempts.PerMinute"/> attempts on the name this minute: refused before any hashing.</summary>
    Throttled,
}

/// <summary>
/// Checks a user name and password (the password grant, the sign-in page, a change of one's own
/// password). A wrong one counts towards the lockout of the account from that client address
/// (<see cref="SignInLockout"/>), and a locked one is refused from there even with the right password.
/// Attempts on one account take turns (a row lock), so parallel guesses are counted one by one.
/// The caller learns only "refused": whether the name exists, the account is locked or disabled is
/// not told (operators see them in the log), and every refusal costs a hash — except a name tried
/// too often in the last minute (<see cref="SignInAttempts"/>), refused before anything is hashed.
/// Outside Development an account whose password is still the demo data's public one (README) is
/// refused, and the operator's log says which and what to do.
/// </summary>
public sealed class PasswordSignIn(
    IdentityDbContext db, IPasswordHasher<UserAccount> hasher, SignInAttempts attempts, TimeProvider clock, TenantScope scope,
    IHostEnvironment environment, ILogger<PasswordSignIn> logger)
{
    /// <summary>What a refused person reads, whatever the reason (but <see cref="TooOften"/>).</summary>
    public const string Refused =
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do nhập sai nhiều lần " +
        "(thử lại sau 15 phút hoặc liên hệ quản trị).";

    /// <summary>What a person reads when the name was tried too often this minute.</summary>
    public const string TooOften = "Tài khoản này vừa được thử đăng nhập quá nhiều lần; vui lòng thử lại sau một phút.";

    /// <summary>What a person reads for <paramref name="check"/>, a refusal.</summary>
    public static string Reason(PasswordCheck check) => check == PasswordCheck.Throttled ? TooOften : Refused;

    private static readonly UserAccount Nobody = new() { UserName = "-", DisplayName = "-", Role = "-" };
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<UserAccount>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<(PasswordCheck Check, UserAccount? User)> CheckAsync(
        string? userName, string? password, string address, CancellationToken cancellationToken)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (!attempts.TryAttempt(name))
        {
            logger.LogWarning("Sign-in on {UserName} refused without checking: over {Limit} attempts this minute", name, SignInAttempts.PerMinute);
            return (PasswordCheck.Throttled, null);
        }
        scope.SetAllTenants(); // signing in happens before any tenant is known
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = (await db.Users
            .FromSql($"SELECT * FROM identity.users WHERE user_name = {name} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        var now = clock.GetUtcNow();
        var lockout = user is null ? null : await db.SignInLockouts.SingleOrDefaultAsync(l => l.UserId == user.Id && l.Address == address, cancellationToken);
        if (user is null || user.DisabledAt is not null || lockout?.IsLockedAt(now) == true)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password ?? "");
            if (user?.DisabledAt is not null)
                logger.LogInformation("Sign-in refused: account {UserName} is disabled since {DisabledAt}", user.UserName, user.DisabledAt);
            return (user is null ? PasswordCheck.Invalid : user.DisabledAt is not null ? PasswordCheck.Disabled : PasswordCheck.LockedOut, user);
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        var check = PasswordCheck.Success;
        if (result == PasswordVerificationResult.Failed)
        {
            if (lockout is null)
                db.SignInLockouts.Add(lockout = new SignInLockout { UserId = user.Id, Address = address });
            lockout.RecordFailure(now);
            check = lockout.IsLockedAt(now) ? PasswordCheck.LockedOut : PasswordCheck.Invalid;
            if (check == PasswordCheck.LockedOut)
            {
                logger.LogWarning("Account {UserName} locked for {Address} until {LockedUntil} after {Attempts} wrong passwords from there",
                    user.UserName, address, lockout.LockedUntil, Lockout.MaxFailedSignIns);
            }
        }
        else if (!environment.IsDevelopment() && password == DemoData.Password)
        {
            logger.LogError(
                "Sign-in refused: account {UserName} still has the demo data's public password, which is refused in {Environment}. " +
                "An administrator sets it a new password (docs/operations.md, \"Production\")", user.UserName, environment.EnvironmentName);
            return (PasswordCheck.DemoPassword, user);
        }
        else
        {
            if (result == PasswordVerificationResult.SuccessRehashNeeded)
                user.PasswordHash = hasher.HashPassword(user, password!);
            if (lockout is not null)
                db.SignInLockouts.Remove(lockout);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (check, user);
    }
}
