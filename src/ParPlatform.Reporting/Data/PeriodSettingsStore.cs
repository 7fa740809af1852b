using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Reporting.Domain;
using ParPlatform.SharedKernel.Reporting;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// Each province's reporting periods: its own settings once a reviewer saved them, else the
/// defaults of DOMAIN.md section 8. The settings are the province's (not a unit's): every unit of
/// the province reads them, only the province's routes write them.
/// </summary>
public sealed class PeriodSettingsStore(ReportingDbContext db)
{
    public async Task<(ReportPeriodSettings Settings, PeriodSettingsEntry? Entry)> GetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var entry = await db.PeriodSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProvinceCode == provinceCode, cancellationToken);
        return (entry is null ? ReportPeriodSettings.Default : Read(entry.Settings), entry);
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

    private static ReportPeriodSettings Read(string json) =>
        JsonSerializer.Deserialize<ReportPeriodSettings>(json, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("Stored period settings are empty.");
}
