using System.Globalization;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// A reporting window: whole days in Vietnam, <see cref="From"/> to <see cref="To"/> inclusive,
/// i.e. the instants from <see cref="Start"/> (00:00 of From) up to but excluding <see cref="End"/>
/// (00:00 of the day after To).
/// </summary>
public sealed record StatisticsWindow(DateOnly From, DateOnly To)
{
    /// <summary>Longest window: five years.</summary>
    public const int MaxDays = 5 * 366;

    public DateTimeOffset Start => Midnight(From);

    public DateTimeOffset End => Midnight(To.AddDays(1));

    /// <summary>The window of the query's from= and to= (yyyy-MM-dd), or the field errors.</summary>
    public static (StatisticsWindow? Window, FieldErrors Errors) Parse(string? from, string? to)
    {
        var errors = new FieldErrors();
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
                errors.Add("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            else if (e.DayNumber - s.DayNumber >= MaxDays)
                errors.Add("to", "Khoảng thời gian tối đa 5 năm.");
        }
        return (errors.Any ? null : new StatisticsWindow(start!.Value, end!.Value), errors);
    }

    /// <summary>A date of the form yyyy-MM-dd, or an error on <paramref name="field"/>.</summary>
    public static DateOnly? ParseDate(string field, string? value, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Bắt buộc, dạng yyyy-MM-dd.");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, $"\"{value}\" không phải ngày dạng yyyy-MM-dd.");
        return null;
    }

    /// <summary>00:00 of <paramref name="day"/> in Vietnam, as a UTC instant (what PostgreSQL takes).</summary>
    public static DateTimeOffset Midnight(DateOnly day) => WorkingCalendar.FromVietnamTime(day.ToDateTime(TimeOnly.MinValue));
}
