using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Tokens;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Apis;

/// <summary>The caller's own account (any person signed in): the name they read, and a change of password.</summary>
public sealed record OwnAccountResponse(string UserName, string DisplayName, string Role, string? UnitCode, string? AgencyCode, string? ProvinceCode);

/// <summary>/api/v1/account: the signed-in person's own account, found by their token's subject.</summary>
public static class OwnAccountApi
{
    public static void MapOwnAccount(this RouteGroupBuilder account)
    {
        account.MapGet("", GetAsync).WithName("GetOwnAccount").WithSummary("The signed-in person's own account");
        account.MapPut("/password", ChangePasswordAsync).WithName("ChangeOwnPassword")
            .WithSummary("Changes the signed-in person's password, given the current one (a wrong one counts towards the lockout)");
    }

    private static async Task<Results<Ok<OwnAccountResponse>, ProblemHttpResult>> GetAsync(ClaimsPrincipal principal, IdentityDbContext db, CancellationToken ct) =>
        await FindAsync(db, principal, ct) is { } user
            ? TypedResults.Ok(new OwnAccountResponse(user.UserName, user.DisplayName, user.Role, user.UnitCode, user.AgencyCode, user.ProvinceCode))
            : NoAccount;

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePassword request, ClaimsPrincipal principal, HttpContext http, IdentityDbContext db, PasswordSignIn passwords,
        IPasswordHasher<UserAccount> hasher, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await FindAsync(db, principal, ct) is not { } account)
            return NoAccount;
        // The same check as signing in: a wrong current password counts towards the lockout from the address, which then refuses it.
        var (check, user) = await passwords.CheckAsync(account.UserName, request.CurrentPassword, ClientAddress.Of(http), ct);
        if (check != PasswordCheck.Success)
            return ApiProblems.Invalid(errors.Add("currentPassword", PasswordSignIn.Reason(check)));
        user!.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoAccount => ApiProblems.NotFound("Tài khoản của phiên đăng nhập không còn trên nền tảng.");

    private static async Task<UserAccount?> FindAsync(IdentityDbContext db, ClaimsPrincipal principal, CancellationToken ct) =>
        Guid.TryParse(Caller.Of(principal).UserId, out var id) ? await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) : null;
}
