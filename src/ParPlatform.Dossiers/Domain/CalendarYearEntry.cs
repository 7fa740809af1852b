using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Domain;

/// <summary>
/// One configured year of the working calendar as stored (the platform's row, not a tenant's):
/// 2025, 2026 and (provisionally) 2027 are seeded from <see cref="PublicHolidays"/>, an administrator adds later years.
/// </summary>
public sealed class CalendarYearEntry
{
    public int Year { get; init; }

    public DateOnly[] DaysOff { get; set; } = [];

    public DateOnly[] MakeUpWorkingDays { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The administrator who last wrote it (token subject); "seed" for the seeded years.</summary>
    public required string UpdatedBy { get; set; }

    public CalendarYear ToCalendarYear() => new(Year, DaysOff.ToHashSet(), MakeUpWorkingDays.ToHashSet());
}
