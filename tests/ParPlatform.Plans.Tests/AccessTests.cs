using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ParPlatform.Contracts.Identity;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Domain;
using ParPlatform.TestSupport;
using static ParPlatform.Plans.Tests.PlansFixture;

namespace ParPlatform.Plans.Tests;

/// <summary>
/// Who may do what with plans, for every role (each case sends a request the rule lets through first, so a refusal is the
/// rule's and not a broken request); row-level security on every table; the registry's bodies kept from its events.
/// </summary>
public sealed class AccessTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private static PlanInput Plan() => SeedPlans.TamThanh() with { Targets = [], FromYear = 2030, ToYear = 2030 };

    [Fact]
    public async Task Every_role_on_a_unit_plan()
    {
        var path = PlanApi.UnitPlans(TamThanh);
        var plan = await plans.Officer(TamThanh).DraftAsync(path, Plan());
        HttpClient[] readers =
        [
            plans.Officer(TamThanh), plans.Chairman(TamThanh), plans.Reviewer(LangSon),
            plans.Bearer(("role", "integrator"), ("unit", TamThanh)), plans.Bearer(("role", "integrator"), ("province", LangSon)),
        ];
        HttpClient[] strangers =
        [
            plans.Officer(ChiLang), plans.Chairman(ChiLang), plans.Reviewer("68"), plans.Bearer(("role", "integrator"), ("unit", ChiLang)),
            plans.Bearer(("role", "platform-admin")), plans.Bearer(("role", "operator")),
        ];

        foreach (var reader in readers)
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{path}/{plan.Id}")).StatusCode);
        foreach (var stranger in strangers)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{path}/{plan.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(path, Plan(), PlanApi.Json)).StatusCode);
        }
        // Reviewers and integrators read a unit's plans, never write them; officers draft, only the chairman issues.
        Assert.Equal(HttpStatusCode.Forbidden, (await plans.Reviewer(LangSon).PostAsJsonAsync(path, Plan(), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readers[3].PostAsJsonAsync(path, Plan(), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await plans.Chairman(TamThanh).PostAsJsonAsync(path, Plan(), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await plans.Officer(TamThanh).PostAsJsonAsync($"{path}/{plan.Id}/issue", new IssueInput("1", new DateOnly(2030, 1, 2)), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await plans.Reviewer(LangSon).PostAsJsonAsync($"{path}/{plan.Id}/issue", new IssueInput("1", new DateOnly(2030, 1, 2)), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await plans.Chairman(TamThanh).PostAsJsonAsync($"{path}/{plan.Id}/issue", new IssueInput("1", new DateOnly(2030, 1, 2)), PlanApi.Json)).StatusCode);
    }

    [Fact]
    public async Task Every_role_on_a_province_plan()
    {
        var path = PlanApi.ProvincePlans(LangSon);
        var plan = await plans.Reviewer(LangSon).DraftAsync(path, Plan() with { IssuerName = "UBND tỉnh Lạng Sơn", AgencyPlansDueDate = null });

        Assert.Equal(HttpStatusCode.OK, (await plans.Bearer(("role", "integrator"), ("province", LangSon)).GetAsync($"{path}/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plans.Officer(TamThanh).GetAsync($"{path}/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plans.Chairman(TamThanh).PostAsJsonAsync(path, Plan(), PlanApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plans.Reviewer("68").GetAsync($"{path}/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plans.Reviewer("68").GetAsync($"{PlanApi.ProvincePlans("68")}/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await plans.Bearer(("role", "integrator"), ("province", LangSon)).PostAsJsonAsync($"{path}/{plan.Id}/issue", new IssueInput("2", new DateOnly(2030, 1, 5)), PlanApi.Json)).StatusCode);
        Assert.Equal("issued", (await plans.Reviewer(LangSon).IssueAsync(path, plan.Id, "2", new DateOnly(2030, 1, 5))).Status);
        // The province plan is not one of the unit's: a unit route does not reach it.
        Assert.Equal(HttpStatusCode.NotFound, (await plans.Officer(TamThanh).GetAsync($"{PlanApi.UnitPlans(TamThanh)}/{plan.Id}")).StatusCode);
    }

    [Fact]
    public async Task Every_table_with_a_unit_code_has_the_tenant_policy_enabled_and_forced()
    {
        var tables = await TenantConnections.UnitCodeTablesAsync(plans.Database, "plans");

        Assert.Equal(["known_units", "plan_targets", "plan_tasks", "plans", "task_progress", "unit_bodies"], tables.Select(t => t.Name));
        Assert.All(tables, table => Assert.Equal(TenantConnections.Isolated(table.Name), table));
    }

    [Fact]
    public async Task A_unit_scope_sees_its_rows_only_and_a_province_scope_its_province_plan_too()
    {
        await plans.Officer(ChiLang).DraftAsync(PlanApi.UnitPlans(ChiLang), Plan() with { IssuerName = "UBND xã Chi Lăng" });
        await plans.Reviewer(LangSon).DraftAsync(PlanApi.ProvincePlans(LangSon), Plan() with { IssuerName = "UBND tỉnh Lạng Sơn" });

        async Task<List<string?>> IssuersAsync(string setting, string value)
        {
            await using var connection = await TenantConnections.OpenAsync(plans.Database, setting, value);
            await using var query = new NpgsqlCommand("SELECT DISTINCT coalesce(unit_code, 'tỉnh ' || province_code) FROM plans.plans ORDER BY 1", connection);
            await using var reader = await query.ExecuteReaderAsync();
            var found = new List<string?>();
            while (await reader.ReadAsync())
                found.Add(reader.GetString(0));
            return found;
        }

        Assert.Equal([ChiLang], await IssuersAsync("unit_code", ChiLang));
        Assert.Contains("tỉnh 20", await IssuersAsync("province_code", LangSon));
        Assert.DoesNotContain("tỉnh 20", await IssuersAsync("unit_code", TamThanh));
        Assert.Empty(await IssuersAsync("unit_code", NamGiaNghia));
    }

    [Fact]
    public async Task A_renamed_body_is_renamed_and_an_older_event_changes_nothing()
    {
        var renamed = new AgencyUpdated
        {
            UnitCode = ChiLang, ProvinceCode = LangSon, AgencyCode = "kinh-te", AgencyName = "Phòng Kinh tế, Hạ tầng và Đô thị xã", Kind = AgencyKind.Administrative,
        };
        await EventFeed.PublishAsync(plans.Servers.Messaging, renamed);
        await EventFeed.PublishAsync(plans.Servers.Messaging, renamed with
        {
            EventId = Guid.CreateVersion7(), OccurredAt = renamed.OccurredAt.AddMinutes(-1), AgencyName = "Phòng Kinh tế (cũ)",
        });
        // After both on the same queue: once it shows, the older event was handled too.
        await EventFeed.PublishAsync(plans.Servers.Messaging, renamed with
        {
            EventId = Guid.CreateVersion7(), AgencyCode = "mttq", AgencyName = "Ủy ban MTTQ Việt Nam xã Chi Lăng", Kind = AgencyKind.FatherlandFront,
        });
        await EventFeed.PublishAsync(plans.Servers.Messaging, new AgencyRegistered
        {
            UnitCode = ChiLang, ProvinceCode = LangSon, AgencyCode = "cong-an", AgencyName = "Công an xã Chi Lăng", Kind = AgencyKind.Police,
        });
        await plans.WaitForBodiesAsync(Bodies.Length + 1);

        var bodies = await Eventually(async () =>
            (await plans.Officer(ChiLang).GetFromJsonAsync<List<UnitBodyResponse>>($"{PlanApi.UnitPlans(ChiLang)}/bodies", PlanApi.Json))!,
            found => found.Any(b => b.Name == "Ủy ban MTTQ Việt Nam xã Chi Lăng"));

        Assert.Equal(new UnitBodyResponse("kinh-te", "Phòng Kinh tế, Hạ tầng và Đô thị xã", AgencyKind.Administrative), bodies.Single(b => b.AgencyCode == "kinh-te"));
        Assert.Equal(AgencyKind.Police, bodies.Single(b => b.AgencyCode == "cong-an").Kind);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }
}
