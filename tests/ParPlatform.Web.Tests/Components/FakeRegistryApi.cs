using System.Net;
using ParPlatform.ServiceDefaults;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// The registry as the administrator's pages see it: provinces, units, accounts and calendar years to read; each write recorded, and
/// answered or refused (<see cref="Refusal"/>, a real Refit exception of a ProblemDetails body) as the service would.
/// </summary>
internal sealed class FakeRegistryApi : IRegistryApi
{
    public List<RegistryProvince> Provinces { get; } = [new("20", "Lạng Sơn"), new("68", "Lâm Đồng")];

    public List<RegistryUnit> Units { get; } = [Unit("06112", "Phường Tam Thanh")];

    public List<RegistryUser> Users { get; } = [];

    public List<CalendarYear> Years { get; } = [];

    /// <summary>The ProblemDetails the next writes are refused with (a 400); none to accept them.</summary>
    public object? Refusal { get; set; }

    public List<string> Calls { get; } = [];

    public static RegistryUnit Unit(string code, string name) =>
        new(code, name, "ward", "20", new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero));

    public static RegistryUser User(string userName, bool locked = false, bool disabled = false) =>
        new(Guid.CreateVersion7(), userName, "Cán bộ thử", "unit-officer", "06112", "van-phong", "20", locked, disabled);

    private Task<T> WriteAsync<T>(string call, T answer)
    {
        Calls.Add(call);
        return Refusal is { } problem ? Refusals.ThrowAsync<T>(HttpStatusCode.BadRequest, problem) : Task.FromResult(answer);
    }

    public Task<IReadOnlyList<RegistryProvince>> ProvincesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RegistryProvince>>(Provinces);

    public Task<RegistryProvince> RegisterProvinceAsync(NewProvince province, CancellationToken cancellationToken) =>
        WriteAsync($"province {province.Code} {province.Name}", new RegistryProvince(province.Code!, province.Name!));

    public Task<Page<RegistryUnit>> UnitsAsync(string? provinceCode, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        Calls.Add($"units {provinceCode} {page} {pageSize}");
        List<RegistryUnit> found = [.. Units.Where(u => provinceCode is null || u.ProvinceCode == provinceCode)];
        var (number, size) = (page ?? 1, pageSize ?? 20);
        return Task.FromResult(new Page<RegistryUnit>([.. found.Skip((number - 1) * size).Take(size)], number, size, found.Count));
    }

    public Task<RegistryUnit> RegisterUnitAsync(NewUnit unit, CancellationToken cancellationToken) =>
        WriteAsync($"register unit {unit.Code} {unit.Name} {unit.Kind} {unit.ProvinceCode}", Unit(unit.Code ?? "", unit.Name ?? ""));

    public Task<RegistryUnit> UpdateUnitAsync(string code, UnitChange change, CancellationToken cancellationToken) =>
        WriteAsync($"update unit {code} {change.Name} {change.Kind}", Unit(code, change.Name ?? ""));

    public List<Agency> Agencies { get; } = [new(Guid.CreateVersion7(), "van-phong", "Văn phòng HĐND và UBND", "administrative", "06112")];

    public Task<IReadOnlyList<Agency>> AgenciesAsync(string unitCode, CancellationToken cancellationToken)
    {
        Calls.Add($"agencies {unitCode}");
        return Task.FromResult<IReadOnlyList<Agency>>([.. Agencies.Where(a => a.UnitCode == unitCode)]);
    }

    public Task<Agency> RegisterAgencyAsync(string unitCode, NewAgency agency, CancellationToken cancellationToken) =>
        WriteAsync($"register agency {unitCode} {agency.Code} {agency.Name} {agency.Kind}", new Agency(Guid.CreateVersion7(), agency.Code ?? "", agency.Name ?? "", agency.Kind ?? "", unitCode));

    public Task<Agency> UpdateAgencyAsync(string unitCode, string code, AgencyChange change, CancellationToken cancellationToken) =>
        WriteAsync($"update agency {unitCode} {code} {change.Name} {change.Kind}", new Agency(Guid.CreateVersion7(), code, change.Name ?? "", change.Kind ?? "", unitCode));

    public Task<Page<RegistryUser>> UsersAsync(string? unitCode, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        Calls.Add($"users {unitCode} {page} {pageSize}");
        return Task.FromResult(new Page<RegistryUser>(Users, page ?? 1, pageSize ?? 20, Users.Count));
    }

    public Task<RegistryUser> RegisterUserAsync(NewUser user, CancellationToken cancellationToken) =>
        WriteAsync($"register user {user.UserName} {user.Role} unit={user.UnitCode} agency={user.AgencyCode} province={user.ProvinceCode}", User(user.UserName ?? ""));

    public Task<RegistryUser> DisableUserAsync(string userName, CancellationToken cancellationToken) => WriteAsync($"disable {userName}", User(userName, disabled: true));

    public Task<RegistryUser> EnableUserAsync(string userName, CancellationToken cancellationToken) => WriteAsync($"enable {userName}", User(userName));

    public Task<RegistryUser> UnlockUserAsync(string userName, CancellationToken cancellationToken) => WriteAsync($"unlock {userName}", User(userName));

    public Task<RegistryUser> SetPasswordAsync(string userName, NewPassword password, CancellationToken cancellationToken) =>
        WriteAsync($"password {userName} {password.Password}", User(userName));

    public List<IntegratorSummary> Integrators { get; } =
    [
        new("langson-integrator", "Hệ thống của tỉnh Lạng Sơn", "20", [], new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero), null),
        new("tamthanh-cu", "Phần mềm cũ của Tam Thanh", null, ["06112", "06118"], new DateTimeOffset(2026, 1, 6, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 2, 1, 3, 0, 0, TimeSpan.Zero)),
    ];

    public Task<Page<IntegratorSummary>> IntegratorsAsync(bool? revoked, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        Calls.Add($"integrators {revoked} {page} {pageSize}");
        List<IntegratorSummary> found = [.. Integrators.Where(i => revoked is null || (i.RevokedAt is not null) == revoked)];
        return Task.FromResult(new Page<IntegratorSummary>(found, page ?? 1, pageSize ?? 20, found.Count));
    }

    public Task<Integrator> RegisterIntegratorAsync(NewIntegrator integrator, CancellationToken cancellationToken) =>
        WriteAsync($"register integrator {integrator.ClientId} province={integrator.ProvinceCode} units={string.Join(",", integrator.UnitCodes ?? [])}",
            new Integrator(integrator.ClientId ?? "", integrator.DisplayName ?? "", integrator.ProvinceCode, integrator.UnitCodes ?? [], "bi-mat-moi-1"));

    public Task<Integrator> RotateIntegratorSecretAsync(string clientId, CancellationToken cancellationToken) =>
        WriteAsync($"rotate {clientId}", new Integrator(clientId, "Ứng dụng", "20", [], "bi-mat-moi-2"));

    public Task<Integrator> RevokeIntegratorAsync(string clientId, CancellationToken cancellationToken) =>
        WriteAsync($"revoke {clientId}", new Integrator(clientId, "Ứng dụng", "20", [], null));

    public Task<IReadOnlyList<CalendarYear>> CalendarYearsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CalendarYear>>(Years);

    public Task<CalendarYear> SetCalendarYearAsync(int year, CalendarYearInput input, CancellationToken cancellationToken) =>
        WriteAsync($"calendar {year} off={string.Join(",", input.DaysOff)} make-up={string.Join(",", input.MakeUpWorkingDays)}",
            new CalendarYear(year, [.. input.DaysOff.Select(DateOnly.Parse)], [.. input.MakeUpWorkingDays.Select(DateOnly.Parse)], DateTimeOffset.UtcNow, "admin"));
}
