using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

public sealed record RegistryProvince(string Code, string Name);

/// <summary>A unit as the identity service answers it; its kind "ward", "commune" or "special-zone".</summary>
public sealed record RegistryUnit(string Code, string Name, string Kind, string ProvinceCode, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt);

public sealed record NewProvince(string? Code, string? Name);

public sealed record NewUnit(string? Code, string? Name, string? Kind, string? ProvinceCode);

public sealed record UnitChange(string? Name, string? Kind);

/// <summary>A body of a unit: an agency, a public service unit, a school, the police, a committee…; its kind by its API name.</summary>
public sealed record Agency(Guid Id, string Code, string Name, string Kind, string UnitCode);

public sealed record NewAgency(string? Code, string? Name, string? Kind);

public sealed record AgencyChange(string? Name, string? Kind);

/// <summary>A user account; locked out after wrong passwords, or disabled by an administrator.</summary>
public sealed record RegistryUser(
    Guid Id, string UserName, string DisplayName, string Role, string? UnitCode, string? AgencyCode, string? ProvinceCode, bool Locked, bool Disabled);

public sealed record NewUser(string? UserName, string? DisplayName, string? Role, string? Password, string? UnitCode, string? AgencyCode, string? ProvinceCode);

public sealed record NewPassword(string? Password);

/// <summary>An integrator client; its secret is in the answer once, when it is registered or given a new one.</summary>
public sealed record Integrator(string ClientId, string DisplayName, string? ProvinceCode, IReadOnlyList<string> UnitCodes, string? ClientSecret);

/// <summary>An integrator client as the registry lists it (never with its secret): its scope, when registered, when revoked.</summary>
public sealed record IntegratorSummary(
    string ClientId, string DisplayName, string? ProvinceCode, IReadOnlyList<string> UnitCodes, DateTimeOffset RegisteredAt, DateTimeOffset? RevokedAt);

public sealed record NewIntegrator(string? ClientId, string? DisplayName, string? ProvinceCode, IReadOnlyList<string>? UnitCodes);

/// <summary>A year of the working calendar: the weekdays off (public holidays and the days off around them) and the weekend days worked instead.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> MakeUpWorkingDays, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A year's days as written to the API (yyyy-MM-dd).</summary>
public sealed record CalendarYearInput(IReadOnlyList<string> DaysOff, IReadOnlyList<string> MakeUpWorkingDays);

/// <summary>The platform's registry, for administrators, through the gateway (the identity service's /api/v1/admin).</summary>
public interface IRegistryApi
{
    [Get("/api/v1/admin/provinces")]
    Task<IReadOnlyList<RegistryProvince>> ProvincesAsync(CancellationToken cancellationToken);

    [Post("/api/v1/admin/provinces")]
    Task<RegistryProvince> RegisterProvinceAsync([Body] NewProvince province, CancellationToken cancellationToken);

    [Get("/api/v1/admin/units")]
    Task<Page<RegistryUnit>> UnitsAsync(string? provinceCode, int? page, int? pageSize, CancellationToken cancellationToken);

    [Post("/api/v1/admin/units")]
    Task<RegistryUnit> RegisterUnitAsync([Body] NewUnit unit, CancellationToken cancellationToken);

    [Put("/api/v1/admin/units/{code}")]
    Task<RegistryUnit> UpdateUnitAsync(string code, [Body] UnitChange change, CancellationToken cancellationToken);

    [Get("/api/v1/admin/units/{unitCode}/agencies")]
    Task<IReadOnlyList<Agency>> AgenciesAsync(string unitCode, CancellationToken cancellationToken);

    [Post("/api/v1/admin/units/{unitCode}/agencies")]
    Task<Agency> RegisterAgencyAsync(string unitCode, [Body] NewAgency agency, CancellationToken cancellationToken);

    [Put("/api/v1/admin/units/{unitCode}/agencies/{code}")]
    Task<Agency> UpdateAgencyAsync(string unitCode, string code, [Body] AgencyChange change, CancellationToken cancellationToken);

    [Get("/api/v1/admin/users")]
    Task<Page<RegistryUser>> UsersAsync(string? unitCode, int? page, int? pageSize, CancellationToken cancellationToken);

    [Post("/api/v1/admin/users")]
    Task<RegistryUser> RegisterUserAsync([Body] NewUser user, CancellationToken cancellationToken);

    [Post("/api/v1/admin/users/{userName}/disable")]
    Task<RegistryUser> DisableUserAsync(string userName, CancellationToken cancellationToken);

    [Post("/api/v1/admin/users/{userName}/enable")]
    Task<RegistryUser> EnableUserAsync(string userName, CancellationToken cancellationToken);

    [Post("/api/v1/admin/users/{userName}/unlock")]
    Task<RegistryUser> UnlockUserAsync(string userName, CancellationToken cancellationToken);

    [Put("/api/v1/admin/users/{userName}/password")]
    Task<RegistryUser> SetPasswordAsync(string userName, [Body] NewPassword password, CancellationToken cancellationToken);

    /// <summary>A page of the integrator clients by client id: revoked ones, the others, or all.</summary>
    [Get("/api/v1/admin/integrators")]
    Task<Page<IntegratorSummary>> IntegratorsAsync(bool? revoked, int? page, int? pageSize, CancellationToken cancellationToken);

    [Post("/api/v1/admin/integrators")]
    Task<Integrator> RegisterIntegratorAsync([Body] NewIntegrator integrator, CancellationToken cancellationToken);

    [Post("/api/v1/admin/integrators/{clientId}/secret")]
    Task<Integrator> RotateIntegratorSecretAsync(string clientId, CancellationToken cancellationToken);

    [Post("/api/v1/admin/integrators/{clientId}/revoke")]
    Task<Integrator> RevokeIntegratorAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The configured years of the working calendar (the dossiers service's).</summary>
    [Get("/api/v1/admin/calendar/years")]
    Task<IReadOnlyList<CalendarYear>> CalendarYearsAsync(CancellationToken cancellationToken);

    [Put("/api/v1/admin/calendar/years/{year}")]
    Task<CalendarYear> SetCalendarYearAsync(int year, [Body] CalendarYearInput input, CancellationToken cancellationToken);
}
