using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParPlatform.Dossiers.Data;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.Dossiers.Calendar;

/// <summary>
/// The working calendar of the configured years, read from <c>calendar_years</c> and kept for a
/// minute (another instance's edit is seen within it; this instance's at once). The request's
/// DbContext is asked for only when the calendar is read (the intake, a hot path, has none otherwise).
/// </summary>
public sealed class WorkingCalendarStore(IServiceProvider services, IMemoryCache cache)
{
    private static readonly object Key = typeof(WorkingCalendarStore);

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out WorkingCalendar? calendar))
            return calendar!;
        var db = services.GetRequiredService<DossiersDbContext>();
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        calendar = new WorkingCalendar(years.Select(y => y.ToCalendarYear()));
        cache.Set(Key, calendar, TimeSpan.FromMinutes(1));
        return calendar;
    }

    public void Forget() => cache.Remove(Key);
}
