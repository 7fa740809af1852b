namespace ParPlatform.SharedKernel.Calendar;

/// <summary>
/// One year of the public-service calendar: the weekdays that are off (public holidays, Tết, and
/// the days given in exchange for a make-up day) and the Saturdays or Sundays that are worked
/// instead. The calendar is data: the government announces it each year.
/// </summary>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> DaysOff, IReadOnlySet<DateOnly> MakeUpWorkingDays)
{
    /// <summary>The days that are not what a plain week says, each in <see cref="Year"/>.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var day in DaysOff.Concat(MakeUpWorkingDays).Where(d => d.Year != Year))
            yield return $"{day:dd/MM/yyyy} không thuộc năm {Year}.";
        foreach (var day in MakeUpWorkingDays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            yield return $"{day:dd/MM/yyyy} là ngày thường, không phải ngày làm bù.";
        foreach (var day in DaysOff.Intersect(MakeUpWorkingDays))
            yield return $"{day:dd/MM/yyyy} vừa là ngày nghỉ vừa là ngày làm bù.";
    }
}

/// <summary>A date or instant outside the years the calendar knows: its year must be configured first.</summary>
public sealed class UnknownCalendarYearException(int year)
    : Exception($"Lịch làm việc năm {year} chưa được cấu hình (ngày nghỉ lễ, ngày làm bù); hãy cấu hình năm {year} trước.")
{
    public int Year { get; } = year;
}
