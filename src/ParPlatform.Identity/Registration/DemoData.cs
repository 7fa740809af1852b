using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ParPlatform.Contracts.Identity;
using ParPlatform.Identity.Data;
using ParPlatform.Identity.Domain;
using ParPlatform.Identity.Tokens;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Registration;

/// <summary>
/// The demonstration registry `./build.sh run` starts with (Identity:DemoData=true, <see cref="IdentityServiceOptions.DemoData"/>, set by the
/// AppHost in Development): Lạng Sơn with three units, Lâm Đồng with one, each unit's four
/// agencies, a user per role and an integrator client, with development passwords that are
/// printed at start-up and written in the README. Created once; units are published like any other.
/// The unit codes are illustrative.
/// </summary>
internal sealed class DemoData(IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, ILogger<DemoData> logger) : IHostedService
{
    public const string Password = "ParPlatform@2026";
    public const string IntegratorSecret = "langson-demo-secret-2026";

    private static readonly (string Code, string Name)[] Provinces = [("20", "Lạng Sơn"), ("68", "Lâm Đồng")];

    private static readonly (string Code, string Name, UnitKind Kind, string Province)[] Units =
    [
        ("06112", "Phường Tam Thanh", UnitKind.Ward, "20"),
        ("06118", "Phường Lương Văn Tri", UnitKind.Ward, "20"),
        ("06181", "Xã Chi Lăng", UnitKind.Commune, "20"),
        ("24778", "Phường Xuân Hương – Đà Lạt", UnitKind.Ward, "68"),
    ];

    /// <summary>Every demo unit's bodies: its four agencies (seed 000's), and the other bodies its plans name as leads ({0}: phường, xã).</summary>
    private static readonly (string Code, string Name, AgencyKind Kind)[] Agencies =
    [
        ("van-phong", "Văn phòng HĐND và UBND", AgencyKind.Administrative),
        ("kinh-te", "Phòng Kinh tế, Hạ tầng và Đô thị", AgencyKind.Administrative),
        ("van-hoa-xa-hoi", "Phòng Văn hóa – Xã hội", AgencyKind.Administrative),
        ("hanh-chinh-cong", "Trung tâm Phục vụ hành chính công", AgencyKind.Administrative),
        ("cong-an", "Công an {0}", AgencyKind.Police),
        ("ban-chi-dao-cchc", "Ban Chỉ đạo cải cách hành chính", AgencyKind.SteeringCommittee),
        ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam", AgencyKind.FatherlandFront),
    ];

    private static readonly (string UserName, string DisplayName, string Role, string? Unit, string? Agency, string? Province)[] Users =
    [
        ("admin", "Quản trị nền tảng", PlatformRoles.PlatformAdmin, null, null, null),
        ("vanhanh", "Vận hành nền tảng", PlatformRoles.Operator, null, null, null),
        ("tamthanh.canbo", "Cán bộ Phòng Văn hóa – Xã hội, Tam Thanh", PlatformRoles.UnitOfficer, "06112", "van-hoa-xa-hoi", null),
        ("tamthanh.chutich", "Chủ tịch UBND phường Tam Thanh", PlatformRoles.UnitChairman, "06112", null, null),
        ("chilang.canbo", "Cán bộ Văn phòng HĐND và UBND, Chi Lăng", PlatformRoles.UnitOfficer, "06181", "van-phong", null),
        ("luongvantri.canbo", "Cán bộ Văn phòng HĐND và UBND, Lương Văn Tri", PlatformRoles.UnitOfficer, "06118", "van-phong", null),
        ("langson.sonoivu", "Sở Nội vụ Lạng Sơn", PlatformRoles.ProvinceReviewer, null, null, "20"),
        ("lamdong.sonoivu", "Sở Nội vụ Lâm Đồng", PlatformRoles.ProvinceReviewer, null, null, "68"),
    ];

    private const string IntegratorClientId = "langson-integrator";
    private const string IntegratorName = "Hệ thống thông tin giải quyết TTHC tỉnh Lạng Sơn";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoData)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantScope>().SetAllTenants();
        var db = services.GetRequiredService<IdentityDbContext>();
        if (!await db.Provinces.AnyAsync(p => p.ProvinceCode == Provinces[0].Code, cancellationToken))
            await CreateAsync(db, services, cancellationToken);
        logger.LogInformation("{Accounts}", Describe());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task CreateAsync(IdentityDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var hasher = services.GetRequiredService<IPasswordHasher<UserAccount>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var provinces = Provinces.Select(p => new Province { ProvinceCode = p.Code, Name = p.Name, RegisteredAt = now }).ToDictionary(p => p.ProvinceCode);
        db.Provinces.AddRange(provinces.Values);
        foreach (var (code, name, kind, province) in Units)
        {
            var unit = Unit.Register(code, provinces[province], name, kind, now);
            db.Units.Add(unit);
            foreach (var (agency, agencyName, agencyKind) in Agencies)
                db.Agencies.Add(Agency.Register(unit, agency, string.Format(CultureInfo.InvariantCulture, agencyName, kind == UnitKind.Commune ? "xã" : "phường"), agencyKind, now));
        }
        foreach (var (userName, displayName, role, unit, agency, province) in Users)
        {
            var user = new UserAccount
            {
                UserName = userName,
                DisplayName = displayName,
                Role = role,
                UnitCode = unit,
                AgencyCode = agency,
                ProvinceCode = province ?? Units.SingleOrDefault(u => u.Code == unit).Province,
                CreatedAt = now,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
        }
        var integrator = new IntegratorClient { ClientId = IntegratorClientId, DisplayName = IntegratorName, ProvinceCode = "20", RegisteredAt = now };
        db.Integrators.Add(integrator);
        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(
            Clients.Integrator(IntegratorClientId, IntegratorName, IntegratorSecret), cancellationToken);
        await services.GetRequiredService<IntegratorBroker>().CreateAsync(integrator, IntegratorSecret, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Demo accounts (Development only), password {Password} for every user; token: POST /connect/token with grant_type=password, client_id={Clients.ScriptsClientId}, scope=api");
        foreach (var (userName, _, role, unit, agency, province) in Users)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {userName,-18} {role,-18} {(unit is null ? "" : "unit " + unit)}{(agency is null ? "" : " agency " + agency)}{(province is null ? "" : "province " + province)}");
        text.Append(CultureInfo.InvariantCulture, $"  integrator client {IntegratorClientId} (province 20), secret {IntegratorSecret}: grant_type=client_credentials; " +
            $"broker user {Messaging.EventNames.IntegratorQueueOf(IntegratorClientId)} (same password), queue of that name, binding key 20.#");
        return text.ToString();
    }
}
