using Microsoft.EntityFrameworkCore;
using ParPlatform.Identity.Domain;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Identity.Data;

/// <summary>
/// The identity service's own database (identitydb); its tables live in the "identity" schema:
/// the registry (provinces, units, agencies), user accounts, integrator scopes, OpenIddict's
/// applications, authorizations, scopes and tokens, and the messaging tables. Units, agencies
/// and users are tenant-owned (row-level security, see the AddIdentity migration), and so are the
/// entries of the audit log.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string Schema = "identity";

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<IntegratorClient> Integrators => Set<IntegratorClient>();

    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables();
        modelBuilder.UseOpenIddict();

        modelBuilder.Entity<Province>(province =>
        {
            province.ToTable("provinces");
            province.HasKey(p => p.ProvinceCode);
            province.Property(p => p.ProvinceCode).HasMaxLength(2);
            province.Property(p => p.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Unit>(unit =>
        {
            unit.ToTable("units");
            unit.HasKey(u => u.UnitCode);
            unit.Property(u => u.UnitCode).HasMaxLength(5);
            unit.Property(u => u.ProvinceCode).HasMaxLength(2);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.Kind).HasMaxLength(20);
            unit.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Agency>(agency =>
        {
            agency.ToTable("agencies");
            agency.HasKey(a => a.Id);
            agency.Property(a => a.UnitCode).HasMaxLength(5);
            agency.Property(a => a.ProvinceCode).HasMaxLength(2);
            agency.Property(a => a.Code).HasMaxLength(40);
            agency.Property(a => a.Name).HasMaxLength(200);
            agency.Property(a => a.Kind).HasMaxLength(30);
            agency.HasIndex(a => new { a.UnitCode, a.Code }).IsUnique();
            agency.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<UserAccount>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.UserName).HasMaxLength(64);
            user.HasIndex(u => u.UserName).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Role).HasMaxLength(40);
            user.Property(u => u.UnitCode).HasMaxLength(5);
            user.Property(u => u.ProvinceCode).HasMaxLength(2);
            user.Property(u => u.AgencyCode).HasMaxLength(40);
            user.Property(u => u.PasswordHash).HasMaxLength(200);
            user.HasIndex(u => u.UnitCode);
            user.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitCode).OnDelete(DeleteBehavior.Restrict);
            user.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SignInLockout>(lockout =>
        {
            lockout.ToTable("sign_in_lockouts");
            lockout.HasKey(l => new { l.UserId, l.Address });
            lockout.Property(l => l.Address).HasMaxLength(64);
            lockout.HasOne<UserAccount>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IntegratorClient>(integrator =>
        {
            integrator.ToTable("integrator_clients");
            integrator.HasKey(i => i.ClientId);
            integrator.Property(i => i.ClientId).HasMaxLength(64);
            integrator.Property(i => i.DisplayName).HasMaxLength(200);
            integrator.Property(i => i.ProvinceCode).HasMaxLength(2);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Service).HasMaxLength(40);
            entry.Property(e => e.Action).HasMaxLength(80);
            entry.Property(e => e.EntityKey).HasMaxLength(200);
            entry.Property(e => e.UnitCode).HasMaxLength(5);
            entry.Property(e => e.ProvinceCode).HasMaxLength(2);
            entry.Property(e => e.ActorId).HasMaxLength(64);
            entry.Property(e => e.ActorName).HasMaxLength(200);
            entry.Property(e => e.ActorRole).HasMaxLength(40);
            entry.Property(e => e.Before).HasColumnType("jsonb");
            entry.Property(e => e.After).HasColumnType("jsonb");
            entry.HasIndex(e => e.OccurredAt);
        });
    }
}
