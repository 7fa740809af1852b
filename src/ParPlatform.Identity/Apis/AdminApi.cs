using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ParPlatform.Contracts.Identity;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Registration;
using ParPlatform.Identity.Tokens;
using ParPlatform.Messaging.Audit;
using ParPlatform.Messaging.Integrators;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;

namespace ParPlatform.Identity.Apis;

/// <summary>A unit; its kind is written "ward", "commune" or "special-zone", as in the events.</summary>
public sealed record UnitResponse(string Code, string Name, UnitKind Kind, string ProvinceCode, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt)
{
    public static UnitResponse From(Unit u) => new(u.UnitCode, u.Name, u.Kind, u.ProvinceCode, u.RegisteredAt, u.UpdatedAt);
}

public sealed record ProvinceResponse(string Code, string Name);

public sealed record UserResponse(
    Guid Id, string UserName, string DisplayName, string Role, string? UnitCode, string? AgencyCode, string? ProvinceCode, bool Locked, bool Disabled)
{
    /// <param name="locked">Locked out from some address now (<see cref="SignInLockout"/>).</param>
    public static UserResponse From(UserAccount u, bool locked) =>
        new(u.Id, u.UserName, u.DisplayName, u.Role, u.UnitCode, u.AgencyCode, u.ProvinceCode, locked, u.DisabledAt is not null);
}

/// <summary>
/// The new client's secret is shown once, here; only its hash is kept. With it come the client's broker account
/// (its password is the secret) and the keys to bind its queue with, where the platform manages the broker.
/// </summary>
public sealed record IntegratorResponse(
    string ClientId, string DisplayName, string? ProvinceCode, IReadOnlyList<string> UnitCodes, string? ClientSecret, IntegratorBrokerAccess? Broker = null);

/// <summary>An integrator client as the registry lists it: its scope, when it was registered and revoked; never a secret.</summary>
public sealed record IntegratorSummary(
    string ClientId, string DisplayName, string? ProvinceCode, IReadOnlyList<string> UnitCodes, DateTimeOffset RegisteredAt, DateTimeOffset? RevokedAt)
{
    public static IntegratorSummary From(IntegratorClient i) => new(i.ClientId, i.DisplayName, i.ProvinceCode, i.UnitCodes, i.RegisteredAt, i.RevokedAt);
}

