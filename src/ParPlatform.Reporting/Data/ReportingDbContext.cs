using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// The reporting service's own database (reportingdb); its tables live in the "reporting" schema.
/// The dossier and feedback facts are its read model, built from events only and tenant-owned
/// (row-level security, see the migrations); the period settings are each province's.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public const string Schema = "reporting";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();

        modelBuilder.Entity<DossierFact>(fact =>
        {
            fact.ToTable("dossier_facts");
            fact.HasKey(f => new { f.Generation, f.DossierId });
            fact.Property(f => f.DossierId).ValueGeneratedNever();
            fact.Property(f => f.Generation).ValueGeneratedNever();
            fact.Property(f => f.UnitCode).HasMaxLength(5);
            fact.Property(f => f.ProvinceCode).HasMaxLength(2);
            fact.Property(f => f.Field).HasMaxLength(200);
            fact.Property(f => f.Channel).HasMaxLength(20);
            fact.Property(f => f.Timeliness).HasMaxLength(10);
            fact.Property(f => f.ReturnReason).HasMaxLength(20);
            fact.Property(f => f.Rating).HasMaxLength(20);
            fact.HasIndex(f => new { f.UnitCode, f.Generation, f.ReceivedAt });
            fact.HasIndex(f => new { f.ProvinceCode, f.ReceivedAt });
            fact.HasIndex(f => new { f.UnitCode, f.RatedAt }).HasFilter("rated_at IS NOT NULL");
            fact.HasIndex(f => new { f.ProvinceCode, f.RatedAt }).HasFilter("rated_at IS NOT NULL");
        });

        modelBuilder.Entity<FeedbackFact>(fact =>
        {
            fact.ToTable("feedback_facts");
            fact.HasKey(f => new { f.Generation, f.FeedbackId });
            fact.Property(f => f.FeedbackId).ValueGeneratedNever();
            fact.Property(f => f.Generation).ValueGeneratedNever();
            fact.Property(f => f.UnitCode).HasMaxLength(5);
            fact.Property(f => f.ProvinceCode).HasMaxLength(2);
            fact.HasIndex(f => new { f.UnitCode, f.Generation, f.ReceivedAt });
            fact.HasIndex(f => new { f.ProvinceCode, f.ReceivedAt });
        });

        modelBuilder.Entity<UnitGeneration>(generation =>
        {
            generation.ToTable("unit_generations");
            generation.HasKey(g => g.UnitCode);
            generation.Property(g => g.UnitCode).HasMaxLength(5);
            generation.Property(g => g.ProvinceCode).HasMaxLength(2);
            generation.HasIndex(g => g.ReplayId).IsUnique().HasFilter("replay_id IS NOT NULL");
            generation.HasIndex(g => g.RebuildId);
        });

        modelBuilder.Entity<ReadModelRebuild>(rebuild =>
        {
            rebuild.ToTable("read_model_rebuilds");
            rebuild.HasKey(r => r.Id);
            rebuild.Property(r => r.RequestedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<PeriodSettingsEntry>(settings =>
        {
            settings.ToTable("period_settings");
            settings.HasKey(s => s.ProvinceCode);
            settings.Property(s => s.ProvinceCode).HasMaxLength(2);
            settings.Property(s => s.Settings).HasColumnType("jsonb");
            settings.Property(s => s.UpdatedBy).HasMaxLength(100);
        });
    }

    public DbSet<DossierFact> DossierFacts => Set<DossierFact>();

    public DbSet<FeedbackFact> FeedbackFacts => Set<FeedbackFact>();

    public DbSet<PeriodSettingsEntry> PeriodSettings => Set<PeriodSettingsEntry>();

    public DbSet<UnitGeneration> UnitGenerations => Set<UnitGeneration>();

    public DbSet<ReadModelRebuild> Rebuilds => Set<ReadModelRebuild>();
}
