using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// The dossiers service's own database (dossiersdb); its tables live in the "dossiers" schema.
/// Procedures are tenant-owned (row-level security, see the AddProcedures migration).
/// </summary>
public sealed class DossiersDbContext(DbContextOptions<DossiersDbContext> options) : DbContext(options)
{
    public const string Schema = "dossiers";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();

        modelBuilder.Entity<Procedure>(procedure =>
        {
            procedure.ToTable("procedures");
            procedure.HasKey(p => p.Id);
            procedure.Property(p => p.UnitCode).HasMaxLength(5);
            procedure.Property(p => p.ProvinceCode).HasMaxLength(2);
            procedure.Property(p => p.Code).HasMaxLength(ProcedureInput.MaxCodeLength);
            procedure.Property(p => p.Name).HasMaxLength(500);
            procedure.Property(p => p.Field).HasMaxLength(200);
            procedure.Property(p => p.TimeLimitAmount).HasPrecision(7, 2);
            procedure.Property(p => p.TimeLimitUnit).HasConversion<string>().HasMaxLength(20);
            procedure.Property(p => p.OnlineLevel).HasConversion<string>().HasMaxLength(20);
            procedure.Ignore(p => p.TimeLimit);
            procedure.HasIndex(p => new { p.UnitCode, p.Code }).IsUnique();
            procedure.HasIndex(p => new { p.UnitCode, p.Field });
        });
    }

    public DbSet<Procedure> Procedures => Set<Procedure>();
}
