using ParPlatform.Contracts.Plans;
using ParPlatform.Reporting.Domain;
using static ParPlatform.Reporting.Tests.TamThanhFigures;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The report's computed figures and the template's sentences, from Tam Thanh's records of Q1/2026: every computed figure of
/// INVENTORY.md section 1 that the services hold is printed as seed 001 prints it, each over its own time base.
/// </summary>
public sealed class ReportFiguresTests
{
    private static Dictionary<string, ComputedFigure> Figures(UnitSources? sources = null) =>
        ReportFigures.Compute("Phường Tam Thanh", sources ?? Sources(), Dossiers(), Period, Window, ReportDate).ToDictionary(f => f.Code);

    private static string Printed(string section, UnitSources? sources = null) =>
        string.Join("\n", TemplateText.Paragraphs(ReportTemplate.Paragraphs, section, Figures(sources)));

    /// <summary>
    /// Seed 001's phrases with their lines, as the template prints them. Two figures differ from the seed by its own
    /// inconsistency (INVENTORY.md: "1.743 next to 1733"): the platform prints a thousands separator in every count, so
    /// "1733" (001:79) is "1.733" and "7919/7919" (001:75) is "7.919/7.919"; and the seed's "phân đầu" is spelled "phấn đấu".
    /// </summary>
    [Theory]
    [InlineData("II.2.3.2", "đã số hóa được 7.919/7.919 hồ sơ đạt tỷ lệ 100%")] // 001:75
    [InlineData("II.2.3.3", "Từ ngày 01/12/2025 đến ngày 28/02/2026: Đã tiếp nhận 1.877 hồ sơ (trong đó: 1.877 hồ sơ trực tuyến, 0 hồ sơ trực tiếp); " +
        "Hồ sơ từ kỳ trước chuyển sang: 180 hồ sơ. Đã xử lý: 1.743 hồ sơ (trong đó: hồ sơ trước hạn: 1.733 hồ sơ, hồ sơ quá hạn: 10 hồ sơ); " +
        "TTHC đang giải quyết là 249 hồ sơ (trong đó: hồ sơ trong hạn: 248 hồ sơ, hồ sơ quá hạn: 01 hồ sơ); 65 hồ sơ không đủ điều kiện giải quyết.")] // 001:79
    [InlineData("II.2.3.4", "Từ 01/12/2025 đến nay, UBND phường tiếp nhận 01 kiến nghị, phản ánh")] // 001:83
    [InlineData("II.2.3.5", "Có 205 lượt công dân thực hiện đánh giá mức độ hài lòng, trong đó: có 203/205 lượt đánh giá “Rất hài lòng”, đạt tỷ lệ 99%; " +
        "02/205 đánh giá “Hài lòng”, đạt tỷ lệ 1%.")] // 001:93
    [InlineData("II.3", "với 04 cơ quan chuyên môn (Văn phòng HĐND và UBND; phòng Kinh tế, Hạ tầng và Đô thị; phòng Văn hóa - Xã hội; " +
        "Trung tâm Phục vụ hành chính công), 09 đơn vị sự nghiệp công lập (Trung tâm Dịch vụ công ích và 08 trường học).")] // 001:97
    [InlineData("II.3", "UBND phường được tạm giao biên chế: 379 chỉ tiêu (trong đó: biên chế cán bộ, công chức: 52 chỉ tiêu; biên chế sự nghiệp: " +
        "327 chỉ tiêu (trong đó: 323 chỉ tiêu hưởng lương từ ngân sách nhà nước, 04 chỉ tiêu hưởng lương từ nguồn thu sự nghiệp))")] // 001:99
    [InlineData("II.3", "Biên chế hiện có: 364 người (trong đó: công chức hành chính: tính đến ngày 28/02/2026 có 45 người (không bao gồm LLVT), " +
        "viên chức sự nghiệp: 319 người)")] // 001:99
    [InlineData("II.4", "Trong quý I năm 2026, có 01 viên chức xét chuyển sang công chức.")] // 001:107
    [InlineData("II.4", "có 14 chỉ tiêu đăng ký xét thăng hạng viên chức.")] // 001:113
    [InlineData("II.4", "Không có trường hợp cán bộ, công chức, viên chức bị xử lý kỷ luật.")] // 001:115
    [InlineData("II.5", "tổng thu ngân sách trên địa bàn lũy kế từ đầu năm đến thời điểm báo cáo là 44.553 triệu đồng, bằng 68% dự toán tỉnh giao, " +
        "bằng 61% dự toán phường phấn đấu")] // 001:123
    [InlineData("II.5", "Thu tiền sử dụng đất đạt 21.799 triệu đồng (bằng 150% dự toán tỉnh giao, bằng 118% dự toán phường phấn đấu)")] // 001:123
    [InlineData("II.5", "Chi NSNN lũy kế đến thời điểm báo cáo là 30.000 triệu đồng bằng 15% dự toán tỉnh giao, bằng 14% dự toán phường giao.")] // 001:125
    [InlineData("II.5", "Tính đến ngày 31/01/2026, phường Tam Thanh đã thực hiện giải ngân năm 2025 là: 3.969,4 triệu đồng (đạt 85% vốn cấp trên giao; vượt 12% theo chỉ tiêu). " +
        "Trong đó: vốn NSTW (779/779 triệu đồng, đạt 100%); vốn NSDP (3.190,4/3.870 triệu đồng, đạt 82,4%).")] // 001:129
    [InlineData("II.5", "Năm 2026, tổng kế hoạch vốn giao là 18.125 triệu đồng, trong đó vốn NSTW là 14.725 triệu đồng, NSDP là 3.400 triệu đồng.")] // 001:131
    [InlineData("II.5", "Đã thực hiện đăng ký 03 loại tài sản/tổng số 19 loại tài sản kiểm kê.")] // 001:141
    [InlineData("II.5", "Tổng số đơn vị thuộc phạm vi quản lý thuộc đối tượng kiểm kê là 16 đơn vị, 16/16 đơn vị đã thực hiện thành lập Tổ kiểm kê")] // 001:143
    [InlineData("II.5", "gửi báo cáo trên phần mềm Tổng kiểm kê là trước 31/3/2026.")] // 001:149
    [InlineData("II.5", "có 09 đơn vị sự nghiệp công lập đã được phê duyệt phương án tự chủ tài chính trong đó:")] // 001:151
    [InlineData("II.5", "- Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư: không có\n- Số ĐVSN tự bảo đảm chi thường xuyên: không có\n" +
        "- Số ĐVSN tự bảo đảm một phần chi thường xuyên\n+ Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên: không có\n" +
        "+ Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên: 01 đơn vị\n+ Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên: không có\n" +
        "- Số ĐVSN do Nhà nước bảo đảm chi thường xuyên: 08 đơn vị")] // 001:153-162
    [InlineData("II.6", "Trong kỳ báo cáo (từ ngày 01/12/2025 đến ngày 28/02/2026): Đã tiếp nhận 1.877 hồ sơ TTHC trực tuyến.")] // 001:196
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
    }

    [Fact]
    public void Another_unit_s_records_print_its_own_numbers_and_a_sentence_without_data_is_left_out()
    {
        var sources = Sources() with
        {
            Headcounts = [],
            Movements = [],
            Quotas = [Sources().Quotas[0] with { CivilServants = 30, BudgetPaidPublicEmployees = 100, SelfPaidPublicEmployees = 0, Total = 130, Provisional = false }],
        };

        var printed = Printed("II.3", sources);

        Assert.Contains("UBND phường được giao biên chế: 130 chỉ tiêu (trong đó: biên chế cán bộ, công chức: 30 chỉ tiêu; biên chế sự nghiệp: 100 chỉ tiêu " +
            "(trong đó: 100 chỉ tiêu hưởng lương từ ngân sách nhà nước, 0 chỉ tiêu hưởng lương từ nguồn thu sự nghiệp))", printed);
        Assert.DoesNotContain("Biên chế hiện có", printed);
        Assert.Empty(Printed("II.4", sources));
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
        var figures = ReportFigures.Compute("Xã Chi Lăng", Sources(), Dossiers(), Period, Window, new DateOnly(2026, 1, 30)).ToDictionary(f => f.Code);

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
