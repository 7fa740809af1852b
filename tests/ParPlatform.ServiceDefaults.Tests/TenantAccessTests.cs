using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults.Tests;

/// <summary>
/// The access rule as a table: every role against every kind of route, reading and writing.
/// A cell is two letters, read then write: A = Allow, F = Forbidden (403), N = NotFound (404).
/// </summary>
public sealed class TenantAccessTests
{
    /// <summary>Unit routes with the province the unit registry knows them in (null: not registered).</summary>
    private static readonly Dictionary<string, (TenantRoute Route, string? UnitProvince)> Routes = new()
    {
        ["unit 06112 (20)"] = (Route("/api/v1/units/06112/plans/status"), "20"),
        ["unit 06181 (20)"] = (Route("/api/v1/units/06181/dossiers/status"), "20"),
        ["unit 24778 (68)"] = (Route("/api/v1/units/24778/finance/budgets"), "68"),
        ["unit 99999 (unregistered)"] = (Route("/api/v1/units/99999/plans/status"), null),
        ["province 20"] = (Route("/api/v1/provinces/20/reports/statistics"), null),
        ["province 68"] = (Route("/api/v1/provinces/68/reports/statistics"), null),
        ["admin"] = (Route("/api/v1/admin/units"), null),
        ["admin messaging"] = (Route("/api/v1/admin/messaging/error-queues/plans.unit-registered_error/replay"), null),
        ["account"] = (Route("/api/v1/account/password"), null),
        ["unknown"] = (Route("/api/v1/nothing"), null),
    };

    private static readonly Dictionary<string, Caller> Callers = new()
    {
        ["officer of 06112"] = new Caller(PlatformRoles.UnitOfficer, Units("06112"), "20", "someone"),
        ["chairman of 06112"] = new Caller(PlatformRoles.UnitChairman, Units("06112"), "20", "someone"),
        ["reviewer of 20"] = new Caller(PlatformRoles.ProvinceReviewer, Units(), "20", "someone"),
        ["reviewer of 68"] = new Caller(PlatformRoles.ProvinceReviewer, Units(), "68", "someone"),
        ["integrator of province 20"] = new Caller(PlatformRoles.Integrator, Units(), "20", "someone"),
        ["integrator of units [06181]"] = new Caller(PlatformRoles.Integrator, Units("06181"), null, "someone"),
        ["platform-admin"] = new Caller(PlatformRoles.PlatformAdmin, Units(), null, "someone"),
        ["operator"] = new Caller(PlatformRoles.Operator, Units(), null, "someone"),
    };

