using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// Each province's reporting periods: its own settings once a reviewer saved them, else the defaults of DOMAIN.md section 8,
/// and the ad hoc reports it called for. They are the province's (not a unit's): every unit of the province reads them, only
/// the province's routes write them.
/// </summary>
public sealed class ProvincePeriodsStore(ReportingDbContext db)
{
    public async Task<(ReportPeriodSettings Settings, PeriodSettingsEntry? Entry)> GetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var entry = await db.PeriodSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProvinceCode == provinceCode, cancellationToken);
        return (entry is null ? ReportPeriodSettings.Default : Read(entry.Settings), entry);
    }

    /// <summary>The province's settings and its ad hoc reports.</summary>
    public async Task<ProvincePeriods> PeriodsAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var (settings, _) = await GetAsync(provinceCode, cancellationToken);
        var adHoc = await db.AdHocPeriods.AsNoTracking().Where(a => a.ProvinceCode == provinceCode).ToListAsync(cancellationToken);
        return new ProvincePeriods(settings, adHoc);
    }

    /// <summary>The period as the province collects it; null when it does not (<see cref="ProvincePeriods.Find"/>).</summary>
    public async Task<ScheduledPeriod?> FindAsync(string provinceCode, ReportPeriod period, CancellationToken cancellationToken)
    {
        if (period.Kind == ReportPeriodKind.AdHoc)
        {
            var adHoc = await db.AdHocPeriods.AsNoTracking()
                .SingleOrDefaultAsync(a => a.ProvinceCode == provinceCode && a.Year == period.Year && a.Number == period.Number, cancellationToken);
            return adHoc?.Scheduled;
        }
        var (settings, _) = await GetAsync(provinceCode, cancellationToken);
        return new ProvincePeriods(settings, []).Find(period);
    }

    public async Task<PeriodSettingsEntry> SaveAsync(
        string provinceCode, ReportPeriodSettings settings, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await db.PeriodSettings.SingleOrDefaultAsync(s => s.ProvinceCode == provinceCode, cancellationToken);
        if (entry is null)
        {
            entry = new PeriodSettingsEntry { ProvinceCode = provinceCode, Settings = "", UpdatedBy = userId };
            db.PeriodSettings.Add(entry);
        }
        entry.Settings = JsonSerializer.Serialize(settings, JsonSerializerOptions.Web);
        entry.UpdatedAt = now;
        entry.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// Saves an ad hoc report the province calls for, numbered after the last one of its year; two calls at once take turns (a lock of
    /// the province's ad hoc reports to the commit), so each gets its own number. Null when the year already has all its numbers.
    /// </summary>
    public async Task<AdHocPeriod?> CallAsync(
        string provinceCode, string name, DateWindow window, DateOnly due, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"ad_hoc_periods:" + provinceCode}, 0))", cancellationToken);
        var numbers = await db.AdHocPeriods.Where(a => a.ProvinceCode == provinceCode && a.Year == window.To.Year).Select(a => a.Number)
            .ToListAsync(cancellationToken);
        var next = numbers.DefaultIfEmpty(0).Max() + 1;
        if (next > ReportPeriod.MaxAdHocNumber)
            return null;
        var period = AdHocPeriod.Call(provinceCode, next, name, window, due, userId, now);
        db.AdHocPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return period;
    }

    /// <summary>The province's ad hoc report of <paramref name="period"/>, tracked to be corrected or withdrawn; null when it did not call for it.</summary>
    public Task<AdHocPeriod?> FindAdHocAsync(string provinceCode, ReportPeriod period, CancellationToken cancellationToken) =>
        period.Kind != ReportPeriodKind.AdHoc
            ? Task.FromResult<AdHocPeriod?>(null)
            : db.AdHocPeriods.SingleOrDefaultAsync(a => a.ProvinceCode == provinceCode && a.Year == period.Year && a.Number == period.Number, cancellationToken);

    /// <summary>How many of the province's units have a report of the period (a draft or more), and how many of those were submitted.</summary>
    public async Task<(int Reports, int Submitted)> ReportsOfAsync(string provinceCode, ReportPeriod period, CancellationToken cancellationToken)
    {
        var counted = await db.Reports.Where(r => r.ProvinceCode == provinceCode && r.Period == period.Code)
            .GroupBy(r => 1).Select(g => new { Reports = g.Count(), Submitted = g.Count(r => r.Versions.Count > 0) })
            .SingleOrDefaultAsync(cancellationToken);
        return (counted?.Reports ?? 0, counted?.Submitted ?? 0);
    }

    /// <summary>Saves a correction of a tracked ad hoc report.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Deletes a tracked ad hoc report: the province withdrew its call before any unit wrote a report of it.</summary>
    public async Task WithdrawAsync(AdHocPeriod period, CancellationToken cancellationToken)
    {
        db.AdHocPeriods.Remove(period);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ReportPeriodSettings Read(string json) =>
        JsonSerializer.Deserialize<ReportPeriodSettings>(json, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("Stored period settings are empty.");
}
