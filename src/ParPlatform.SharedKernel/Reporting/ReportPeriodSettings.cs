namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// When one kind of report collects its data and when it is due. The data window runs from
/// <see cref="Start"/> (in the report's year, or the year before when
/// <see cref="StartsInPreviousYear"/>) to <see cref="End"/> inclusive, in the report's year;
/// <see cref="Due"/> is the last day, in the report's year, on which the unit's report reaches
/// the province in time.
/// </summary>
public readonly record struct ReportPeriodRule(MonthDay Start, bool StartsInPreviousYear, MonthDay End, MonthDay Due);

/// <summary>
/// When a monthly report collects its data and when it is due. The window of a month ends on its <see cref="EndDay"/> (31: the
/// month's last day; a day past the month's length is its last day) and starts the day after the previous month's end day: with
/// 31, the calendar month; with 14, from the 15th of the month before (the national rule of Decree 09/2019). The report is due
/// on the first <see cref="DueDay"/> after the window ends (with 31 and 5: the 5th of the next month).
/// </summary>
public sealed record MonthlyReportRule(int EndDay, int DueDay)
{
    /// <summary>The calendar month, due on the 5th of the next (the day the seeds' agencies report by, DOMAIN.md section 8).</summary>
    public static MonthlyReportRule CalendarMonth { get; } = new(EndDay: 31, DueDay: 5);

    public DateWindow Window(int year, int month)
    {
        var end = DayOf(new DateOnly(year, month, 1), EndDay);
        var start = DayOf(new DateOnly(year, month, 1).AddMonths(-1), EndDay).AddDays(1);
        return new DateWindow(start, end);
    }

    public DateOnly Due(int year, int month)
    {
        var end = Window(year, month).To;
        var due = DayOf(new DateOnly(end.Year, end.Month, 1), DueDay);
        return due > end ? due : DayOf(new DateOnly(end.Year, end.Month, 1).AddMonths(1), DueDay);
    }

    /// <summary>What is wrong with the rule, in Vietnamese (nothing when it is usable).</summary>
    public IEnumerable<string> Validate()
    {
        if (EndDay is < 1 or > 31)
            yield return $"Báo cáo tháng: ngày kết thúc {EndDay} phải từ 1 đến 31 (31 là ngày cuối tháng).";
        if (DueDay is < 1 or > 31)
            yield return $"Báo cáo tháng: hạn gửi ngày {DueDay} phải từ 1 đến 31.";
    }

    /// <summary>The <paramref name="day"/>th of the month of <paramref name="first"/>, or the month's last day when it is shorter.</summary>
    private static DateOnly DayOf(DateOnly first, int day) =>
        new(first.Year, first.Month, Math.Min(day, DateTime.DaysInMonth(first.Year, first.Month)));
}

/// <summary>
/// A province's settings for its periodic reports, one <see cref="ReportPeriodRule"/> per statutory kind and, when the
/// province collects monthly reports, the <see cref="MonthlyReportRule"/> (none by default); stored per province as JSON
/// (with <c>JsonSerializerOptions.Web</c>:
/// <c>{"q1":{"start":{"month":12,"day":1},"startsInPreviousYear":true,"end":{"month":2,"day":29},"due":{"month":3,"day":5}},"sixMonths":…,"q3":…,"year":…,"monthly":{"endDay":31,"dueDay":5}}</c>).
/// Only settings that <see cref="Validate"/> accepts give meaningful periods.
/// </summary>
public sealed record ReportPeriodSettings(
    ReportPeriodRule Q1, ReportPeriodRule SixMonths, ReportPeriodRule Q3, ReportPeriodRule Year, MonthlyReportRule? Monthly = null)
{
    /// <summary>
    /// The Lâm Đồng guidance, for a province that has set nothing else: Q1 01/12 of the year
    /// before to the end of February, due 05/03; six months 01/12 of the year before to 31/05, due
    /// 05/06; Q3 01/06 to 31/08, due 05/09; the year 01/12 of the year before to 30/11, due 07/12.
    /// </summary>
    public static ReportPeriodSettings Default { get; } = new(
        Q1: new(new MonthDay(12, 1), StartsInPreviousYear: true, End: new MonthDay(2, 29), Due: new MonthDay(3, 5)),
        SixMonths: new(new MonthDay(12, 1), StartsInPreviousYear: true, End: new MonthDay(5, 31), Due: new MonthDay(6, 5)),
        Q3: new(new MonthDay(6, 1), StartsInPreviousYear: false, End: new MonthDay(8, 31), Due: new MonthDay(9, 5)),
        Year: new(new MonthDay(12, 1), StartsInPreviousYear: true, End: new MonthDay(11, 30), Due: new MonthDay(12, 7)));

    /// <summary>A common year: the checks of <see cref="Validate"/> that hold when February ends on the 28th hold in leap years too.</summary>
    private const int CommonYear = 2026;

    /// <summary>Whether the settings give <paramref name="period"/> its window and due date: a statutory period, or a month when the
    /// province collects monthly reports. An ad hoc period's dates are the province's data, never the settings'.</summary>
    public bool Covers(ReportPeriod period) => period.Kind switch
    {
        ReportPeriodKind.Month => Monthly is not null,
        ReportPeriodKind.AdHoc => false,
        _ => true,
    };

    /// <summary>The rule of a statutory kind.</summary>
    public ReportPeriodRule For(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Q1 => Q1,
        ReportPeriodKind.SixMonths => SixMonths,
        ReportPeriodKind.Q3 => Q3,
        ReportPeriodKind.Year => Year,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// What is wrong with the settings, in Vietnamese, one problem a line (nothing when they are
    /// usable): every day exists, each data window starts before it ends and lasts at most one
    /// year, each report is due after its window ends, and a monthly rule's days are 1–31.
    /// </summary>
    public IEnumerable<string> Validate()
    {
        foreach (var problem in Monthly?.Validate() ?? Enumerable.Empty<string>())
            yield return problem;
        foreach (var kind in ReportPeriodKinds.Statutory)
        {
            var rule = For(kind);
            var report = $"Báo cáo {kind.Label()}";
            (string What, MonthDay Day)[] days = [("ngày bắt đầu", rule.Start), ("ngày kết thúc", rule.End), ("hạn gửi", rule.Due)];
            var missing = days.Where(entry => !entry.Day.Exists()).ToList();
            foreach (var (what, day) in missing)
                yield return $"{report}: {what} {day} không tồn tại.";
            if (missing.Count > 0)
                continue;

            var period = new ReportPeriod(CommonYear, kind);
            var window = period.Window(this);
            if (window.From >= window.To)
                yield return $"{report}: ngày bắt đầu {rule.Start} phải trước ngày kết thúc {rule.End}.";
            else if (window.To >= window.From.AddYears(1))
                yield return $"{report}: số liệu từ {rule.Start} năm trước đến {rule.End} dài hơn một năm.";
            if (period.Due(this) <= window.To)
                yield return $"{report}: hạn gửi {rule.Due} phải sau ngày kết thúc {rule.End}.";
        }
    }
}
