using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParPlatform.Reporting.Domain;

namespace ParPlatform.Reporting.Data;

/// <summary>Each province's report template (<see cref="ProvinceTemplate"/>): its own once a reviewer saved it, else the default.</summary>
public sealed class ProvinceTemplateStore(ReportingDbContext db)
{
    public async Task<(ProvinceTemplate Template, ProvinceTemplateEntry? Entry)> GetAsync(string provinceCode, CancellationToken cancellationToken)
    {
        var entry = await db.Set<ProvinceTemplateEntry>().AsNoTracking().SingleOrDefaultAsync(t => t.ProvinceCode == provinceCode, cancellationToken);
        return (entry is null ? ProvinceTemplate.Default : JsonSerializer.Deserialize<ProvinceTemplate>(entry.Template, JsonSerializerOptions.Web)!, entry);
    }

    public async Task<ProvinceTemplateEntry> SaveAsync(string provinceCode, ProvinceTemplate template, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await db.Set<ProvinceTemplateEntry>().SingleOrDefaultAsync(t => t.ProvinceCode == provinceCode, cancellationToken);
        if (entry is null)
            db.Set<ProvinceTemplateEntry>().Add(entry = new ProvinceTemplateEntry { ProvinceCode = provinceCode, Template = "", UpdatedBy = userId });
        entry.Template = JsonSerializer.Serialize(template, JsonSerializerOptions.Web);
        entry.UpdatedAt = now;
        entry.UpdatedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
