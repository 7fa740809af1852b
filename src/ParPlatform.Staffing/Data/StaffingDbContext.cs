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
    }

    public DbSet<StaffingQuota> Quotas => Set<StaffingQuota>();

    public DbSet<Headcount> Headcounts => Set<Headcount>();
}
