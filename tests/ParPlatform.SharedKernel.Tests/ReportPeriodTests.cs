using System.Globalization;
using System.Text.Json;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.SharedKernel.Tests;

/// <summary>Report periods with their data windows and due dates (DOMAIN.md section 8), per-province settings.</summary>
public sealed class ReportPeriodTests
{
    private static readonly ReportPeriodSettings Default = ReportPeriodSettings.Default;

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-Q1", "01/12/2025", "28/02/2026", "05/03/2026")]
    [InlineData("2026-6M", "01/12/2025", "31/05/2026", "05/06/2026")]
    [InlineData("2026-Q3", "01/06/2026", "31/08/2026", "05/09/2026")]
    [InlineData("2026-Y", "01/12/2025", "30/11/2026", "07/12/2026")]
    [InlineData("2024-Q1", "01/12/2023", "29/02/2024", "05/03/2024")]
    [InlineData("2024-6M", "01/12/2023", "31/05/2024", "05/06/2024")]
    [InlineData("2024-Q3", "01/06/2024", "31/08/2024", "05/09/2024")]
    [InlineData("2024-Y", "01/12/2023", "30/11/2024", "07/12/2024")]
    [InlineData("2025-Q1", "01/12/2024", "28/02/2025", "05/03/2025")]
    public void The_default_windows_and_due_dates_are_those_of_the_Lam_Dong_guidance(string code, string from, string to, string due)
    {
        var period = ReportPeriod.Parse(code);

        Assert.Equal(new DateWindow(Date(from), Date(to)), period.Window(Default));
        Assert.Equal(Date(due), period.Due(Default));
    }

    [Fact]
    public void A_year_has_four_periods_in_the_order_they_fall_due()
    {
        var periods = ReportPeriod.ListFor(2026);

        Assert.Equal(["2026-Q1", "2026-6M", "2026-Q3", "2026-Y"], periods.Select(p => p.Code));
        Assert.Equal(["Quý I năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026", "Năm 2026"], periods.Select(p => p.Name));
        Assert.Equal(
            [ReportPeriodKind.Q1, ReportPeriodKind.SixMonths, ReportPeriodKind.Q3, ReportPeriodKind.Year],
            periods.Select(p => p.Kind));
        Assert.All(periods, p => Assert.Equal(2026, p.Year));
    }

    [Fact]
    public void The_window_as_instants_runs_from_midnight_in_Vietnam_to_the_midnight_after_its_last_day_in_utc()
    {
        var window = new ReportPeriod(2026, ReportPeriodKind.Q1).Window(Default);

        Assert.Equal(new DateTimeOffset(2025, 11, 30, 17, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero), window.End); // 00:00 of 01/03/2026 in Vietnam
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Equal(TimeSpan.Zero, window.End.Offset);
    }

