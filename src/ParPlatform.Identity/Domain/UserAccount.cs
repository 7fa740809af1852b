namespace ParPlatform.Identity.Domain;

/// <summary>
/// A person who signs in. A unit officer or chairman belongs to one unit (an officer also to one
/// of its agencies); a province reviewer to one province; administrators and operators to none.
/// Tenant-owned row (row-level security by its unit or province).
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-case sign-in name, unique on the platform.</summary>
    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>One of PlatformRoles.UserRoles.</summary>
    public required string Role { get; init; }

    public string? UnitCode { get; init; }

    public string? ProvinceCode { get; init; }

    public string? AgencyCode { get; init; }

    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an administrator took the account's access away; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Takes the account's access away (an administrator); it stays in the registry, and may be enabled again.</summary>
    public void Disable(DateTimeOffset at) => DisabledAt ??= at;

    public void Enable() => DisabledAt = null;
}

/// <summary>
/// Wrong passwords on one account from one client address: the <see cref="Lockout.MaxFailedSignIns"/>th in a row locks
/// the account for that address for <see cref="Lockout.Duration"/>. Other addresses are not locked, so guessing from
/// elsewhere cannot lock anyone — an administrator included — out for good. A successful sign-in from the address, or
/// an administrator's unlock, ends it.
/// </summary>
public sealed class SignInLockout
{
    public Guid UserId { get; init; }

    /// <summary>The client address the wrong passwords came from, as the gateway saw it.</summary>
    public required string Address { get; init; }

    /// <summary>Wrong passwords in a row since the last lock.</summary>
    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; the <see cref="Lockout.MaxFailedSignIns"/>th in a row locks the address out.</summary>
    public void RecordFailure(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= Lockout.MaxFailedSignIns)
        {
            LockedUntil = now + Lockout.Duration;
            FailedSignIns = 0;
        }
    }
}

/// <summary>How repeated wrong passwords lock an account.</summary>
public static class Lockout
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
