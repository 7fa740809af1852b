namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// A day of the year without its year, as a setting stores it: the 5th of March is (3, 5).
/// The 29th of February means the last day of February: the 28th in a common year.
/// </summary>
public readonly record struct MonthDay(int Month, int Day)
{
    /// <summary>Whether the day is in the calendar: a month 1–12 and a day up to that month's length in a leap year.</summary>
    public bool Exists() => Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(2024, Month);

    /// <summary>This day in <paramref name="year"/>; 29/02 is 28/02 in a common year.</summary>
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    /// <summary>dd/MM, as Vietnamese dates are written.</summary>
    public override string ToString() => $"{Day:00}/{Month:00}";
}
