using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.SharedKernel.Reporting;

/// <summary>
/// Whole days in Vietnam, <see cref="From"/> to <see cref="To"/> inclusive; as instants, from
/// <see cref="Start"/> (00:00 of From) up to but excluding <see cref="End"/> (00:00 of the day
/// after To), both in UTC.
/// </summary>
public readonly record struct DateWindow(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => WorkingCalendar.FromVietnamTime(From.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset End => WorkingCalendar.FromVietnamTime(To.AddDays(1).ToDateTime(TimeOnly.MinValue));
}
