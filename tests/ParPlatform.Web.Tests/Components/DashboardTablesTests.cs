using Bunit;
using MudBlazor;
using ParPlatform.SharedKernel.Reporting;
using ParPlatform.Web.Api;
using ParPlatform.Web.Components.Province;

namespace ParPlatform.Web.Tests.Components;

/// <summary>The province dashboard's lists of units, filtered as every list is: the submissions by name or code and by status, the scorecards by name or code.</summary>
public sealed class DashboardTablesTests : ComponentTest
{
    [Fact]
    public async Task The_submissions_are_filtered_by_the_unit_s_name_or_code_and_by_status()
    {
        var submissions = new Submissions("20", "2026-Q1", new DateOnly(2026, 3, 5), 3, 2, 1, 1, 1, 0, 1, Rate.Of(2, 3), Rate.Of(1, 2),
        [
            new UnitSubmission("06112", "Phường Tam Thanh", "submitted", "188/BC-UBND", new DateOnly(2026, 3, 4), true, 1, null),
            new UnitSubmission("06181", "Xã Chi Lăng", "returned", "21/BC-UBND", new DateOnly(2026, 3, 9), false, 1, "Thiếu số liệu tài chính"),
            new UnitSubmission("06118", "Phường Lương Văn Tri", "missing", null, null, null, 0, null),
        ]);
        var table = Render<SubmissionsTable>(p => p.Add(c => c.Submissions, submissions));
        Assert.Equal(["06112", "06181", "06118"], Units(table));

        table.Find("input[data-testid=submissions-search]").Input("chi lăng");
        Assert.Equal(["06181"], Units(table));
        table.Find("input[data-testid=submissions-search]").Input("061");
        Assert.Equal(["06112", "06181", "06118"], Units(table));

        var status = table.FindComponent<MudSelect<string>>();
        await table.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("missing"));
        Assert.Equal(["06118"], Units(table));
    }

    [Fact]
    public void The_scorecards_are_filtered_by_the_unit_s_name_or_code()
    {
        static RankedScorecard Card(int? rank, string code, string name, int met, int notMet) =>
            new(rank, code, name, met + notMet, met, notMet, 0, Rate.Of(met, met + notMet));
        var scorecard = new ProvinceScorecard("20", "2026-Q1", new DateOnly(2026, 3, 5),
            [Card(1, "06112", "Phường Tam Thanh", 5, 1), Card(2, "06181", "Xã Chi Lăng", 3, 3)]);
        var table = Render<ScorecardTable>(p => p.Add(c => c.Scorecard, scorecard));
        Assert.Equal(2, table.FindAll("[data-testid=scorecard] tbody tr").Count);

        table.Find("input[data-testid=scorecard-search]").Input("tam thanh");

        var row = Assert.Single(table.FindAll("[data-testid=scorecard] tbody tr"));
        Assert.Contains("Phường Tam Thanh", row.TextContent, StringComparison.Ordinal);
        table.Find("input[data-testid=scorecard-search]").Input("06181");
        Assert.Contains("Xã Chi Lăng", Assert.Single(table.FindAll("[data-testid=scorecard] tbody tr")).TextContent, StringComparison.Ordinal);
    }

    private static string[] Units(IRenderedComponent<SubmissionsTable> table) =>
        [.. table.FindAll("[data-testid=submissions] tbody tr td[data-testid^=submission-]").Select(td => td.GetAttribute("data-testid")!["submission-".Length..])];
}
