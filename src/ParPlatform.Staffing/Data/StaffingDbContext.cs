using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;

namespace ParPlatform.Staffing.Data;

/// <summary>The staffing service's own database (staffingdb); its tables live in the "staffing" schema.</summary>
public sealed class StaffingDbContext(DbContextOptions<StaffingDbContext> options) : DbContext(options)
{
    public const string Schema = "staffing";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();
    }
}