/// <summary>
/// The registry, for platform administrators (operators read): provinces, units (each change
/// published as UnitRegistered / UnitUpdated through the outbox), user accounts and integrator
/// clients. Bad input is a 400 with field errors and writes nothing; a taken code is a 409. Each change
/// is recorded in the audit log (<see cref="AuditTrail"/>) by the save that makes it; passwords and
/// secrets never are, a reset or a rotation is recorded without values.
/// </summary>
public static class AdminApi
{
    /// <summary>/api/v1/admin (<see cref="IdentityApi.MapIdentityApi"/>): provinces, units, users and integrators.</summary>
    public static void MapRegistry(this RouteGroupBuilder admin)
    {
        admin.MapGet("/provinces", ListProvincesAsync).WithName("ListProvinces").WithSummary("The provinces, by code");
        admin.MapPost("/provinces", RegisterProvinceAsync).WithName("RegisterProvince").WithSummary("Registers a province")
            .ProducesProblem(StatusCodes.Status409Conflict);

        admin.MapGet("/units", ListUnitsAsync).WithName("ListUnits").WithSummary("A page of the units by code, of one province or all");
        admin.MapGet("/units/{code}", GetUnitAsync).WithName("GetUnit").WithSummary("A unit");
        admin.MapPost("/units", RegisterUnitAsync).WithName("RegisterUnit").WithSummary("Registers a unit in its province (published as UnitRegistered)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/units/{code}", UpdateUnitAsync).WithName("UpdateUnit").WithSummary("Renames a unit or changes its kind (published as UnitUpdated)");

        admin.MapGet("/users", ListUsersAsync).WithName("ListUsers").WithSummary("A page of the user accounts by user name, of one unit or all");
        admin.MapPost("/users", RegisterUserAsync).WithName("RegisterUser").WithSummary("Creates a user account with its role and unit or province")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/users/{userName}/unlock", UnlockUserAsync).WithName("UnlockUser").WithSummary("Unlocks an account locked out (from any address) after wrong passwords");
        admin.MapPut("/users/{userName}/password", SetUserPasswordAsync).WithName("SetUserPassword")
            .WithSummary("Sets an account's new password (and unlocks it)");
        admin.MapPost("/users/{userName}/disable", DisableUserAsync).WithName("DisableUser")
            .WithSummary("Takes an account's access away: no sign-in, its refresh tokens stop at once, its access token within 5 minutes");
        admin.MapPost("/users/{userName}/enable", EnableUserAsync).WithName("EnableUser").WithSummary("Gives a disabled account its access back");

        admin.MapGet("/integrators", ListIntegratorsAsync).WithName("ListIntegrators")
            .WithSummary("A page of the integrator clients by client id, revoked or not, or all; their scope, never a secret");
        admin.MapPost("/integrators", RegisterIntegratorAsync).WithName("RegisterIntegrator")
            .WithSummary("Registers an integrator client with its province or units and its broker account; the answer shows its secret once")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapPost("/integrators/{clientId}/secret", RotateIntegratorSecretAsync).WithName("RotateIntegratorSecret")
            .WithSummary("Gives an integrator client a new secret, shown once in the answer; the old one stops working at once, on the broker too")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapPost("/integrators/{clientId}/revoke", RevokeIntegratorAsync).WithName("RevokeIntegrator")
            .WithSummary("Revokes an integrator client: no new token from now on, its access token ends within 5 minutes; its broker account and queue go at once")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Ok<List<ProvinceResponse>>> ListProvincesAsync(IdentityDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Provinces.OrderBy(p => p.ProvinceCode).Select(p => new ProvinceResponse(p.ProvinceCode, p.Name)).ToListAsync(ct));

    private static async Task<Ok<Page<UnitResponse>>> ListUnitsAsync(IdentityDbContext db, string? provinceCode, int? page, int? pageSize, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking();
        if (provinceCode is not null)
            units = units.Where(u => u.ProvinceCode == provinceCode);
        var found = await units.OrderBy(u => u.UnitCode).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<UnitResponse>([.. found.Items.Select(UnitResponse.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetUnitAsync(IdentityDbContext db, string code, CancellationToken ct) =>
        await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.UnitCode == code, ct) is { } unit
            ? TypedResults.Ok(UnitResponse.From(unit))
            : ApiProblems.NotFound($"Không có đơn vị mã {code}.");

    private static async Task<Ok<Page<UserResponse>>> ListUsersAsync(
        IdentityDbContext db, TimeProvider clock, string? unitCode, int? page, int? pageSize, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (unitCode is not null)
            users = users.Where(u => u.UnitCode == unitCode);
        var found = await users.OrderBy(u => u.UserName).ToPageAsync(page, pageSize, ct);
        var ids = found.Items.Select(u => u.Id).ToList();
        var now = clock.GetUtcNow();
        var locked = (await db.SignInLockouts.Where(l => ids.Contains(l.UserId) && l.LockedUntil > now).Select(l => l.UserId).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(new Page<UserResponse>([.. found.Items.Select(u => UserResponse.From(u, locked.Contains(u.Id)))], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<Ok<Page<IntegratorSummary>>> ListIntegratorsAsync(
        IdentityDbContext db, bool? revoked, int? page, int? pageSize, CancellationToken ct)
    {
        var integrators = db.Integrators.AsNoTracking();
        if (revoked is { } wanted)
            integrators = integrators.Where(i => (i.RevokedAt != null) == wanted);
        var found = await integrators.OrderBy(i => i.ClientId).ToPageAsync(page, pageSize, ct);
        return TypedResults.Ok(new Page<IntegratorSummary>([.. found.Items.Select(IntegratorSummary.From)], found.PageNumber, found.PageSize, found.Total));
    }

    private static async Task<bool> IsLockedAsync(IdentityDbContext db, UserAccount user, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.SignInLockouts.AnyAsync(l => l.UserId == user.Id && l.LockedUntil > now, ct);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UnlockUserAsync(
        IdentityDbContext db, string userName, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return ApiProblems.NotFound($"Không có tài khoản {userName}.");
        var locked = await IsLockedAsync(db, user, clock, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SignInLockouts.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        audit.Record(caller, "user.unlocked", user.UserName, new { locked }, new { locked = false }, user.UnitCode, user.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, locked: false));
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetUserPasswordAsync(
        string userName, SetPassword request, IdentityDbContext db, IPasswordHasher<UserAccount> hasher, ClaimsPrincipal caller, AuditTrail audit,
        CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return ApiProblems.NotFound($"Không có tài khoản {userName}.");
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        audit.Record(caller, "user.password-reset", user.UserName, before: null, after: null, user.UnitCode, user.ProvinceCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.SignInLockouts.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, locked: false));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> DisableUserAsync(
        string userName, IdentityDbContext db, IOpenIddictTokenManager tokens, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return ApiProblems.NotFound($"Không có tài khoản {userName}.");
        var before = Audited(user);
        user.Disable(clock.GetUtcNow());
        audit.Record(caller, "user.disabled", user.UserName, before, Audited(user), user.UnitCode, user.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), ct); // its refresh tokens and codes
        return TypedResults.Ok(UserResponse.From(user, await IsLockedAsync(db, user, clock, ct)));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> EnableUserAsync(
        string userName, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
            return ApiProblems.NotFound($"Không có tài khoản {userName}.");
        var before = Audited(user);
        user.Enable();
        audit.Record(caller, "user.enabled", user.UserName, before, Audited(user), user.UnitCode, user.ProvinceCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserResponse.From(user, await IsLockedAsync(db, user, clock, ct)));
    }

    private static async Task<Results<Ok<IntegratorResponse>, ProblemHttpResult>> RevokeIntegratorAsync(
        string clientId, IdentityDbContext db, IOpenIddictApplicationManager applications, IntegratorBroker broker, ClaimsPrincipal caller,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var integrator = await db.Integrators.SingleOrDefaultAsync(i => i.ClientId == clientId, ct);
        if (integrator is null)
            return ApiProblems.NotFound($"Không có ứng dụng tích hợp {clientId}.");
        // Its broker account first (its connections close): if the broker cannot be reached, nothing is revoked yet.
        try
        {
            await broker.DeleteAsync(integrator, ct);
        }
        catch (Exception e) when (IntegratorBroker.IsUnavailable(e, ct))
        {
            return BrokerUnavailable(e);
        }
        // The OAuth client goes (no token from now on); the registry keeps the record of who it was and when it ended.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await applications.FindByClientIdAsync(clientId, ct) is { } application)
            await applications.DeleteAsync(application, ct);
        var before = Audited(integrator);
        integrator.RevokedAt ??= clock.GetUtcNow();
        audit.Record(caller, "integrator.revoked", integrator.ClientId, before, Audited(integrator), provinceCode: integrator.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new IntegratorResponse(integrator.ClientId, integrator.DisplayName, integrator.ProvinceCode, integrator.UnitCodes, null));
    }

    private static async Task<Results<Ok<IntegratorResponse>, ProblemHttpResult>> RotateIntegratorSecretAsync(
        string clientId, IdentityDbContext db, IOpenIddictApplicationManager applications, IntegratorBroker broker, ClaimsPrincipal caller,
        AuditTrail audit, CancellationToken ct)
    {
        var integrator = await db.Integrators.AsNoTracking().SingleOrDefaultAsync(i => i.ClientId == clientId && i.RevokedAt == null, ct);
        if (integrator is null || await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return ApiProblems.NotFound($"Không có ứng dụng tích hợp {clientId}.");
        var secret = Passwords.Generate(40);
        IntegratorBrokerAccess? access;
        try
        {
            access = await broker.CreateAsync(integrator, secret, ct);
        }
        catch (Exception e) when (IntegratorBroker.IsUnavailable(e, ct))
        {
            return BrokerUnavailable(e);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.UpdateAsync(application, secret, ct);
        audit.Record(caller, "integrator.secret-rotated", integrator.ClientId, before: null, after: null, provinceCode: integrator.ProvinceCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new IntegratorResponse(integrator.ClientId, integrator.DisplayName, integrator.ProvinceCode, integrator.UnitCodes, secret, access));
    }

    private static ProblemHttpResult BrokerUnavailable(Exception e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Không cập nhật được tài khoản RabbitMQ của ứng dụng tích hợp; chưa có gì thay đổi, hãy thử lại.", detail: e.Message);

    private static async Task<Results<Created<ProvinceResponse>, ValidationProblem, ProblemHttpResult>> RegisterProvinceAsync(
        RegisterProvince request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await db.Provinces.AnyAsync(p => p.ProvinceCode == request.Code, ct))
            return ApiProblems.Conflict($"Tỉnh mã {request.Code} đã có trong danh mục.");
        var province = new Province { ProvinceCode = request.Code!, Name = request.Name!.Trim(), RegisteredAt = clock.GetUtcNow() };
        db.Provinces.Add(province);
        audit.Record(caller, "province.registered", province.ProvinceCode, before: null, new { province.Name }, provinceCode: province.ProvinceCode);
        return await db.TrySaveNewAsync(ct)
            ? TypedResults.Created($"/api/v1/admin/provinces/{request.Code}", new ProvinceResponse(request.Code!, request.Name.Trim()))
            : ApiProblems.Conflict($"Tỉnh mã {request.Code} đã có trong danh mục.");
    }

    private static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> RegisterUnitAsync(
        RegisterUnit request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        var province = errors.Any ? null : await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.ProvinceCode == request.ProvinceCode, ct);
        if (!errors.Any && province is null)
            errors.Add("provinceCode", $"Chưa có tỉnh mã {request.ProvinceCode} trong danh mục; đăng ký tỉnh trước.");
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await db.Units.AnyAsync(u => u.UnitCode == request.Code, ct))
            return ApiProblems.Conflict($"Đơn vị mã {request.Code} đã được đăng ký.");

        var unit = Unit.Register(request.Code!, province!, request.Name!.Trim(), EnumNames.Parse<UnitKind>(request.Kind)!.Value, clock.GetUtcNow());
        db.Units.Add(unit);
        audit.Record(caller, "unit.registered", unit.UnitCode, before: null, Audited(unit), unit.UnitCode, unit.ProvinceCode);
        return await db.TrySaveNewAsync(ct)
            ? TypedResults.Created($"/api/v1/admin/units/{unit.UnitCode}", UnitResponse.From(unit))
            : ApiProblems.Conflict($"Đơn vị mã {request.Code} đã được đăng ký.");
    }

    private static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> UpdateUnitAsync(
        string code, UpdateUnit request, IdentityDbContext db, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.UnitCode == code, ct);
        if (unit is null)
            return ApiProblems.NotFound($"Không có đơn vị mã {code}.");
        var errors = request.Validate();
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        var province = await db.Provinces.AsNoTracking().SingleAsync(p => p.ProvinceCode == unit.ProvinceCode, ct);
        var before = Audited(unit);
        unit.Change(request.Name!.Trim(), EnumNames.Parse<UnitKind>(request.Kind)!.Value, province, clock.GetUtcNow());
        audit.Record(caller, "unit.updated", unit.UnitCode, before, Audited(unit), unit.UnitCode, unit.ProvinceCode);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitResponse.From(unit));
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> RegisterUserAsync(
        RegisterUser request, IdentityDbContext db, IPasswordHasher<UserAccount> hasher, ClaimsPrincipal caller, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = request.Validate();
        string? provinceCode = request.ProvinceCode;
        if (!errors.Any && request.UnitCode is not null)
        {
            provinceCode = await db.Units.Where(u => u.UnitCode == request.UnitCode).Select(u => u.ProvinceCode).SingleOrDefaultAsync(ct);
            if (provinceCode is null)
                errors.Add("unitCode", $"Chưa có đơn vị mã {request.UnitCode}.");
            else if (request.AgencyCode is not null &&
                     !await db.Agencies.AnyAsync(a => a.UnitCode == request.UnitCode && a.Code == request.AgencyCode, ct))
                errors.Add("agencyCode", $"Đơn vị {request.UnitCode} không có cơ quan mã {request.AgencyCode}.");
        }
        else if (!errors.Any && provinceCode is not null && !await db.Provinces.AnyAsync(p => p.ProvinceCode == provinceCode, ct))
        {
            errors.Add("provinceCode", $"Chưa có tỉnh mã {provinceCode} trong danh mục.");
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, ct))
            return ApiProblems.Conflict($"Tên đăng nhập {request.UserName} đã được dùng.");

        var user = new UserAccount
        {
            UserName = request.UserName!,
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!,
            UnitCode = request.UnitCode,
            AgencyCode = request.AgencyCode,
            ProvinceCode = provinceCode,
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        audit.Record(caller, "user.registered", user.UserName, before: null, Audited(user), user.UnitCode, user.ProvinceCode);
        return await db.TrySaveNewAsync(ct)
            ? TypedResults.Created($"/api/v1/admin/users?unitCode={user.UnitCode}", UserResponse.From(user, locked: false))
            : ApiProblems.Conflict($"Tên đăng nhập {request.UserName} đã được dùng.");
    }

    private static async Task<Results<Created<IntegratorResponse>, ValidationProblem, ProblemHttpResult>> RegisterIntegratorAsync(
        RegisterIntegrator request, IdentityDbContext db, IOpenIddictApplicationManager applications, IntegratorBroker broker, ClaimsPrincipal caller,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        if (!errors.Any && request.ProvinceCode is not null && !await db.Provinces.AnyAsync(p => p.ProvinceCode == request.ProvinceCode, ct))
            errors.Add("provinceCode", $"Chưa có tỉnh mã {request.ProvinceCode} trong danh mục.");
        if (!errors.Any && request.UnitCodes is { Count: > 0 } codes)
        {
            var known = await db.Units.Where(u => codes.Contains(u.UnitCode)).Select(u => u.UnitCode).ToListAsync(ct);
            foreach (var missing in codes.Except(known))
                errors.Add("unitCodes", $"Chưa có đơn vị mã {missing}.");
        }
        if (errors.Any)
            return ApiProblems.Invalid(errors);
        if (await applications.FindByClientIdAsync(request.ClientId!, ct) is not null)
            return ApiProblems.Conflict($"Ứng dụng {request.ClientId} đã được đăng ký.");

        var secret = Passwords.Generate(40);
        var integrator = new IntegratorClient
        {
            ClientId = request.ClientId!,
            DisplayName = request.DisplayName!.Trim(),
            ProvinceCode = request.ProvinceCode,
            UnitCodes = [.. (request.UnitCodes ?? []).Distinct().Order(StringComparer.Ordinal)],
            RegisteredAt = clock.GetUtcNow(),
        };
        // The client (secret) and its scope are written together or not at all; its broker account is created once
        // they are (a concurrent registration of the same client waits, then conflicts), before they are committed.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await applications.CreateAsync(Clients.Integrator(integrator.ClientId, integrator.DisplayName, secret), ct);
            db.Integrators.Add(integrator);
            audit.Record(caller, "integrator.registered", integrator.ClientId, before: null, Audited(integrator), provinceCode: integrator.ProvinceCode);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is OpenIddictExceptions.ValidationException || (e is DbUpdateException && ApiProblems.IsUniqueViolation(e)))
        {
            // Registered by a concurrent request since our check.
            return ApiProblems.Conflict($"Ứng dụng {request.ClientId} đã được đăng ký.");
        }
        IntegratorBrokerAccess? access;
        try
        {
            access = await broker.CreateAsync(integrator, secret, ct);
        }
        catch (Exception e) when (IntegratorBroker.IsUnavailable(e, ct))
        {
            return BrokerUnavailable(e);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/admin/integrators/{integrator.ClientId}",
            new IntegratorResponse(integrator.ClientId, integrator.DisplayName, integrator.ProvinceCode, integrator.UnitCodes, secret, access));
    }

    // What the audit log shows of each entity: never a password hash or a secret.
    private static object Audited(Unit unit) => new { unit.Name, unit.Kind, unit.ProvinceCode };

    private static object Audited(UserAccount user) =>
        new { user.DisplayName, user.Role, user.UnitCode, user.AgencyCode, user.ProvinceCode, Disabled = user.DisabledAt is not null };

    private static object Audited(IntegratorClient integrator) =>
        new { integrator.DisplayName, integrator.ProvinceCode, integrator.UnitCodes, Revoked = integrator.RevokedAt is not null };
}
