using ParPlatform.Contracts.Plans;
using ParPlatform.Reporting.Domain;
using ParPlatform.TestSupport;
using static ParPlatform.Reporting.Tests.TamThanhFigures;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The report's computed figures and the template's sentences, from Tam Thanh's records of Q1/2026: every computed figure of
/// INVENTORY.md section 1 that the services hold is printed as seed 001 prints it, each over its own time base.
/// </summary>
public sealed class ReportFiguresTests
{
    private static Dictionary<string, ComputedFigure> Figures(UnitSources? sources = null) =>
        ReportFigures.Compute("Phường Tam Thanh", sources ?? Sources(), Dossiers(), Scheduled, ReportDate).ToDictionary(f => f.Code);

    private static string Printed(string section, UnitSources? sources = null) =>
        string.Join("\n", TemplateText.Paragraphs(ReportTemplate.Paragraphs, section, Figures(sources)));

    /// <summary>Seed 001's phrases with their lines, as the template prints them (<see cref="Seed001Phrases"/>).</summary>
    [Theory]
    [MemberData(nameof(Seed001Phrases.Printed), MemberType = typeof(Seed001Phrases))]
    public void Tam_Thanh_s_figures_are_printed_as_seed_001_prints_them(string section, string phrase) =>
        Assert.Contains(phrase, Printed(section));

    [Fact]
    public void Each_figure_has_its_own_time_base()
    {
        var figures = Figures();

        Assert.Equal("từ 01/12/2025 đến 28/02/2026", figures["Dossiers.Received"].TimeBase);
        Assert.Equal("từ 01/12/2025 đến 05/03/2026", figures["Feedback.ReceivedToDate"].TimeBase);
        Assert.Equal("lũy kế đến 05/03/2026", figures["Dossiers.DigitisedToDate"].TimeBase);
        // Year to date: the latest actual by the report's date (31/03's 60.000 triệu is after it).
        Assert.Equal("lũy kế từ 01/01/2026 đến 28/02/2026", figures["Finance.Revenue"].TimeBase);
        Assert.Equal(44_553_000_000m, figures["Finance.Revenue"].Number);
        Assert.Equal("kế hoạch vốn năm 2025, giải ngân đến 31/01/2026", figures["Finance.Previous.Disbursed"].TimeBase);
        Assert.Equal("có mặt tại ngày 28/02/2026", figures["Staffing.Headcount"].TimeBase);
        Assert.Equal("trong quý I năm 2026", figures["Staffing.TransferredToCivilService"].TimeBase);
        Assert.Equal("danh mục TTHC hiện tại", figures["Procedures.Active"].TimeBase);
    }

    [Fact]
    public void Another_unit_s_records_print_its_own_numbers_and_a_sentence_without_data_is_left_out()
    {
        var sources = Sources() with
        {
            Catalogue = [],
            Headcounts = [],
            Movements = [],
            Quotas = [Sources().Quotas[0] with { CivilServants = 30, BudgetPaidPublicEmployees = 100, SelfPaidPublicEmployees = 0, Total = 130, Provisional = false }],
        };

        var printed = Printed("II.3", sources);

        Assert.Contains("UBND phường được giao biên chế: 130 chỉ tiêu (trong đó: biên chế cán bộ, công chức: 30 chỉ tiêu; biên chế sự nghiệp: 100 chỉ tiêu " +
            "(trong đó: 100 chỉ tiêu hưởng lương từ ngân sách nhà nước, 0 chỉ tiêu hưởng lương từ nguồn thu sự nghiệp))", printed);
        Assert.DoesNotContain("Biên chế hiện có", printed);
        Assert.Empty(Printed("II.4", sources));
        Assert.Empty(Printed("II.2.2", sources));
    }

    [Fact]
    public void The_previous_year_s_disbursement_is_compared_with_the_target_of_the_plan_in_force_that_year()
    {
        var target = Sources().Targets[0];
        var higher = Sources() with { Targets = [target with { Threshold = 90 }] };
        var superseded = Sources() with
        {
            SupersededPlans = [new PlanSuperseded { UnitCode = Unit, ProvinceCode = Province, PlanId = target.PlanId, SupersededByPlanId = Guid.NewGuid() }],
        };
        var ofAnotherYear = Sources() with { Targets = [target with { FromYear = 2026, ToYear = 2026 }] };

        Assert.Contains("(đạt 85% vốn cấp trên giao; thấp hơn chỉ tiêu 5%).", Printed("II.5", higher));
        Assert.Contains("(đạt 85% vốn cấp trên giao).", Printed("II.5", superseded));
        Assert.Contains("(đạt 85% vốn cấp trên giao).", Printed("II.5", ofAnotherYear));
    }

    [Fact]
    public void Before_31_January_the_previous_year_s_capital_plan_is_not_reported()
    {
        var figures = ReportFigures.Compute("Xã Chi Lăng", Sources(), Dossiers(), Scheduled, new DateOnly(2026, 1, 30)).ToDictionary(f => f.Code);

        Assert.False(figures.ContainsKey("Finance.Previous.Disbursed"));
        Assert.Equal("xã", figures["Report.UnitKind"].Text);
    }

    [Fact]
    public void Every_placeholder_of_the_template_names_a_known_format()
    {
        foreach (var paragraph in ReportTemplate.Paragraphs)
        {
            Assert.NotNull(ReportTemplate.Headings.SingleOrDefault(h => h.Key == paragraph.SectionKey));
            foreach (var (_, format) in TemplateText.Placeholders(paragraph.Text + paragraph.ZeroText))
                Assert.True(format is null || TemplateText.Formats.Contains(format), $"{paragraph.Text}: format {format}");
        }
    }
}