    [Theory]
    [InlineData("2026-Q1", 2026, ReportPeriodKind.Q1)]
    [InlineData("2026-q1", 2026, ReportPeriodKind.Q1)]
    [InlineData("2026-6M", 2026, ReportPeriodKind.SixMonths)]
    [InlineData("2026-6m", 2026, ReportPeriodKind.SixMonths)]
    [InlineData("2025-Q3", 2025, ReportPeriodKind.Q3)]
    [InlineData("2024-y", 2024, ReportPeriodKind.Year)]
    public void A_code_is_the_year_and_the_kind_in_any_case(string text, int year, ReportPeriodKind kind)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportPeriod(year, kind), period);
        Assert.Equal(text.ToUpperInvariant(), period.ToString());
    }

    [Theory]
    [InlineData("2026-M03", ReportPeriodKind.Month, 3, "2026-M03", "Tháng 3 năm 2026")]
    [InlineData("2026-m3", ReportPeriodKind.Month, 3, "2026-M03", "Tháng 3 năm 2026")]
    [InlineData("2026-M12", ReportPeriodKind.Month, 12, "2026-M12", "Tháng 12 năm 2026")]
    [InlineData("2026-DX01", ReportPeriodKind.AdHoc, 1, "2026-DX01", "Đột xuất số 1 năm 2026")]
    [InlineData("2026-dx7", ReportPeriodKind.AdHoc, 7, "2026-DX07", "Đột xuất số 7 năm 2026")]
    [InlineData("2026-DX99", ReportPeriodKind.AdHoc, 99, "2026-DX99", "Đột xuất số 99 năm 2026")]
    public void A_month_or_an_ad_hoc_report_carries_its_number_in_two_digits(string text, ReportPeriodKind kind, int number, string code, string name)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportPeriod(2026, kind, number), period);
        Assert.Equal((code, name), (period.Code, period.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-")]
    [InlineData("2026Q1")]
    [InlineData("2026-Q2")]
    [InlineData("2026-Q4")]
    [InlineData("2026-6")]
    [InlineData("2026-Y1")]
    [InlineData("26-Q1")]
    [InlineData("20260-Q1")]
    [InlineData("0999-Q1")]
    [InlineData(" 2026-Q1")]
    [InlineData("2026-Q1 ")]
    [InlineData("2026-SixMonths")]
    [InlineData("２０２６-Q1")]
    [InlineData("2026-M")]
    [InlineData("2026-M00")]
    [InlineData("2026-M13")]
    [InlineData("2026-M003")]
    [InlineData("2026-M-3")]
    [InlineData("2026-Q101")]
    [InlineData("2026-DX")]
    [InlineData("2026-DX00")]
    [InlineData("2026-DX100")]
    [InlineData("2026-D01")]
    public void Anything_else_is_refused_with_the_format_in_Vietnamese(string? text)
    {
        Assert.False(ReportPeriod.TryParse(text, out _));
        if (text is not null)
        {
            var error = Assert.Throws<FormatException>(() => ReportPeriod.Parse(text));
            Assert.Equal(
                $"'{text}': Kỳ báo cáo có dạng năm-kỳ: 2026-Q1 (quý I), 2026-6M (6 tháng đầu năm), 2026-Q3 (quý III), 2026-Y (năm), " +
                "2026-M03 (tháng 3) hoặc 2026-DX01 (báo cáo đột xuất số 1).",
                error.Message);
        }
    }

    [Fact]
    public void A_period_outside_four_digit_years_or_of_an_unknown_kind_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(999, ReportPeriodKind.Q1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(10000, ReportPeriodKind.Q1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, (ReportPeriodKind)6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, ReportPeriodKind.Month));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, ReportPeriodKind.Month, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, ReportPeriodKind.AdHoc, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, ReportPeriodKind.Q1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.ListFor(0));
    }

    [Fact]
    public void The_default_settings_are_valid()
    {
        Assert.Empty(Default.Validate());
    }

    [Fact]
    public void A_province_sets_its_own_windows_and_due_dates()
    {
        // Windows from the 15th to the 14th, reports due on the 20th.
        var settings = new ReportPeriodSettings(
            Q1: new(new MonthDay(12, 15), StartsInPreviousYear: true, End: new MonthDay(3, 14), Due: new MonthDay(3, 20)),
            SixMonths: new(new MonthDay(12, 15), StartsInPreviousYear: true, End: new MonthDay(6, 14), Due: new MonthDay(6, 20)),
            Q3: new(new MonthDay(6, 15), StartsInPreviousYear: false, End: new MonthDay(9, 14), Due: new MonthDay(9, 20)),
            Year: new(new MonthDay(12, 15), StartsInPreviousYear: true, End: new MonthDay(12, 14), Due: new MonthDay(12, 20)));

        Assert.Empty(settings.Validate());
        Assert.Equal(
            [
                (new DateWindow(Date("15/12/2025"), Date("14/03/2026")), Date("20/03/2026")),
                (new DateWindow(Date("15/12/2025"), Date("14/06/2026")), Date("20/06/2026")),
                (new DateWindow(Date("15/06/2026"), Date("14/09/2026")), Date("20/09/2026")),
                (new DateWindow(Date("15/12/2025"), Date("14/12/2026")), Date("20/12/2026")),
            ],
            ReportPeriod.ListFor(2026).Select(p => (p.Window(settings), p.Due(settings))));
    }

    [Fact]
    public void The_29th_of_February_is_the_last_day_of_February_wherever_it_is_set()
    {
        var settings = Default with { Q3 = new(new MonthDay(2, 29), StartsInPreviousYear: false, End: new MonthDay(8, 31), Due: new MonthDay(9, 5)) };

        Assert.Empty(settings.Validate());
        Assert.Equal(Date("28/02/2026"), new ReportPeriod(2026, ReportPeriodKind.Q3).Window(settings).From);
        Assert.Equal(Date("29/02/2028"), new ReportPeriod(2028, ReportPeriodKind.Q3).Window(settings).From);
    }

    [Fact]
    public void Invalid_settings_are_named_in_Vietnamese()
    {
        var settings = Default with
        {
            // Due "29/02" after an end of 28/02 is the same day in a common year.
            Q1 = Default.Q1 with { End = new MonthDay(2, 28), Due = new MonthDay(2, 29) },
            SixMonths = Default.SixMonths with { End = new MonthDay(4, 31), Due = new MonthDay(13, 5) },
            Q3 = Default.Q3 with { Start = new MonthDay(9, 1) },
            Year = Default.Year with { End = new MonthDay(12, 1), Due = new MonthDay(12, 20) },
        };

        Assert.Equal(
            [
                "Báo cáo quý I: hạn gửi 29/02 phải sau ngày kết thúc 28/02.",
                "Báo cáo 6 tháng đầu năm: ngày kết thúc 31/04 không tồn tại.",
                "Báo cáo 6 tháng đầu năm: hạn gửi 05/13 không tồn tại.",
                "Báo cáo quý III: ngày bắt đầu 01/09 phải trước ngày kết thúc 31/08.",
                "Báo cáo năm: số liệu từ 01/12 năm trước đến 01/12 dài hơn một năm.",
            ],
            settings.Validate());
    }

    [Fact]
    public void A_window_ending_the_day_before_its_start_a_year_later_is_one_year_and_allowed()
    {
        // 01/03 of the year before to the end of February: 366 days when February has 29.
        var settings = Default with { Q1 = Default.Q1 with { Start = new MonthDay(3, 1) } };

        Assert.Empty(settings.Validate());
        Assert.Equal(new DateWindow(Date("01/03/2023"), Date("29/02/2024")), new ReportPeriod(2024, ReportPeriodKind.Q1).Window(settings));
    }

    [Fact]
    public void A_province_collects_monthly_reports_only_once_it_sets_their_rule()
    {
        var march = new ReportPeriod(2026, ReportPeriodKind.Month, 3);

        Assert.False(Default.Covers(march));
        Assert.True(Default.Covers(new ReportPeriod(2026, ReportPeriodKind.Q3)));
        Assert.False((Default with { Monthly = MonthlyReportRule.CalendarMonth }).Covers(new ReportPeriod(2026, ReportPeriodKind.AdHoc, 1)));
        Assert.Throws<InvalidOperationException>(() => march.Window(Default));
        Assert.True((Default with { Monthly = MonthlyReportRule.CalendarMonth }).Covers(march));
    }

    [Theory]
    [InlineData("2026-M03", "01/03/2026", "31/03/2026", "05/04/2026")]
    [InlineData("2026-M02", "01/02/2026", "28/02/2026", "05/03/2026")]
    [InlineData("2028-M02", "01/02/2028", "29/02/2028", "05/03/2028")]
    [InlineData("2026-M12", "01/12/2026", "31/12/2026", "05/01/2027")]
    public void A_month_by_default_is_the_calendar_month_due_on_the_5th_of_the_next(string code, string from, string to, string due)
    {
        var settings = Default with { Monthly = MonthlyReportRule.CalendarMonth };
        var period = ReportPeriod.Parse(code);

        Assert.Equal((new DateWindow(Date(from), Date(to)), Date(due)), (period.Window(settings), period.Due(settings)));
    }

    [Theory]
    [InlineData("2026-M03", "15/02/2026", "14/03/2026", "20/03/2026")]
    [InlineData("2026-M01", "15/12/2025", "14/01/2026", "20/01/2026")]
    public void A_month_cut_on_the_14th_runs_from_the_15th_of_the_month_before(string code, string from, string to, string due)
    {
        var settings = Default with { Monthly = new MonthlyReportRule(EndDay: 14, DueDay: 20) };
        var period = ReportPeriod.Parse(code);

        Assert.Empty(settings.Validate());
        Assert.Equal((new DateWindow(Date(from), Date(to)), Date(due)), (period.Window(settings), period.Due(settings)));
    }

    [Fact]
    public void A_month_cut_on_the_30th_ends_on_the_last_day_of_February_and_resumes_the_day_after()
    {
        var settings = Default with { Monthly = new MonthlyReportRule(EndDay: 30, DueDay: 3) };

        Assert.Equal(new DateWindow(Date("31/01/2026"), Date("28/02/2026")), ReportPeriod.Parse("2026-M02").Window(settings));
        Assert.Equal(new DateWindow(Date("01/03/2026"), Date("30/03/2026")), ReportPeriod.Parse("2026-M03").Window(settings));
        Assert.Equal(Date("03/04/2026"), ReportPeriod.Parse("2026-M03").Due(settings));
    }

    [Fact]
    public void A_monthly_rule_with_days_outside_a_month_is_named_in_Vietnamese()
    {
        var settings = Default with { Monthly = new MonthlyReportRule(EndDay: 0, DueDay: 32) };

        Assert.Equal(
            ["Báo cáo tháng: ngày kết thúc 0 phải từ 1 đến 31 (31 là ngày cuối tháng).", "Báo cáo tháng: hạn gửi ngày 32 phải từ 1 đến 31."],
            settings.Validate());
    }

    [Fact]
    public void A_year_has_twelve_months()
    {
        Assert.Equal(["2026-M01", "2026-M02", "2026-M03", "2026-M04", "2026-M05", "2026-M06", "2026-M07", "2026-M08", "2026-M09", "2026-M10",
            "2026-M11", "2026-M12"], ReportPeriod.MonthsOf(2026).Select(p => p.Code));
    }

    [Fact]
    public void Settings_stored_before_monthly_reports_existed_read_back_without_them()
    {
        const string stored = """{"q1":{"start":{"month":12,"day":1},"startsInPreviousYear":true,"end":{"month":2,"day":29},"due":{"month":3,"day":5}},"sixMonths":{"start":{"month":12,"day":1},"startsInPreviousYear":true,"end":{"month":5,"day":31},"due":{"month":6,"day":5}},"q3":{"start":{"month":6,"day":1},"startsInPreviousYear":false,"end":{"month":8,"day":31},"due":{"month":9,"day":5}},"year":{"start":{"month":12,"day":1},"startsInPreviousYear":true,"end":{"month":11,"day":30},"due":{"month":12,"day":7}}}""";

        Assert.Equal(Default, JsonSerializer.Deserialize<ReportPeriodSettings>(stored, JsonSerializerOptions.Web));
        var monthly = Default with { Monthly = new MonthlyReportRule(14, 20) };
        Assert.Equal(monthly, JsonSerializer.Deserialize<ReportPeriodSettings>(JsonSerializer.Serialize(monthly, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
    }

    [Fact]
    public void Settings_are_stored_as_json_and_read_back_equal()
    {
        var json = JsonSerializer.Serialize(Default, JsonSerializerOptions.Web);

        Assert.StartsWith(
            """{"q1":{"start":{"month":12,"day":1},"startsInPreviousYear":true,"end":{"month":2,"day":29},"due":{"month":3,"day":5}},""",
            json,
            StringComparison.Ordinal);
        Assert.Equal(Default, JsonSerializer.Deserialize<ReportPeriodSettings>(json, JsonSerializerOptions.Web));
    }
}
