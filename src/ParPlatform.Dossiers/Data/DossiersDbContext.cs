using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;

namespace ParPlatform.Dossiers.Data;

/// <summary>The dossiers service's own database (dossiersdb); its tables live in the "dossiers" schema.</summary>
public sealed class DossiersDbContext(DbContextOptions<DossiersDbContext> options) : DbContext(options)
{
    public const string Schema = "dossiers";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();
    }
}
