using System.Net;
using System.Net.Http.Json;
using ParPlatform.Plans.Apis;
using ParPlatform.Plans.Domain;
using static ParPlatform.Plans.Tests.PlansFixture;

namespace ParPlatform.Plans.Tests;

/// <summary>The four seed plans entered through the API and read back as entered.</summary>
public sealed class SeedPlanTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    [Fact]
    public async Task Tam_Thanh_2026_holds_its_13_measurable_targets_and_its_agencies_date()
    {
        var input = SeedPlans.TamThanh();

        var created = await plans.Officer(TamThanh).DraftAsync(PlanApi.UnitPlans(TamThanh), input);
        var read = await plans.Reviewer(LangSon).GetPlanAsync(PlanApi.UnitPlans(TamThanh), created.Id);

        PlanApi.AssertHolds(input, read);
        Assert.Equal(13, read.Targets.Count(t => t.IndicatorCode is not null));
        Assert.Equal(3, read.LegalBases.Count);
        Assert.Equal(new DateOnly(2026, 2, 28), read.AgencyPlansDueDate);
        Assert.Equal(("unit", "draft", "/KH-UBND"), (read.IssuerLevel, read.Status, read.Reference));
    }

    [Fact]
    public async Task Chi_Lang_2026_2030_holds_its_phased_targets()
    {
        var input = SeedPlans.ChiLang();

        var created = await plans.Officer(ChiLang).DraftAsync(PlanApi.UnitPlans(ChiLang), input);
        var read = await plans.Officer(ChiLang).GetPlanAsync(PlanApi.UnitPlans(ChiLang), created.Id);

        PlanApi.AssertHolds(input, read);
        Assert.Equal([new PlanPhase("2026 - 2027", 2026, 2027), new PlanPhase("2028 - 2030", 2028, 2030)], read.Phases);
        Assert.Equal(4, read.Targets.Count(t => t.Phase == "2026 - 2027"));
        Assert.Equal(5, read.Targets.Count(t => t.Phase == "2028 - 2030"));
        Assert.Equal(9, read.Targets.Count(t => t.Phase is null));
        Assert.Equal(6, read.LegalBases.Count);
        // "trên 100%" (003:83) is impossible but is what the plan says; "giảm 10%" is a change of -10.
        Assert.Contains(read.Targets, t => t.Comparator == Contracts.Plans.TargetComparator.GreaterThan && t.Threshold == 100);
        Assert.Contains(read.Targets, t => t.IndicatorCode == "Staffing.BudgetPaidChangeVsBaseline" && t.Threshold == -10);
        var task = Assert.Single(read.Tasks);
        Assert.Equal(("none", "Dossiers.OnProvincialSystemRate"), (task.TimeframeKind, task.IndicatorCode));
        Assert.Equal("Trung tâm Phục vụ hành chính công xã", Assert.Single(task.Leads).Name);
    }

    [Fact]
    public async Task Thanh_Mien_2026_holds_its_31_tasks_as_the_attachment_of_a_decision()
    {
        var input = SeedPlans.ThanhMien();

        var created = await plans.Officer(ThanhMien).DraftAsync(PlanApi.UnitPlans(ThanhMien), input);
        var issued = await plans.Chairman(ThanhMien).IssueAsync(PlanApi.UnitPlans(ThanhMien), created.Id, "12", new DateOnly(2026, 1, 15));
        var read = await plans.Officer(ThanhMien).GetPlanAsync(PlanApi.UnitPlans(ThanhMien), created.Id);

        PlanApi.AssertHolds(input, read);
        Assert.Equal(31, read.Tasks.Count);
        Assert.Equal([5, 3, 5, 4, 6, 2, 6], read.Tasks.GroupBy(t => t.Area).Select(g => g.Count()));
        Assert.DoesNotContain(read.Tasks, t => t.Code == "5.đ"); // section 5 skips "đ"
        Assert.Contains(read.Tasks, t => t.Code == "7.đ");
        Assert.Equal(("issued", "12/QĐ-UBND", true), (issued.Status, issued.Reference, issued.DecisionAttachment));
        Assert.Equal(2, read.LegalBases.Count);
    }

    [Fact]
    public async Task Nam_Gia_Nghia_2026_takes_the_five_sample_rows_of_its_appendix()
    {
        var input = SeedPlans.NamGiaNghia();
        var created = await plans.Officer(NamGiaNghia).DraftAsync(PlanApi.UnitPlans(NamGiaNghia), input);

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), created.Id,
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seeds", "002-sample.csv")));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var read = await plans.Officer(NamGiaNghia).GetPlanAsync(PlanApi.UnitPlans(NamGiaNghia), created.Id);
        PlanApi.AssertHolds(input with { Tasks = read.Tasks.Select(ToInput).ToList() }, read);
        Assert.Equal(["1.2", "1.6", "3.3.1", "4.2.1", "7.3.6"], read.Tasks.Select(t => t.Code));
        Assert.Equal(["month", "province-documents", "year", "after-province-decision", "ongoing"], read.Tasks.Select(t => t.TimeframeKind));
        Assert.Equal([new DateOnly(2026, 1, 31), null, new DateOnly(2026, 12, 31), null, null], read.Tasks.Select(t => t.DueDate));
        Assert.Equal(["Kế hoạch", null, null, "Công văn", null], read.Tasks.Select(t => t.Output));
        Assert.Equal("Số hồ sơ TTHC trong năm được giải quyết đúng hạn đạt từ 98% trở lên.", read.Tasks[2].Criterion);
        Assert.Equal(["van-hoa-xa-hoi", "van-hoa-xa-hoi", "phuc-vu-hcc", "van-hoa-xa-hoi", "phuc-vu-hcc"], read.Tasks.Select(t => Assert.Single(t.Leads).AgencyCode));
        Assert.Equal([("phuc-vu-hcc", null), (null, "related-agencies")], read.Tasks[2].Cooperating.Select(b => (b.AgencyCode, b.Group)));
        Assert.All(read.Tasks.Where(t => t.Code != "3.3.1"), t => Assert.Equal("all-agencies", Assert.Single(t.Cooperating).Group));
        Assert.Equal([false, true, false, true, false], read.Tasks.Select(t => t.ProvinceAssigned));
    }

    /// <summary>Seed 002's whole appendix (74 rows), once transcribed into Seeds/002-appendix.csv.</summary>
    [SeedFileFact("002-appendix.csv")]
    public async Task Nam_Gia_Nghia_appendix_74_rows_import_into_52_tasks()
    {
        var created = await plans.Officer(NamGiaNghia).DraftAsync(PlanApi.UnitPlans(NamGiaNghia), SeedPlans.NamGiaNghia());

        using var response = await plans.Officer(NamGiaNghia).ImportAsync(PlanApi.UnitPlans(NamGiaNghia), created.Id,
            await File.ReadAllTextAsync(SeedFileFactAttribute.PathOf("002-appendix.csv")));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tasks = (await response.Content.ReadFromJsonAsync<PlanResponse>(PlanApi.Json))!.Tasks;
        Assert.Equal(52, tasks.Count);
        var kinds = tasks.GroupBy(t => t.TimeframeKind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["ongoing"] = 18, ["year"] = 25, ["quarter"] = 3, ["month"] = 1, ["after-province-decision"] = 2, ["province-guidance"] = 1,
            ["province-documents"] = 1, ["none"] = 1,
        }, kinds);
        Assert.Equal(9, tasks.Count(t => t.Leads.Count > 1));
        Assert.Equal([7, 4, 13, 5, 6, 5, 9, 3], tasks.GroupBy(t => t.Area).Select(g => g.Count()));
        Assert.Single(tasks, t => t.Code is null);
    }

    private static TaskInput ToInput(TaskResponse t) => new(
        t.Code, t.Area is { } a ? SharedKernel.EnumNames.Name(a) : null, t.Group, t.Content, t.Output, t.Criterion, t.IndicatorCode,
        t.Comparator is { } c ? SharedKernel.EnumNames.Name(c) : null, t.Threshold, [.. t.Leads.Select(b => new BodyInput(b.AgencyCode, b.Group, b.Role))],
        [.. t.Cooperating.Select(b => new BodyInput(b.AgencyCode, b.Group, b.Role))], t.Timeframe, t.ProvinceAssigned, t.Note);
}

/// <summary>A test that runs on a seed file of Seeds/ once the file is there, and is skipped (saying why) until then.</summary>
public sealed class SeedFileFactAttribute : FactAttribute
{
    public SeedFileFactAttribute(string file)
    {
        if (!File.Exists(PathOf(file)))
            Skip = $"Seeds/{file} is not in the repository yet.";
    }

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Seeds", file);
}
