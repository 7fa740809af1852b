using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParPlatform.Messaging;
using ParPlatform.Plans.Domain;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Plans.Data;

/// <summary>
/// The plans service's own database (plansdb); its tables live in the "plans" schema. Plans, their targets and tasks, the
/// tasks' progress and the units' bodies are tenant-owned (row-level security, see the migrations); a province plan has
/// no unit code, so only its province's scope reaches it.
/// </summary>
public sealed class PlansDbContext(DbContextOptions<PlansDbContext> options) : DbContext(options)
{
    public const string Schema = "plans";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.StoreEnumsByName();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();

        modelBuilder.Entity<Plan>(plan =>
        {
            plan.ToTable("plans");
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Id).ValueGeneratedNever(); // time-ordered ids set by the domain: a new child of a plan is added, not updated
            plan.Property(p => p.UnitCode).HasMaxLength(5);
            plan.Property(p => p.ProvinceCode).HasMaxLength(2);
            plan.Property(p => p.AgencyCode).HasMaxLength(50);
            plan.Property(p => p.IssuerLevel).HasMaxLength(20);
            plan.Property(p => p.IssuerName).HasMaxLength(300);
            plan.Property(p => p.Title).HasMaxLength(1000);
            plan.Property(p => p.Number).HasMaxLength(20);
            plan.Property(p => p.Symbol).HasMaxLength(50);
            plan.Property(p => p.Status).HasMaxLength(20);
            plan.Property(p => p.CreatedBy).HasMaxLength(100);
            plan.Property(p => p.IssuedBy).HasMaxLength(100);
            plan.Json(p => p.Phases);
            plan.Json(p => p.LegalBases);
            plan.Property(p => p.Version).IsRowVersion();
            plan.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            // The key of an issued plan: issuer + number + issue date (numbers repeat across issuers and years).
            plan.HasIndex(p => new { p.ProvinceCode, p.UnitCode, p.AgencyCode, p.Number, p.Symbol, p.IssueDate }).IsUnique()
                .AreNullsDistinct(false).HasFilter("number IS NOT NULL");
            plan.HasIndex(p => new { p.UnitCode, p.FromYear });
            plan.HasIndex(p => new { p.ProvinceCode, p.FromYear });
        });

        modelBuilder.Entity<PlanTarget>(target =>
        {
            target.ToTable("plan_targets");
            target.HasKey(t => t.Id);
            target.Property(t => t.Id).ValueGeneratedNever(); // time-ordered ids set by the domain: a new child of a plan is added, not updated
            target.Property(t => t.UnitCode).HasMaxLength(5);
            target.Property(t => t.ProvinceCode).HasMaxLength(2);
            target.Property(t => t.Code).HasMaxLength(20);
            target.Property(t => t.Area).HasMaxLength(30);
            target.Property(t => t.Text).HasMaxLength(4000);
            target.Property(t => t.IndicatorCode).HasMaxLength(100);
            target.Property(t => t.Comparator).HasMaxLength(20);
            target.Property(t => t.Threshold).HasPrecision(12, 2);
            target.Property(t => t.Phase).HasMaxLength(50);
            target.Property(t => t.Field).HasMaxLength(200);
            target.Property(t => t.Channel).HasMaxLength(100);
            target.Ignore(t => t.Measure);
            target.Ignore(t => t.Content);
        });

        modelBuilder.Entity<PlanTask>(task =>
        {
            task.ToTable("plan_tasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).ValueGeneratedNever(); // time-ordered ids set by the domain: a new child of a plan is added, not updated
            task.Property(t => t.UnitCode).HasMaxLength(5);
            task.Property(t => t.ProvinceCode).HasMaxLength(2);
            task.Property(t => t.Code).HasMaxLength(20);
            task.Property(t => t.Area).HasMaxLength(30);
            task.Property(t => t.Group).HasMaxLength(1000);
            task.Property(t => t.Content).HasMaxLength(4000);
            task.Property(t => t.Output).HasMaxLength(4000);
            task.Property(t => t.Criterion).HasMaxLength(4000);
            task.Property(t => t.IndicatorCode).HasMaxLength(100);
            task.Property(t => t.Comparator).HasMaxLength(20);
            task.Property(t => t.Threshold).HasPrecision(12, 2);
            task.Json(t => t.Leads);
            task.Json(t => t.Cooperating);
            task.Property(t => t.TimeframeKind).HasMaxLength(30);
            task.Property(t => t.TimeframeText).HasMaxLength(200);
            task.Property(t => t.Note).HasMaxLength(2000);
            task.Property(t => t.Status).HasMaxLength(20);
            task.Property(t => t.CancelReason).HasMaxLength(2000);
            task.Property(t => t.Version).IsRowVersion();
            task.Ignore(t => t.Measure);
            task.Ignore(t => t.Timeframe);
            task.Ignore(t => t.ContentOf);
            task.Ignore(t => t.CompletedOnTime);
            task.HasIndex(t => new { t.UnitCode, t.DueDate });
            task.HasIndex(t => t.DueDate).HasFilter("overdue_on IS NULL AND completed_on IS NULL AND due_date IS NOT NULL");
        });

        modelBuilder.Entity<TaskProgress>(progress =>
        {
            progress.ToTable("task_progress");
            progress.HasKey(p => p.Id);
            progress.Property(p => p.Id).ValueGeneratedNever(); // time-ordered ids set by the domain: a new child of a plan is added, not updated
            progress.Property(p => p.UnitCode).HasMaxLength(5);
            progress.Property(p => p.ProvinceCode).HasMaxLength(2);
            progress.Property(p => p.Status).HasMaxLength(20);
            progress.Property(p => p.Note).HasMaxLength(2000);
            progress.Property(p => p.Evidence).HasMaxLength(1000);
            progress.Property(p => p.Reason).HasMaxLength(2000);
            progress.Property(p => p.RecordedBy).HasMaxLength(100);
            progress.HasOne<PlanTask>().WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.Cascade);
            progress.HasIndex(p => new { p.TaskId, p.RecordedAt });
        });

        modelBuilder.Entity<UnitBody>(body =>
        {
            body.ToTable("unit_bodies");
            body.HasKey(b => new { b.UnitCode, b.AgencyCode });
            body.Property(b => b.UnitCode).HasMaxLength(5);
            body.Property(b => b.ProvinceCode).HasMaxLength(2);
            body.Property(b => b.AgencyCode).HasMaxLength(50);
            body.Property(b => b.Name).HasMaxLength(300);
            body.Property(b => b.Kind).HasMaxLength(30);
        });
    }

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanTarget> Targets => Set<PlanTarget>();

    public DbSet<PlanTask> Tasks => Set<PlanTask>();

    public DbSet<TaskProgress> Progress => Set<TaskProgress>();

    public DbSet<UnitBody> UnitBodies => Set<UnitBody>();
}

/// <summary>A list property stored as one jsonb column (its items' fields in camelCase, enums by member name), compared by value.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Json<TEntity, TItem>(this EntityTypeBuilder<TEntity> entity, System.Linq.Expressions.Expression<Func<TEntity, List<TItem>>> property)
        where TEntity : class =>
        entity.Property(property).HasColumnType("jsonb").HasConversion(
            items => JsonSerializer.Serialize(items, Options),
            json => JsonSerializer.Deserialize<List<TItem>>(json, Options) ?? new List<TItem>(),
            new ValueComparer<List<TItem>>(
                (a, b) => a!.SequenceEqual(b!),
                items => items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                items => items.ToList()));
}
