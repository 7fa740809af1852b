using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.SharedKernel.Tests;

/// <summary>Due dates in working time (07:00–11:30, 13:30–17:00 Vietnam time) over the seeded 2025, 2026 and (provisional) 2027 calendars.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = PublicHolidays.Seeded();

    /// <summary>An instant in Vietnam time (UTC+7).</summary>
    private static DateTimeOffset Vn(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_due_instant_is_answered_in_utc_which_is_what_postgresql_stores()
    {
        var due = Calendar.DueAt(Vn(2026, 3, 2, 8), TimeLimit.Days(1));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 1, 0, 0, TimeSpan.Zero), due); // 08:00 the next day in Vietnam
    }

    [Fact]
    public void A_day_received_at_opening_is_due_at_closing_the_same_day()
    {
        Assert.Equal(Vn(2026, 3, 2, 17), Calendar.DueAt(Vn(2026, 3, 2, 7), TimeLimit.Days(1)));
    }

    [Fact]
    public void Received_at_16_59_a_one_day_limit_ends_at_16_59_the_next_working_day()
    {
        // Monday 02/03/2026: one minute that day, 7 h 59 the next.
        Assert.Equal(Vn(2026, 3, 3, 16, 59), Calendar.DueAt(Vn(2026, 3, 2, 16, 59), TimeLimit.Days(1)));
    }

    [Fact]
    public void Received_at_17_01_the_clock_starts_the_next_working_morning()
    {
        Assert.Equal(Vn(2026, 3, 3, 17), Calendar.DueAt(Vn(2026, 3, 2, 17, 1), TimeLimit.Days(1)));
        // Friday after closing: Monday is the first working day.
        Assert.Equal(Vn(2026, 3, 9, 17), Calendar.DueAt(Vn(2026, 3, 6, 17, 1), TimeLimit.Days(1)));
    }

    [Fact]
    public void Tet_2026_is_skipped_whole()
    {
        // Received Friday 13/02/2026 at 16:00: one hour that day, then nothing until Monday 23/02.
        Assert.Equal(Vn(2026, 2, 24, 16), Calendar.DueAt(Vn(2026, 2, 13, 16), TimeLimit.Days(2)));
        Assert.All(Enumerable.Range(14, 9).Select(d => new DateOnly(2026, 2, d)), day => Assert.False(Calendar.IsWorkingDay(day)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void The_make_up_Saturday_22_08_2026_is_worked_and_Monday_31_08_is_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 8, 22)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 8, 29)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 8, 31)));
        // Received Friday 21/08 at 17:30: Saturday 22/08 is the first working day.
        Assert.Equal(Vn(2026, 8, 22, 17), Calendar.DueAt(Vn(2026, 8, 21, 17, 30), TimeLimit.Days(1)));
        // Received Friday 28/08 at 07:00 with 2 days: Friday, then 31/08–02/09 off, so Thursday 03/09.
        Assert.Equal(Vn(2026, 9, 3, 17), Calendar.DueAt(Vn(2026, 8, 28, 7), TimeLimit.Days(2)));
    }

    [Fact]
    public void Hung_Kings_day_2026_is_taken_on_Monday_27_04_and_Labour_day_follows()
    {
        // Friday 24/04 at 07:00 with 3 days: 24/04, then 27/04 off, 28/04, 29/04; 30/04 and 01/05 off.
        Assert.Equal(Vn(2026, 4, 29, 17), Calendar.DueAt(Vn(2026, 4, 24, 7), TimeLimit.Days(3)));
        Assert.Equal(Vn(2026, 5, 4, 17), Calendar.DueAt(Vn(2026, 4, 24, 7), TimeLimit.Days(4)));
    }

    [Fact]
    public void Half_a_day_is_four_working_hours_across_the_lunch_break()
    {
        Assert.Equal(Vn(2026, 3, 2, 11), Calendar.DueAt(Vn(2026, 3, 2, 7), TimeLimit.Days(0.5m)));
        Assert.Equal(Vn(2026, 3, 2, 14), Calendar.DueAt(Vn(2026, 3, 2, 8), TimeLimit.Days(0.5m)));
        Assert.Equal(Vn(2026, 3, 3, 8), Calendar.DueAt(Vn(2026, 3, 2, 14), TimeLimit.Days(0.5m)));
    }

    [Fact]
    public void A_limit_in_hours_counts_working_hours()
    {
        // 1 h 30 before lunch, 2 h 30 after.
        Assert.Equal(Vn(2026, 3, 2, 16), Calendar.DueAt(Vn(2026, 3, 2, 10), TimeLimit.Hours(4)));
    }

    [Fact]
    public void Received_at_lunch_the_clock_starts_at_13_30()
    {
        Assert.Equal(Vn(2026, 3, 2, 15, 30), Calendar.DueAt(Vn(2026, 3, 2, 12), TimeLimit.Hours(2)));
    }

    [Fact]
    public void A_supplement_pause_across_a_weekend_pushes_the_due_date_by_its_working_time_only()
    {
        var received = Vn(2026, 3, 2, 7); // Monday; 5 days → Friday 06/03 17:00 without a pause
        Assert.Equal(Vn(2026, 3, 6, 17), Calendar.DueAt(received, TimeLimit.Days(5)));

        // Paused Thursday 05/03 15:00 → Tuesday 10/03 09:00: 2 h + 8 h (Friday) + 0 (weekend) + 8 h (Monday) + 2 h = 20 h.
        var pause = (Vn(2026, 3, 5, 15), Vn(2026, 3, 10, 9));
        Assert.Equal(TimeSpan.FromHours(20), Calendar.WorkingTimeBetween(pause.Item1, pause.Item2));
        // 40 h + 20 h from Monday 07:00: two weeks' Monday and Tuesday, then 4 h on Wednesday 11/03.
        Assert.Equal(Vn(2026, 3, 11, 11), Calendar.DueAt(received, TimeLimit.Days(5), [pause]));
    }

    [Fact]
    public void An_instant_given_in_UTC_is_read_in_Vietnam_time()
    {
        // 09:59 UTC is 16:59 in Hà Nội.
        var received = new DateTimeOffset(2026, 3, 2, 9, 59, 0, TimeSpan.Zero);

        Assert.Equal(Vn(2026, 3, 3, 16, 59), Calendar.DueAt(received, TimeLimit.Days(1)));
    }

    [Fact]
    public void The_2025_calendar_knows_Tet_and_the_swap_of_Friday_02_05_for_Saturday_26_04()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 1, 29)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 5, 2)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        // Received Friday 28/11/2025 16:00, 3 days: 1 h Friday, Monday, Tuesday, 7 h Wednesday → 03/12 16:00.
        Assert.Equal(Vn(2025, 12, 3, 16), Calendar.DueAt(Vn(2025, 11, 28, 16), TimeLimit.Days(3)));
    }

    [Fact]
    public void The_provisional_2027_calendar_skips_Tet_and_the_compensated_days()
    {
        // Received Thursday 04/02/2027 16:00, 2 days: 1 h Thursday; Friday 05/02 to Thursday 11/02 off
        // (the Tết days on Saturday and Sunday compensated on Wednesday and Thursday); Friday 12/02, 7 h Monday 15/02.
        Assert.Equal(Vn(2027, 2, 15, 16), Calendar.DueAt(Vn(2027, 2, 4, 16), TimeLimit.Days(2)));
        // Labour Day on Saturday 01/05/2027 is taken on Monday 03/05.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 5, 3)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 5, 4)));
    }

    [Fact]
    public void A_due_date_that_runs_into_a_year_not_configured_names_the_year()
    {
        var error = Assert.Throws<UnknownCalendarYearException>(() => Calendar.DueAt(Vn(2027, 12, 30, 7), TimeLimit.Days(5)));

        Assert.Equal(2028, error.Year);
        Assert.Contains("2028", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_time_limit_of_zero_or_less_is_refused(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Days(amount));
    }

    [Theory]
    [InlineData(2, 14, Timeliness.Early)]
    [InlineData(3, 9, Timeliness.OnTime)]
    [InlineData(3, 16, Timeliness.OnTime)]
    [InlineData(4, 8, Timeliness.Late)]
    public void Timeliness_compares_the_finishing_date_with_the_due_date(int day, int hour, Timeliness expected)
    {
        Assert.Equal(expected, WorkingCalendar.Classify(Vn(2026, 3, day, hour), Vn(2026, 3, 3, 10)));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_or_a_day_of_another_year_is_refused()
    {
        var wrong = new CalendarYear(2027, new HashSet<DateOnly> { new(2026, 12, 31) }, new HashSet<DateOnly> { new(2027, 3, 3) });

        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar([wrong]));

        Assert.Contains("31/12/2026", error.Message, StringComparison.Ordinal);
        Assert.Contains("03/03/2027", error.Message, StringComparison.Ordinal);
    }
}
