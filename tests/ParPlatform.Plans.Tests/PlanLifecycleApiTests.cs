using System.Net;
using System.Net.Http.Json;
using ParPlatform.Contracts.Plans;
using ParPlatform.Messaging;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;
using ParPlatform.TestSupport;
using static ParPlatform.Plans.Tests.PlansFixture;

namespace ParPlatform.Plans.Tests;

/// <summary>Drafting, issuing and revising plans through the API; the province cascade; bad input.</summary>
public sealed class PlanLifecycleApiTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private const string Unit = "06199"; // Phát Lại, of Lạng Sơn: this class's own unit

    private static PlanInput Small(params TaskInput[] tasks) => SeedPlans.TamThanh() with
    {
        IssuerName = "UBND xã Phát Lại", Targets = SeedPlans.TamThanh().Targets!.Take(2).ToList(), Tasks = tasks,
    };

    private static TaskInput Task(string code, string timeframe, bool provinceAssigned = false) =>
        new(code, "direction", null, $"Nhiệm vụ {code}", "Kế hoạch", null, null, null, null, [], [], timeframe, provinceAssigned, null);

    [Fact]
    public async Task The_officer_drafts_the_chairman_issues_and_the_issued_plan_never_changes()
    {
        var path = PlanApi.UnitPlans(Unit);
        var draft = await plans.Officer(Unit).DraftAsync(path, Small(Task("1.1", "Năm 2026")));
        await using var feed = await EventFeed.BindAsync(plans.Servers.Messaging, EventNames.ExchangeOf(typeof(PlanIssued)));

        using var byOfficer = await plans.Officer(Unit).PostAsJsonAsync($"{path}/{draft.Id}/issue", new IssueInput("7", new DateOnly(2026, 2, 2)), PlanApi.Json);
        var issued = await plans.Chairman(Unit).IssueAsync(path, draft.Id, "7", new DateOnly(2026, 2, 2));
        using var edit = await plans.Officer(Unit).PutAsJsonAsync($"{path}/{draft.Id}", Small(), PlanApi.Json);
        using var again = await plans.Chairman(Unit).PostAsJsonAsync($"{path}/{draft.Id}/issue", new IssueInput("8", new DateOnly(2026, 2, 3)), PlanApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(("issued", "7/KH-UBND", new DateOnly(2026, 2, 2)), (issued.Status, issued.Reference, issued.IssueDate));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var published = await feed.NextAsync(e => e.GetProperty("planId").GetGuid() == draft.Id);
        Assert.Equal(("7/KH-UBND", 2, 1), (published.GetProperty("reference").GetString(), published.GetProperty("targetCount").GetInt32(),
            published.GetProperty("taskCount").GetInt32()));
        Assert.Single((await plans.Officer(Unit).GetPlanAsync(path, draft.Id)).Tasks);
    }

    [Fact]
    public async Task A_revision_supersedes_the_issued_plan_and_the_history_shows_both()
    {
        var path = PlanApi.UnitPlans(Unit);
        var first = await plans.Officer(Unit).DraftAsync(path, Small(Task("1.1", "Năm 2027")) with { FromYear = 2027, ToYear = 2027 });
        await plans.Chairman(Unit).IssueAsync(path, first.Id, "3", new DateOnly(2027, 1, 5));

        using var revise = await plans.Officer(Unit).PostAsync($"{path}/{first.Id}/revisions", null);
        var revision = (await revise.Content.ReadFromJsonAsync<PlanResponse>(PlanApi.Json))!;
        using var edit = await plans.Officer(Unit).PutAsJsonAsync($"{path}/{revision.Id}",
            Small(Task("1.1", "Năm 2027"), Task("1.2", "Quý II/2027")) with { FromYear = 2027, ToYear = 2027 }, PlanApi.Json);
        await plans.Chairman(Unit).IssueAsync(path, revision.Id, "40", new DateOnly(2027, 4, 1));
        var history = (await plans.Officer(Unit).GetFromJsonAsync<Page<PlanSummary>>($"{path}?year=2027", PlanApi.Json))!.Items;

        Assert.Equal(HttpStatusCode.Created, revise.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal([("issued", revision.Id, (Guid?)first.Id, (Guid?)null), ("superseded", first.Id, null, revision.Id)],
            history.Select(p => (p.Status, p.Id, p.SupersedesPlanId, p.SupersededByPlanId)));
        Assert.Equal(2, (await plans.Officer(Unit).GetPlanAsync(path, revision.Id)).Tasks.Count);
    }

    [Fact]
    public async Task Chi_Lang_takes_over_Lang_Son_targets_tightens_one_and_is_refused_loosening_one()
    {
        var province = PlanApi.ProvincePlans(LangSon);
        var langSon = await plans.Reviewer(LangSon).DraftAsync(province, SeedPlans.TamThanh() with
        {
            IssuerName = "UBND tỉnh Lạng Sơn", Title = "Kế hoạch cải cách hành chính tỉnh Lạng Sơn năm 2028", FromYear = 2028, ToYear = 2028,
            AgencyPlansDueDate = null,
            Targets = [new TargetInput("2.2", "procedures", "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên", "Dossiers.OnTimeRate", "at-least", 98, null, null, null, null)],
        });
        using var byOfficer = await plans.Officer(ChiLang).PostAsJsonAsync($"{province}/{langSon.Id}/issue", new IssueInput("29", new DateOnly(2028, 1, 30)), PlanApi.Json);
        await plans.Reviewer(LangSon).IssueAsync(province, langSon.Id, "29", new DateOnly(2028, 1, 30));
        var offered = (await plans.Officer(ChiLang).GetFromJsonAsync<List<TargetResponse>>($"{PlanApi.UnitPlans(ChiLang)}/province-targets", PlanApi.Json))!;
        var source = Assert.Single(offered, t => t.IndicatorCode == "Dossiers.OnTimeRate" && t.Threshold == 98);
        PlanInput Taking(string comparator, decimal threshold) => Small() with
        {
            IssuerName = "UBND xã Chi Lăng", FromYear = 2028, ToYear = 2028,
            Targets = [new TargetInput(source.Code, "procedures", source.Text, source.IndicatorCode, comparator, threshold, null, null, null, source.Id)],
        };

        var tightened = await plans.Officer(ChiLang).DraftAsync(PlanApi.UnitPlans(ChiLang), Taking("equal", 100));
        using var loosened = await plans.Officer(ChiLang).PostAsJsonAsync(PlanApi.UnitPlans(ChiLang), Taking("at-least", 95), PlanApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal((source.Id, (decimal?)100), (tightened.Targets[0].SourceTargetId, tightened.Targets[0].Threshold));
        var errors = await PlanApi.ErrorsAsync(loosened);
        Assert.Equal("Không được hạ chỉ tiêu tỉnh giao: tỉnh yêu cầu Dossiers.OnTimeRate ≥ 98%, kế hoạch ghi Dossiers.OnTimeRate ≥ 95%. " +
            "Đơn vị chỉ được giữ nguyên hoặc nâng cao chỉ tiêu.", Assert.Single(errors["targets[0].threshold"]));
        Assert.DoesNotContain((await plans.Officer(ChiLang).GetFromJsonAsync<Page<PlanSummary>>($"{PlanApi.UnitPlans(ChiLang)}?year=2028", PlanApi.Json))!.Items,
            p => p.Id != tightened.Id);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_writes_nothing()
    {
        var path = PlanApi.UnitPlans(Unit);
        var bad = Small(
            Task("1.1", "Quý V/2026"),
            new TaskInput("1.2", "nowhere", null, "x", "Kế hoạch", "100%", null, null, null, [new BodyInput("khong-co", null, null)],
                [new BodyInput(null, "everyone", null)], "Năm 2026", false, null)) with
        {
            FromYear = 2026, ToYear = 2025, Symbol = " ",
            Targets = [new TargetInput(null, null, "x", "Dossiers.Nothing", "about", null, "2026 - 2027", null, null, null)],
        };
        var before = (await plans.Officer(Unit).GetFromJsonAsync<Page<PlanSummary>>(path, PlanApi.Json))!.Total;

        using var response = await plans.Officer(Unit).PostAsJsonAsync(path, bad, PlanApi.Json);

        var errors = await PlanApi.ErrorsAsync(response);
        Assert.Equal(
            ["symbol", "targets[0].comparator", "targets[0].indicatorCode", "targets[0].phase", "targets[0].threshold", "tasks[0].timeframe",
             "tasks[1].area", "tasks[1].cooperating[0].group", "tasks[1].criterion", "tasks[1].leads[0].agencyCode", "toYear"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, (await plans.Officer(Unit).GetFromJsonAsync<Page<PlanSummary>>(path, PlanApi.Json))!.Total);
    }

    [Fact]
    public async Task Issuing_a_second_plan_with_the_same_number_and_date_is_a_conflict()
    {
        var path = PlanApi.UnitPlans(Unit);
        var one = await plans.Officer(Unit).DraftAsync(path, Small() with { FromYear = 2029, ToYear = 2029 });
        var two = await plans.Officer(Unit).DraftAsync(path, Small() with { FromYear = 2029, ToYear = 2029 });
        await plans.Chairman(Unit).IssueAsync(path, one.Id, "11", new DateOnly(2029, 1, 9));

        using var same = await plans.Chairman(Unit).PostAsJsonAsync($"{path}/{two.Id}/issue", new IssueInput("11", new DateOnly(2029, 1, 9)), PlanApi.Json);

        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal("draft", (await plans.Officer(Unit).GetPlanAsync(path, two.Id)).Status);
    }
}