    /// <summary>The expected decisions, in the order of <see cref="RouteOrder"/>.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                                 06112 06181 24778 99999 p20 p68 admin messaging account unknown
        ["officer of 06112"]            = "AA    NN    NN    NN    FF  FF  FF    FF        AA      NN",
        ["chairman of 06112"]           = "AA    NN    NN    NN    FF  FF  FF    FF        AA      NN",
        ["reviewer of 20"]              = "AF    AF    NN    NN    AA  NN  FF    FF        AA      NN",
        ["reviewer of 68"]              = "NN    NN    AF    NN    NN  AA  FF    FF        AA      NN",
        ["integrator of province 20"]   = "AF    AF    NN    NN    AF  NN  FF    FF        FF      NN",
        ["integrator of units [06181]"] = "NN    AF    NN    NN    NN  NN  FF    FF        FF      NN",
        ["platform-admin"]              = "NN    NN    NN    NN    NN  NN  AA    AA        AA      NN",
        ["operator"]                    = "NN    NN    NN    NN    NN  NN  AF    AA        AA      NN",
    };

    private static readonly string[] RouteOrder =
        ["unit 06112 (20)", "unit 06181 (20)", "unit 24778 (68)", "unit 99999 (unregistered)", "province 20", "province 68", "admin", "admin messaging",
         "account", "unknown"];

    public static TheoryData<string, string, bool, AccessDecision> Matrix()
    {
        var data = new TheoryData<string, string, bool, AccessDecision>();
        foreach (var (caller, row) in Expected)
        {
            var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(RouteOrder.Length, cells.Length);
            for (var i = 0; i < RouteOrder.Length; i++)
            {
                data.Add(caller, RouteOrder[i], false, Decision(cells[i][0]));
                data.Add(caller, RouteOrder[i], true, Decision(cells[i][1]));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_gets_what_the_rule_says_on_each_route(string caller, string route, bool write, AccessDecision expected)
    {
        var (tenantRoute, unitProvince) = Routes[route];

        var decision = TenantAccess.Decide(Callers[caller], tenantRoute, write, unitProvince);

        Assert.Equal(expected, decision);
    }

    [Fact]
    public void The_matrix_covers_every_role_route_and_method_once()
    {
        var rows = Matrix().Select(row => ((string)row[0], (string)row[1], (bool)row[2])).ToList();

        Assert.Equal(Callers.Count * Routes.Count * 2, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(Callers.Keys.Order(), Expected.Keys.Order());
        Assert.Equal(Routes.Keys.Order(), RouteOrder.Order());
        Assert.Equal(8, Callers.Count);
        Assert.Equal(10, Routes.Count);
    }

    [Fact]
    public void An_officer_of_another_unit_gets_404_even_in_the_same_province()
    {
        var officer = Callers["officer of 06112"];

        Assert.Equal(AccessDecision.NotFound, TenantAccess.Decide(officer, Route("/api/v1/units/06181/plans/status"), write: false, unitProvince: "20"));
    }

    [Fact]
    public void A_chairman_writes_to_its_own_unit()
    {
        var chairman = Callers["chairman of 06112"];

        Assert.Equal(AccessDecision.Allow, TenantAccess.Decide(chairman, Route("/api/v1/units/06112/reports/2026-q1/sign"), write: true, unitProvince: "20"));
    }

    [Fact]
    public void A_token_without_a_province_is_not_of_an_unregistered_unit()
    {
        // Null province in the token and null province of the unit must not count as "the same province".
        var reviewer = new Caller(PlatformRoles.ProvinceReviewer, Units(), null, "someone");
        var integrator = new Caller(PlatformRoles.Integrator, Units(), null, "someone");
        var route = Route("/api/v1/units/99999/plans/status");

        Assert.Equal(AccessDecision.NotFound, TenantAccess.Decide(reviewer, route, write: false, unitProvince: null));
        Assert.Equal(AccessDecision.NotFound, TenantAccess.Decide(integrator, route, write: false, unitProvince: null));
    }

    [Fact]
    public void A_role_the_rule_does_not_know_sees_no_tenant()
    {
        var stranger = new Caller("auditor", Units("06112"), "20", "someone");

        Assert.Equal(AccessDecision.NotFound, TenantAccess.Decide(stranger, Route("/api/v1/units/06112/plans/status"), write: false, unitProvince: "20"));
        Assert.Equal(AccessDecision.NotFound, TenantAccess.Decide(stranger, Route("/api/v1/provinces/20/reports"), write: false, unitProvince: null));
        Assert.Equal(AccessDecision.Forbidden, TenantAccess.Decide(stranger, Route("/api/v1/admin/units"), write: false, unitProvince: null));
        Assert.Equal(AccessDecision.Forbidden, TenantAccess.Decide(stranger, Route("/api/v1/admin/messaging/error-queues"), write: false, unitProvince: null));
    }

    [Theory]
    [InlineData("reviewer of 20", "/api/v1/units/06112/plans/status", true)]
    [InlineData("reviewer of 20", "/api/v1/units/24778/plans/status", true)]
    [InlineData("reviewer of 68", "/api/v1/units/06112/plans/status", true)]
    [InlineData("integrator of province 20", "/api/v1/units/06112/plans/status", true)]
    [InlineData("officer of 06112", "/api/v1/units/06112/plans/status", false)]
    [InlineData("officer of 06112", "/api/v1/units/06181/plans/status", false)]
    [InlineData("chairman of 06112", "/api/v1/units/06181/plans/status", false)]
    [InlineData("platform-admin", "/api/v1/units/06112/plans/status", false)]
    [InlineData("operator", "/api/v1/units/06112/plans/status", false)]
    [InlineData("integrator of units [06181]", "/api/v1/units/06181/plans/status", false)]
    [InlineData("integrator of units [06181]", "/api/v1/units/06112/plans/status", false)]
    [InlineData("reviewer of 20", "/api/v1/provinces/20/reports", false)]
    [InlineData("integrator of province 20", "/api/v1/provinces/20/reports", false)]
    [InlineData("reviewer of 20", "/api/v1/admin/units", false)]
    [InlineData("reviewer of 20", "/api/v1/nothing", false)]
    public void Only_access_through_a_province_needs_the_unit_province(string caller, string path, bool expected)
    {
        Assert.Equal(expected, TenantAccess.NeedsUnitProvince(Callers[caller], Route(path)));
    }

    [Fact]
    public void An_integrator_scoped_by_province_and_units_needs_no_registry_for_its_listed_units()
    {
        var integrator = new Caller(PlatformRoles.Integrator, Units("24778"), "20", "someone");

        Assert.False(TenantAccess.NeedsUnitProvince(integrator, Route("/api/v1/units/24778/plans/status")));
        Assert.True(TenantAccess.NeedsUnitProvince(integrator, Route("/api/v1/units/06112/plans/status")));
        Assert.Equal(AccessDecision.Allow, TenantAccess.Decide(integrator, Route("/api/v1/units/24778/plans/status"), write: false, unitProvince: null));
    }

    [Theory]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    [InlineData("OPTIONS", false)]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    public void Reads_are_get_head_and_options(string method, bool write)
    {
        Assert.Equal(write, TenantAccess.IsWrite(method));
    }

    private static TenantRoute Route(string path) =>
        TenantRoute.Parse(path) ?? throw new InvalidOperationException($"{path} is not an API path");

    private static HashSet<string> Units(params string[] units) => new(units, StringComparer.Ordinal);

    private static AccessDecision Decision(char letter) => letter switch
    {
        'A' => AccessDecision.Allow,
        'F' => AccessDecision.Forbidden,
        'N' => AccessDecision.NotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "A, F or N"),
    };
}
