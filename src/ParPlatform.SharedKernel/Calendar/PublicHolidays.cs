namespace ParPlatform.SharedKernel.Calendar;

/// <summary>
/// The seeded years of the public-service calendar. 2026 is DOMAIN.md section 4: 01/01; Tết
/// off 14–22/02; Hùng Kings on Monday 27/04 (the day itself is Sunday 26/04); 30/04 and 01/05;
/// 31/08–02/09 with Saturday 22/08 worked instead of Monday 31/08. 2025, from the government's
/// notices for 2025: 01/01; Tết off 25/01–02/02; Hùng Kings 07/04; 30/04–02/05 with Saturday 26/04
/// worked instead of Friday 02/05; 01–02/09. 2027 is provisional, from the Labour Code (article 112)
/// until the government's notice for 2027 is applied through the calendar API: 01/01 (Friday); Tết
/// 05–09/02 (the lunar year's last day Friday 05/02 and the first four days, mùng 1 on Saturday
/// 06/02), the Saturday and Sunday compensated on Wednesday 10/02 and Thursday 11/02; Hùng Kings
/// Friday 16/04 (10/3 âm lịch); 30/04 and 01/05, a Saturday compensated on Monday 03/05; 02/09
/// (Thursday) with Friday 03/09. Later years are configured as data.
/// </summary>
public static class PublicHolidays
{
    public static readonly CalendarYear Year2025 = new(
        2025,
        Dates(2025, (1, 1), (1, 27), (1, 28), (1, 29), (1, 30), (1, 31), (4, 7), (4, 30), (5, 1), (5, 2), (9, 1), (9, 2)),
        Dates(2025, (4, 26)));

    public static readonly CalendarYear Year2026 = new(
        2026,
        Dates(2026, (1, 1), (2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (4, 27), (4, 30), (5, 1), (8, 31), (9, 1), (9, 2)),
        Dates(2026, (8, 22)));

    public static readonly CalendarYear Year2027 = new(
        2027,
        Dates(2027, (1, 1), (2, 5), (2, 8), (2, 9), (2, 10), (2, 11), (4, 16), (4, 30), (5, 3), (9, 2), (9, 3)),
        Dates(2027));

    /// <summary>A calendar of the seeded years.</summary>
    public static WorkingCalendar Seeded() => new([Year2025, Year2026, Year2027]);

    private static HashSet<DateOnly> Dates(int year, params (int Month, int Day)[] days) =>
        [.. days.Select(d => new DateOnly(year, d.Month, d.Day))];
}
