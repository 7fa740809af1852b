namespace ParPlatform.SharedKernel.Calendar;

/// <summary>
/// Working time of Vietnamese public administration: Monday to Friday (and make-up days),
/// 07:00–11:30 and 13:30–17:00 Asia/Ho_Chi_Minh, except the days off of the configured years.
/// Deadlines are measured in working time: a limit of one working day is
/// <see cref="WorkingDayLength"/> of it counted from receipt, so a dossier received after closing
/// (or on a day off, or at lunch) starts at the next opening, and a supplement pause adds the
/// working time it lasted. An instant in a year the calendar does not know is an
/// <see cref="UnknownCalendarYearException"/>, never a guess.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The two sessions of a working day.</summary>
    public static readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> Sessions =
        [(new TimeOnly(7, 0), new TimeOnly(11, 30)), (new TimeOnly(13, 30), new TimeOnly(17, 0))];

    /// <summary>8 hours: 4 h 30 in the morning, 3 h 30 in the afternoon.</summary>
    public static readonly TimeSpan WorkingDayLength = TimeSpan.FromHours(8);

    private readonly Dictionary<int, CalendarYear> _years;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = years.ToDictionary(y => y.Year);
        var errors = _years.Values.SelectMany(y => y.Validate()).ToList();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(" ", errors), nameof(years));
    }

    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.TryGetValue(date.Year, out var year))
            throw new UnknownCalendarYearException(date.Year);
        if (year.MakeUpWorkingDays.Contains(date))
            return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.DaysOff.Contains(date);
    }

    /// <summary>The instant (in UTC) at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Advance(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(start, VietnamTime);
        var remaining = workingTime;
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = TimeOnly.FromDateTime(local.DateTime);
        while (true)
        {
            if (IsWorkingDay(day))
            {
                foreach (var (sessionStart, sessionEnd) in Sessions)
                {
                    if (sessionEnd <= from)
                        continue;
                    var begin = from > sessionStart ? from : sessionStart;
                    var available = sessionEnd - begin;
                    if (remaining <= available)
                        return VietnamToUtc(day, begin.Add(remaining));
                    remaining -= available;
                }
            }
            day = day.AddDays(1);
            from = TimeOnly.MinValue;
        }
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var start = TimeZoneInfo.ConvertTime(from, VietnamTime).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, VietnamTime).DateTime;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            foreach (var (sessionStart, sessionEnd) in Sessions)
            {
                var begin = Max(day.ToDateTime(sessionStart), start);
                var finish = Min(day.ToDateTime(sessionEnd), end);
                if (finish > begin)
                    total += finish - begin;
            }
        }
        return total;
    }

    /// <summary>
    /// The due instant of a dossier received at <paramref name="receivedAt"/> with <paramref name="limit"/>:
    /// the limit's working time from receipt, plus the working time of each supplement pause.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, TimeLimit limit, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)>? pauses = null)
    {
        var paused = (pauses ?? []).Aggregate(TimeSpan.Zero, (sum, pause) => sum + WorkingTimeBetween(pause.Start, pause.End));
        return Advance(receivedAt, limit.WorkingTime + paused);
    }

    /// <summary>Early, on time or late: the finishing date against the due date, as dates in Vietnam.</summary>
    public static Timeliness Classify(DateTimeOffset finishedAt, DateTimeOffset dueAt)
    {
        var finished = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(finishedAt, VietnamTime).DateTime);
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, VietnamTime).DateTime);
        return finished < due ? Timeliness.Early : finished == due ? Timeliness.OnTime : Timeliness.Late;
    }

    /// <summary>The instant, in UTC, of <paramref name="time"/> on <paramref name="day"/> in Vietnam.</summary>
    public static DateTimeOffset VietnamToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, VietnamTime.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
