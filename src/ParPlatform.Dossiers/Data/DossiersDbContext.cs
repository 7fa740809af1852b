using Microsoft.EntityFrameworkCore;
using ParPlatform.Dossiers.Domain;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Dossiers.Data;

/// <summary>
/// The dossiers service's own database (dossiersdb); its tables live in the "dossiers" schema.
/// Procedures, dossiers, their transitions and feedback are tenant-owned (row-level security, see
/// the migrations); the calendar years are the platform's.
/// </summary>
public sealed class DossiersDbContext(DbContextOptions<DossiersDbContext> options) : DbContext(options)
{
    public const string Schema = "dossiers";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

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
            procedure.Property(p => p.TimeLimitUnit).HasMaxLength(20);
            procedure.Property(p => p.OnlineLevel).HasMaxLength(20);
            procedure.Ignore(p => p.TimeLimit);
            procedure.HasIndex(p => new { p.UnitCode, p.Code }).IsUnique();
            procedure.HasIndex(p => new { p.UnitCode, p.Field });
        });

        modelBuilder.Entity<Dossier>(dossier =>
        {
            dossier.ToTable("dossiers");
            dossier.HasKey(d => d.Id);
            dossier.Property(d => d.UnitCode).HasMaxLength(5);
            dossier.Property(d => d.ProvinceCode).HasMaxLength(2);
            dossier.Property(d => d.ExternalId).HasMaxLength(100);
            dossier.Property(d => d.ProcedureCode).HasMaxLength(ProcedureInput.MaxCodeLength);
            dossier.Property(d => d.Field).HasMaxLength(200);
            dossier.Property(d => d.ApplicantReference).HasMaxLength(Dossier.MaxReferenceLength);
            dossier.Property(d => d.TimeLimitAmount).HasPrecision(7, 2);
            dossier.Property(d => d.TimeLimitUnit).HasMaxLength(20);
            dossier.Property(d => d.Channel).HasMaxLength(20);
            dossier.Property(d => d.Status).HasMaxLength(30);
            dossier.Property(d => d.Timeliness).HasMaxLength(10);
            dossier.Property(d => d.ReturnReason).HasMaxLength(20);
            dossier.Property(d => d.Rating).HasMaxLength(20);
            dossier.Property(d => d.ApologyReason).HasMaxLength(1000);
            dossier.Property(d => d.ApologyIssuedBy).HasMaxLength(100);
            dossier.Property(d => d.ApologyAgencyCode).HasMaxLength(50);
            dossier.Property(d => d.Version).IsRowVersion();
            dossier.Ignore(d => d.TimeLimit);
            dossier.HasIndex(d => new { d.UnitCode, d.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
            dossier.HasIndex(d => new { d.UnitCode, d.ReceivedAt });
            dossier.HasIndex(d => new { d.UnitCode, d.Id }); // a replay's pages (ReplayPages)
            dossier.HasIndex(d => new { d.UnitCode, d.RatedAt }).HasFilter("rated_at IS NOT NULL");
            dossier.HasIndex(d => d.DueAt).HasFilter("overdue_at IS NULL AND finished_at IS NULL AND due_at IS NOT NULL");
        });

        modelBuilder.Entity<DossierTransition>(transition =>
        {
            transition.ToTable("dossier_transitions");
            transition.HasKey(t => t.Id);
            transition.Property(t => t.UnitCode).HasMaxLength(5);
            transition.Property(t => t.ProvinceCode).HasMaxLength(2);
            transition.Property(t => t.Action).HasMaxLength(30);
            transition.Property(t => t.FromStatus).HasMaxLength(30);
            transition.Property(t => t.ToStatus).HasMaxLength(30);
            transition.Property(t => t.UserId).HasMaxLength(100);
            transition.Property(t => t.AgencyCode).HasMaxLength(50);
            transition.Property(t => t.Note).HasMaxLength(1000);
            transition.HasOne<Dossier>().WithMany().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Feedback>(feedback =>
        {
            feedback.ToTable("feedback");
            feedback.HasKey(f => f.Id);
            feedback.Property(f => f.UnitCode).HasMaxLength(5);
            feedback.Property(f => f.ProvinceCode).HasMaxLength(2);
            feedback.Property(f => f.Channel).HasMaxLength(20);
            feedback.Property(f => f.Status).HasMaxLength(20);
            feedback.Property(f => f.Subject).HasMaxLength(500);
            feedback.Property(f => f.SenderReference).HasMaxLength(Dossier.MaxReferenceLength);
            feedback.Property(f => f.ForwardedTo).HasMaxLength(50);
            feedback.Property(f => f.Answer).HasMaxLength(4000);
            feedback.Property(f => f.Version).IsRowVersion();
            feedback.HasIndex(f => new { f.UnitCode, f.ReceivedAt });
            feedback.HasIndex(f => new { f.UnitCode, f.Id }); // a replay's pages (ReplayPages)
        });

        modelBuilder.Entity<DossierImportJob>(job =>
        {
            job.ToTable("dossier_imports");
            job.HasKey(j => j.Id);
            job.Property(j => j.UnitCode).HasMaxLength(5);
            job.Property(j => j.ProvinceCode).HasMaxLength(2);
            job.Property(j => j.Status).HasMaxLength(20);
            job.Property(j => j.Error).HasMaxLength(1000);
            job.Property(j => j.UserId).HasMaxLength(100);
            job.HasIndex(j => new { j.UnitCode, j.StartedAt });
        });

        modelBuilder.Entity<CalendarYearEntry>(year =>
        {
            year.ToTable("calendar_years");
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.UpdatedBy).HasMaxLength(100);
        });
    }

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierTransition> DossierTransitions => Set<DossierTransition>();

    public DbSet<Feedback> Feedback => Set<Feedback>();

    public DbSet<DossierImportJob> ImportJobs => Set<DossierImportJob>();

    public DbSet<CalendarYearEntry> CalendarYears => Set<CalendarYearEntry>();
}
