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

    /// <summary>Wrong passwords in a row since the last successful sign-in or lockout.</summary>
    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an administrator took the account's access away; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>May sign in, and have its refresh tokens and sign-in session honoured, at <paramref name="now"/>.</summary>
    public bool MaySignInAt(DateTimeOffset now) => DisabledAt is null && !IsLockedAt(now);

    /// <summary>Takes the account's access away (an administrator); it stays in the registry, and may be enabled again.</summary>
    public void Disable(DateTimeOffset at) => DisabledAt ??= at;

    public void Enable() => DisabledAt = null;

    /// <summary>
    /// Counts a wrong password; the <see cref="Lockout.MaxFailedSignIns"/>th in a row locks the
    /// account for <see cref="Lockout.Duration"/>.
    /// </summary>
    public void RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= Lockout.MaxFailedSignIns)
        {
            LockedUntil = now + Lockout.Duration;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }
}

/// <summary>How repeated wrong passwords lock an account.</summary>
public static class Lockout
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
