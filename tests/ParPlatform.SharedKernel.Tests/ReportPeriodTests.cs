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
    public void Anything_else_is_refused_with_the_format_in_Vietnamese(string? text)
    {
        Assert.False(ReportPeriod.TryParse(text, out _));
        if (text is not null)
        {
            var error = Assert.Throws<FormatException>(() => ReportPeriod.Parse(text));
            Assert.Equal(
                $"'{text}': Kỳ báo cáo có dạng năm-kỳ: 2026-Q1 (quý I), 2026-6M (6 tháng đầu năm), 2026-Q3 (quý III) hoặc 2026-Y (năm).",
                error.Message);
        }
    }

    [Fact]
    public void A_period_outside_four_digit_years_or_of_an_unknown_kind_cannot_be_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(999, ReportPeriodKind.Q1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(10000, ReportPeriodKind.Q1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportPeriod(2026, (ReportPeriodKind)4));
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
