using System.Globalization;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.ServiceDefaults;

/// <summary>Dates in a request (yyyy-MM-dd, days in Vietnam) and the window of a from= and to= pair.</summary>
public static class DateQuery
{
    /// <summary>Longest window: five years.</summary>
    public const int MaxWindowDays = 5 * 366;

    /// <summary>The window of the query's from= and to= (both days included), or the field errors.</summary>
    public static (DateWindow? Window, FieldErrors Errors) ParseWindow(string? from, string? to)
    {
        var errors = new FieldErrors();
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (start is { } s && end is { } e)
        {
            if (e < s)
                errors.Add("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            else if (e.DayNumber - s.DayNumber >= MaxWindowDays)
                errors.Add("to", "Khoảng thời gian tối đa 5 năm.");
        }
        return (errors.Any ? null : new DateWindow(start!.Value, end!.Value), errors);
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
}
