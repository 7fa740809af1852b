using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;
using ParPlatform.Staffing.Domain;

namespace ParPlatform.Staffing.Data;

/// <summary>
/// The staffing service's own database (staffingdb); its tables live in the "staffing" schema. Quotas, headcounts,
/// movements and job-position schemes are tenant-owned (row-level security, see the migrations): counts, not personal records.
/// </summary>
public sealed class StaffingDbContext(DbContextOptions<StaffingDbContext> options) : DbContext(options)
{
    public const string Schema = "staffing";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();

        modelBuilder.Entity<StaffingQuota>(quota =>
        {
            quota.ToTable("staffing_quotas");
            quota.HasKey(q => q.Id);
            quota.Property(q => q.Id).ValueGeneratedNever();
            quota.Property(q => q.UnitCode).HasMaxLength(5);
            quota.Property(q => q.ProvinceCode).HasMaxLength(2);
            quota.Property(q => q.AgencyCode).HasMaxLength(50);
            quota.Property(q => q.Decision).HasMaxLength(50);
            quota.Property(q => q.RecordedBy).HasMaxLength(100);
            quota.Property(q => q.Version).IsRowVersion();
            quota.Ignore(q => q.PublicEmployees);
            quota.Ignore(q => q.Total);
            quota.HasIndex(q => new { q.UnitCode, q.Year, q.AgencyCode }).IsUnique().AreNullsDistinct(false);
            quota.HasIndex(q => new { q.ProvinceCode, q.Year });
        });

        modelBuilder.Entity<Headcount>(headcount =>
        {
            headcount.ToTable("headcounts");
            headcount.HasKey(h => h.Id);
            headcount.Property(h => h.Id).ValueGeneratedNever();
            headcount.Property(h => h.UnitCode).HasMaxLength(5);
            headcount.Property(h => h.ProvinceCode).HasMaxLength(2);
            headcount.Property(h => h.AgencyCode).HasMaxLength(50);
            headcount.Property(h => h.RecordedBy).HasMaxLength(100);
            headcount.Property(h => h.Version).IsRowVersion();
            headcount.Ignore(h => h.Total);
            headcount.Ignore(h => h.Roles);
            headcount.HasIndex(h => new { h.UnitCode, h.AgencyCode, h.AsOf }).IsUnique().AreNullsDistinct(false);
            headcount.HasIndex(h => new { h.ProvinceCode, h.AsOf });
        });

        modelBuilder.Entity<PeriodMovements>(movements =>
        {
            movements.ToTable("staff_movements");
            movements.HasKey(m => m.Id);
            movements.Property(m => m.Id).ValueGeneratedNever();
            movements.Property(m => m.UnitCode).HasMaxLength(5);
            movements.Property(m => m.ProvinceCode).HasMaxLength(2);
            movements.Property(m => m.Kind).HasMaxLength(20);
            movements.Property(m => m.RecordedBy).HasMaxLength(100);
            movements.Property(m => m.Version).IsRowVersion();
            movements.Ignore(m => m.Period);
            movements.Ignore(m => m.DisciplinedLeaders);
            movements.HasIndex(m => new { m.UnitCode, m.Year, m.Kind }).IsUnique();
            movements.HasIndex(m => new { m.ProvinceCode, m.Year, m.Kind });
            movements.HasMany(m => m.Discipline).WithOne().HasForeignKey(d => d.MovementsId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DisciplineRecord>(discipline =>
        {
            discipline.ToTable("staff_discipline");
            discipline.HasKey(d => d.Id);
            discipline.Property(d => d.Id).ValueGeneratedNever();
            discipline.Property(d => d.UnitCode).HasMaxLength(5);
            discipline.Property(d => d.ProvinceCode).HasMaxLength(2);
            discipline.Property(d => d.Level).HasMaxLength(20);
            discipline.HasIndex(d => new { d.MovementsId, d.Level }).IsUnique();
        });

        modelBuilder.Entity<JobPositionScheme>(scheme =>
        {
            scheme.ToTable("job_position_schemes");
            scheme.HasKey(s => s.Id);
            scheme.Property(s => s.Id).ValueGeneratedNever();
            scheme.Property(s => s.UnitCode).HasMaxLength(5);
            scheme.Property(s => s.ProvinceCode).HasMaxLength(2);
            scheme.Property(s => s.AgencyCode).HasMaxLength(50);
            scheme.Property(s => s.Decision).HasMaxLength(50);
            scheme.Property(s => s.RecordedBy).HasMaxLength(100);
            scheme.Property(s => s.Version).IsRowVersion();
            scheme.HasIndex(s => new { s.UnitCode, s.AgencyCode }).IsUnique();
        });
    }

    public DbSet<PeriodMovements> Movements => Set<PeriodMovements>();

    public DbSet<JobPositionScheme> JobPositionSchemes => Set<JobPositionScheme>();

    public DbSet<StaffingQuota> Quotas => Set<StaffingQuota>();

    public DbSet<Headcount> Headcounts => Set<Headcount>();
}
