using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;

namespace ParPlatform.Reporting.Data;

/// <summary>The reporting service's own database (reportingdb); its tables live in the "reporting" schema.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public const string Schema = "reporting";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();
    }
}
