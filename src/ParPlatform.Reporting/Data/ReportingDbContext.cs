using Microsoft.EntityFrameworkCore;
using ParPlatform.Messaging;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Data;

/// <summary>
/// The reporting service's own database (reportingdb); its tables live in the "reporting" schema.
/// The dossier and feedback facts are its read model, built from events only and tenant-owned
/// (row-level security, see the migrations), and so are the units' periodic reports with their narrative, entered facts and submitted
/// versions, and the latest events of the other services about each unit (<see cref="SourceEvent"/>) that the report's
/// figures come from; the period settings and the ad hoc reports called for are each province's.
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
            fact.Property(f => f.OpenDaysClass).HasComputedColumnSql(ReportingStatisticsQuery.OpenDaysClassSql, stored: true);
            fact.HasIndex(f => new { f.UnitCode, f.Generation, f.ReceivedAt });
            fact.HasIndex(f => new { f.ProvinceCode, f.ReceivedAt });
            fact.HasIndex(f => new { f.ProvinceCode, f.OpenDaysClass, f.ReceivedAt });
            fact.HasIndex(f => new { f.UnitCode, f.RatedAt }).HasFilter("rated_at IS NOT NULL");
            fact.HasIndex(f => new { f.ProvinceCode, f.RatedAt }).HasFilter("rated_at IS NOT NULL");
        });

        modelBuilder.Entity<DossierDayCount>(count =>
        {
            count.ToTable("dossier_day_counts");
            count.HasKey(c => new { c.UnitCode, c.Generation, c.Day });
            count.Property(c => c.UnitCode).HasMaxLength(5);
            count.Property(c => c.ProvinceCode).HasMaxLength(2);
            count.HasIndex(c => new { c.ProvinceCode, c.Day });
        });

        modelBuilder.Entity<DossierFieldDayCount>(count =>
        {
            count.ToTable("dossier_field_day_counts");
            count.HasKey(c => new { c.UnitCode, c.Generation, c.Day, c.Field });
            count.Property(c => c.UnitCode).HasMaxLength(5);
            count.Property(c => c.ProvinceCode).HasMaxLength(2);
            count.Property(c => c.Field).HasMaxLength(200);
            // The scorecard reads a province's days in the few fields its targets name (ReportingStatisticsQuery.WindowQueries).
            count.HasIndex(c => new { c.ProvinceCode, c.Field, c.Day });
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

        modelBuilder.Entity<Report>(report =>
        {
            report.ToTable("reports");
            report.HasKey(r => r.Id);
            report.Property(r => r.Id).ValueGeneratedNever();
            report.Property(r => r.UnitCode).HasMaxLength(5);
            report.Property(r => r.ProvinceCode).HasMaxLength(2);
            report.Property(r => r.Period).HasMaxLength(20);
            report.Property(r => r.Status).HasMaxLength(20);
            report.Property(r => r.Version).IsRowVersion();
            report.Ignore(r => r.Latest);
            report.HasIndex(r => new { r.UnitCode, r.Period }).IsUnique();
            report.HasIndex(r => new { r.ProvinceCode, r.Period });
            report.HasMany(r => r.Narrative).WithOne().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.HasMany(r => r.Facts).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
            report.HasMany(r => r.AgencyParts).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AgencyPart>(part =>
        {
            part.ToTable("report_agency_parts");
            part.HasKey(p => p.Id);
            part.Property(p => p.Id).ValueGeneratedNever();
            part.Property(p => p.UnitCode).HasMaxLength(5);
            part.Property(p => p.ProvinceCode).HasMaxLength(2);
            part.Property(p => p.Code).HasMaxLength(20);
            part.Property(p => p.AgencyCode).HasMaxLength(50);
            part.Property(p => p.WrittenBy).HasMaxLength(100);
            part.Property(p => p.SentBy).HasMaxLength(100);
            part.HasIndex(p => new { p.ReportId, p.AgencyCode, p.Code }).IsUnique();
        });

        modelBuilder.Entity<ReportOverride>(replaced =>
        {
            replaced.ToTable("report_overrides");
            replaced.HasKey(o => o.Id);
            replaced.Property(o => o.Id).ValueGeneratedNever();
            replaced.Property(o => o.UnitCode).HasMaxLength(5);
            replaced.Property(o => o.ProvinceCode).HasMaxLength(2);
            replaced.Property(o => o.Code).HasMaxLength(100);
            replaced.Property(o => o.Value).HasPrecision(20, 2);
            replaced.Property(o => o.Reason).HasMaxLength(2000);
            replaced.Property(o => o.By).HasMaxLength(100);
            replaced.HasIndex(o => new { o.ReportId, o.Code }).IsUnique();
        });

        modelBuilder.Entity<ProvinceTemplateEntry>(template =>
        {
            template.ToTable("province_templates");
            template.HasKey(t => t.ProvinceCode);
            template.Property(t => t.ProvinceCode).HasMaxLength(2);
            template.Property(t => t.Template).HasColumnType("jsonb");
            template.Property(t => t.UpdatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<ReportIndicator>(indicator =>
        {
            indicator.ToTable("report_indicators");
            indicator.HasKey(i => i.Id);
            indicator.Property(i => i.Id).ValueGeneratedNever();
            indicator.Property(i => i.UnitCode).HasMaxLength(5);
            indicator.Property(i => i.ProvinceCode).HasMaxLength(2);
            indicator.Property(i => i.Code).HasMaxLength(100);
            indicator.Property(i => i.Numerator).HasPrecision(18, 2);
            indicator.Property(i => i.Denominator).HasPrecision(18, 2);
            indicator.Property(i => i.Evidence).HasMaxLength(2000);
            indicator.Property(i => i.EnteredBy).HasMaxLength(100);
            indicator.HasIndex(i => new { i.ReportId, i.Code }).IsUnique();
            indicator.HasIndex(i => i.ProvinceCode);
        });

        modelBuilder.Entity<ReportFact>(fact =>
        {
            fact.ToTable("report_facts");
            fact.HasKey(f => f.Id);
            fact.Property(f => f.Id).ValueGeneratedNever();
            fact.Property(f => f.UnitCode).HasMaxLength(5);
            fact.Property(f => f.ProvinceCode).HasMaxLength(2);
            fact.Property(f => f.Code).HasMaxLength(50);
            fact.Property(f => f.Value).HasPrecision(14, 2);
            fact.Property(f => f.Evidence).HasMaxLength(2000);
            fact.Property(f => f.EnteredBy).HasMaxLength(100);
            fact.HasIndex(f => new { f.ReportId, f.Code }).IsUnique();
        });

        modelBuilder.Entity<ReportNarrative>(narrative =>
        {
            narrative.ToTable("report_narrative");
            narrative.HasKey(n => n.Id);
            narrative.Property(n => n.Id).ValueGeneratedNever();
            narrative.Property(n => n.UnitCode).HasMaxLength(5);
            narrative.Property(n => n.ProvinceCode).HasMaxLength(2);
            narrative.Property(n => n.SectionKey).HasMaxLength(20);
            narrative.Property(n => n.WrittenBy).HasMaxLength(100);
            narrative.HasIndex(n => new { n.ReportId, n.SectionKey }).IsUnique();
        });

        modelBuilder.Entity<ReportVersion>(version =>
        {
            version.ToTable("report_versions");
            version.HasKey(v => v.Id);
            version.Property(v => v.Id).ValueGeneratedNever();
            version.Property(v => v.UnitCode).HasMaxLength(5);
            version.Property(v => v.ProvinceCode).HasMaxLength(2);
            version.Property(v => v.Symbol).HasMaxLength(30);
            version.Property(v => v.Content).HasColumnType("jsonb");
            version.Property(v => v.SubmittedBy).HasMaxLength(100);
            version.Property(v => v.Decision).HasMaxLength(20);
            version.Property(v => v.ReturnReason).HasMaxLength(2000);
            version.Property(v => v.DecidedBy).HasMaxLength(100);
            version.Ignore(v => v.OnTime);
            version.Ignore(v => v.DocumentNumber);
            version.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
            version.HasIndex(v => new { v.UnitCode, v.Year, v.Sequence }).IsUnique();
        });

        modelBuilder.Entity<SourceEvent>(source =>
        {
            source.ToTable("source_events");
            source.HasKey(e => new { e.UnitCode, e.Kind, e.Subject });
            source.Property(e => e.UnitCode).HasMaxLength(5);
            source.Property(e => e.ProvinceCode).HasMaxLength(2);
            source.Property(e => e.Kind).HasMaxLength(50);
            source.Property(e => e.Subject).HasMaxLength(200);
            source.Property(e => e.Payload).HasColumnType("jsonb");
            // A province's sources, read whole for its scorecard and indicators (ScorecardStore).
            source.HasIndex(e => e.ProvinceCode);
        });

        modelBuilder.Entity<PeriodSettingsEntry>(settings =>
        {
            settings.ToTable("period_settings");
            settings.HasKey(s => s.ProvinceCode);
            settings.Property(s => s.ProvinceCode).HasMaxLength(2);
            settings.Property(s => s.Settings).HasColumnType("jsonb");
            settings.Property(s => s.UpdatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<AdHocPeriod>(adHoc =>
        {
            adHoc.ToTable("ad_hoc_periods");
            adHoc.HasKey(a => new { a.ProvinceCode, a.Year, a.Number });
            adHoc.Property(a => a.ProvinceCode).HasMaxLength(2);
            adHoc.Property(a => a.Name).HasMaxLength(AdHocPeriod.MaxName);
            adHoc.Property(a => a.CreatedBy).HasMaxLength(100);
            adHoc.Ignore(a => a.Period);
            adHoc.Ignore(a => a.Scheduled);
        });
    }

    public DbSet<DossierFact> DossierFacts => Set<DossierFact>();

    public DbSet<DossierDayCount> DossierDayCounts => Set<DossierDayCount>();

    public DbSet<DossierFieldDayCount> DossierFieldDayCounts => Set<DossierFieldDayCount>();

    public DbSet<FeedbackFact> FeedbackFacts => Set<FeedbackFact>();

    public DbSet<PeriodSettingsEntry> PeriodSettings => Set<PeriodSettingsEntry>();

    public DbSet<AdHocPeriod> AdHocPeriods => Set<AdHocPeriod>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<SourceEvent> SourceEvents => Set<SourceEvent>();

    public DbSet<UnitGeneration> UnitGenerations => Set<UnitGeneration>();

    public DbSet<ReadModelRebuild> Rebuilds => Set<ReadModelRebuild>();
}
