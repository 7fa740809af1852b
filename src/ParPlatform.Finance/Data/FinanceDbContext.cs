using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParPlatform.Finance.Domain;
using ParPlatform.Messaging;
using ParPlatform.ServiceDefaults;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Data;

/// <summary>
/// The finance service's own database (financedb); its tables live in the "finance" schema. Budgets, capital plans and
/// their rows, the asset inventories and disposals, the public service units' autonomy and the audit recommendations are tenant-owned (row-level security, see the migrations); the budget items and funding sources are one list
/// for every unit.
/// </summary>
public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : DbContext(options)
{
    public const string Schema = "finance";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreEnumsByName();
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddMessagingTables().AddKnownUnits();

        modelBuilder.Entity<BudgetItem>(item =>
        {
            item.ToTable("budget_items");
            item.HasKey(i => i.Code);
            item.Property(i => i.Code).HasMaxLength(50);
            item.Property(i => i.Kind).HasMaxLength(20);
            item.Property(i => i.Name).HasMaxLength(300);
            item.HasData(BudgetItem.Defaults);
        });

        modelBuilder.Entity<FundingSource>(source =>
        {
            source.ToTable("funding_sources");
            source.HasKey(s => s.Code);
            source.Property(s => s.Code).HasMaxLength(50);
            source.Property(s => s.Name).HasMaxLength(300);
            source.HasData(FundingSource.Defaults);
        });

        modelBuilder.Entity<Budget>(budget =>
        {
            budget.ToTable("budgets");
            budget.HasKey(b => b.Id);
            budget.Property(b => b.Id).ValueGeneratedNever(); // time-ordered ids set by the domain: a new child is added, not updated
            budget.Property(b => b.UnitCode).HasMaxLength(5);
            budget.Property(b => b.ProvinceCode).HasMaxLength(2);
            budget.Property(b => b.Version).IsRowVersion();
            budget.HasIndex(b => new { b.UnitCode, b.Year }).IsUnique();
            budget.HasIndex(b => new { b.ProvinceCode, b.Year });
            budget.HasMany(b => b.Estimates).WithOne().HasForeignKey(e => e.BudgetId).OnDelete(DeleteBehavior.Cascade);
            budget.HasMany(b => b.Actuals).WithOne().HasForeignKey(a => a.BudgetId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<BudgetEstimate>(estimate =>
        {
            estimate.ToTable("budget_estimates");
            estimate.HasKey(e => e.Id);
            estimate.Property(e => e.Id).ValueGeneratedNever();
            estimate.Property(e => e.UnitCode).HasMaxLength(5);
            estimate.Property(e => e.ProvinceCode).HasMaxLength(2);
            estimate.Property(e => e.ItemCode).HasMaxLength(50);
            estimate.Property(e => e.Basis).HasMaxLength(30);
            estimate.Property(e => e.RecordedBy).HasMaxLength(100);
            estimate.HasOne<BudgetItem>().WithMany().HasForeignKey(e => e.ItemCode).OnDelete(DeleteBehavior.Restrict);
            estimate.HasIndex(e => new { e.BudgetId, e.ItemCode, e.Basis, e.Revision }).IsUnique();
        });

        modelBuilder.Entity<BudgetActual>(actual =>
        {
            actual.ToTable("budget_actuals");
            actual.HasKey(a => a.Id);
            actual.Property(a => a.Id).ValueGeneratedNever();
            actual.Property(a => a.UnitCode).HasMaxLength(5);
            actual.Property(a => a.ProvinceCode).HasMaxLength(2);
            actual.Property(a => a.ItemCode).HasMaxLength(50);
            actual.Property(a => a.RecordedBy).HasMaxLength(100);
            actual.HasOne<BudgetItem>().WithMany().HasForeignKey(a => a.ItemCode).OnDelete(DeleteBehavior.Restrict);
            actual.HasIndex(a => new { a.BudgetId, a.ItemCode, a.AsOf }).IsUnique();
        });

        modelBuilder.Entity<CapitalPlan>(plan =>
        {
            plan.ToTable("capital_plans");
            plan.HasKey(p => p.Id);
            plan.Property(p => p.Id).ValueGeneratedNever();
            plan.Property(p => p.UnitCode).HasMaxLength(5);
            plan.Property(p => p.ProvinceCode).HasMaxLength(2);
            plan.Property(p => p.SetBy).HasMaxLength(100);
            plan.Property(p => p.Version).IsRowVersion();
            plan.Ignore(p => p.Total);
            plan.Ignore(p => p.FirstDisbursementDay);
            plan.HasIndex(p => new { p.UnitCode, p.Year }).IsUnique();
            plan.HasIndex(p => new { p.ProvinceCode, p.Year });
            plan.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.CapitalPlanId).OnDelete(DeleteBehavior.Cascade);
            plan.HasMany(p => p.Disbursements).WithOne().HasForeignKey(d => d.CapitalPlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CapitalAllocation>(allocation =>
        {
            allocation.ToTable("capital_allocations");
            allocation.HasKey(a => a.Id);
            allocation.Property(a => a.Id).ValueGeneratedNever();
            allocation.Property(a => a.UnitCode).HasMaxLength(5);
            allocation.Property(a => a.ProvinceCode).HasMaxLength(2);
            allocation.Property(a => a.SourceCode).HasMaxLength(50);
            allocation.Property(a => a.Project).HasMaxLength(500);
            allocation.HasOne<FundingSource>().WithMany().HasForeignKey(a => a.SourceCode).OnDelete(DeleteBehavior.Restrict);
            allocation.HasIndex(a => new { a.CapitalPlanId, a.SourceCode, a.Project }).IsUnique().AreNullsDistinct(false);
        });

        modelBuilder.Entity<Disbursement>(disbursement =>
        {
            disbursement.ToTable("disbursements");
            disbursement.HasKey(d => d.Id);
            disbursement.Property(d => d.Id).ValueGeneratedNever();
            disbursement.Property(d => d.UnitCode).HasMaxLength(5);
            disbursement.Property(d => d.ProvinceCode).HasMaxLength(2);
            disbursement.Property(d => d.SourceCode).HasMaxLength(50);
            disbursement.Property(d => d.Project).HasMaxLength(500);
            disbursement.Property(d => d.RecordedBy).HasMaxLength(100);
            disbursement.HasOne<FundingSource>().WithMany().HasForeignKey(d => d.SourceCode).OnDelete(DeleteBehavior.Restrict);
            disbursement.HasIndex(d => new { d.CapitalPlanId, d.Date });
        });

        modelBuilder.Entity<ServiceUnitAutonomy>(autonomy =>
        {
            autonomy.ToTable("service_unit_autonomy");
            autonomy.HasKey(a => a.Id);
            autonomy.Property(a => a.Id).ValueGeneratedNever();
            autonomy.Property(a => a.UnitCode).HasMaxLength(5);
            autonomy.Property(a => a.ProvinceCode).HasMaxLength(2);
            autonomy.Property(a => a.Code).HasMaxLength(50);
            autonomy.Property(a => a.Name).HasMaxLength(300);
            autonomy.Property(a => a.Group).HasMaxLength(50);
            autonomy.Property(a => a.Decision).HasMaxLength(50);
            autonomy.Property(a => a.RecordedBy).HasMaxLength(100);
            autonomy.Property(a => a.Version).IsRowVersion();
            autonomy.HasIndex(a => new { a.UnitCode, a.Code }).IsUnique();
        });

        modelBuilder.Entity<AssetInventory>(inventory =>
        {
            inventory.ToTable("asset_inventories");
            inventory.HasKey(i => i.Id);
            inventory.Property(i => i.Id).ValueGeneratedNever();
            inventory.Property(i => i.UnitCode).HasMaxLength(5);
            inventory.Property(i => i.ProvinceCode).HasMaxLength(2);
            inventory.Property(i => i.Code).HasMaxLength(50);
            inventory.Property(i => i.Name).HasMaxLength(300);
            inventory.Property(i => i.Decision).HasMaxLength(50);
            inventory.Property(i => i.ChangedBy).HasMaxLength(100);
            inventory.Property(i => i.Version).IsRowVersion();
            inventory.HasIndex(i => new { i.UnitCode, i.Code }).IsUnique();
            inventory.HasMany(i => i.AssetTypes).WithOne().HasForeignKey(t => t.InventoryId).OnDelete(DeleteBehavior.Cascade);
            inventory.HasMany(i => i.Subjects).WithOne().HasForeignKey(t => t.InventoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InventoryAssetType>(type =>
        {
            type.ToTable("asset_inventory_types");
            type.HasKey(t => t.Id);
            type.Property(t => t.Id).ValueGeneratedNever();
            type.Property(t => t.UnitCode).HasMaxLength(5);
            type.Property(t => t.ProvinceCode).HasMaxLength(2);
            type.Property(t => t.Form).HasMaxLength(10);
            type.Property(t => t.Name).HasMaxLength(300);
            type.HasIndex(t => new { t.InventoryId, t.Form }).IsUnique();
        });

        modelBuilder.Entity<InventorySubject>(subject =>
        {
            subject.ToTable("asset_inventory_subjects");
            subject.HasKey(t => t.Id);
            subject.Property(t => t.Id).ValueGeneratedNever();
            subject.Property(t => t.UnitCode).HasMaxLength(5);
            subject.Property(t => t.ProvinceCode).HasMaxLength(2);
            subject.Property(t => t.Code).HasMaxLength(50);
            subject.Property(t => t.Name).HasMaxLength(300);
            subject.Property(t => t.RecordedBy).HasMaxLength(100);
            subject.HasIndex(t => new { t.InventoryId, t.Code }).IsUnique();
        });

        modelBuilder.Entity<AssetDisposal>(disposal =>
        {
            disposal.ToTable("asset_disposals");
            disposal.HasKey(d => d.Id);
            disposal.Property(d => d.Id).ValueGeneratedNever();
            disposal.Property(d => d.UnitCode).HasMaxLength(5);
            disposal.Property(d => d.ProvinceCode).HasMaxLength(2);
            disposal.Property(d => d.Asset).HasMaxLength(500);
            disposal.Property(d => d.Decision).HasMaxLength(50);
            disposal.Property(d => d.Note).HasMaxLength(4000);
            disposal.Property(d => d.RecordedBy).HasMaxLength(100);
            disposal.HasIndex(d => new { d.UnitCode, d.Date });
        });

        modelBuilder.Entity<AuditRecommendation>(recommendation =>
        {
            recommendation.ToTable("audit_recommendations");
            recommendation.HasKey(r => r.Id);
            recommendation.Property(r => r.Id).ValueGeneratedNever();
            recommendation.Property(r => r.UnitCode).HasMaxLength(5);
            recommendation.Property(r => r.ProvinceCode).HasMaxLength(2);
            recommendation.Property(r => r.Reference).HasMaxLength(500);
            recommendation.Property(r => r.RecordedBy).HasMaxLength(100);
            recommendation.Property(r => r.Version).IsRowVersion();
            recommendation.HasIndex(r => new { r.UnitCode, r.IssuedOn });
            recommendation.HasMany(r => r.Remittances).WithOne().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditRemittance>(remittance =>
        {
            remittance.ToTable("audit_remittances");
            remittance.HasKey(r => r.Id);
            remittance.Property(r => r.Id).ValueGeneratedNever();
            remittance.Property(r => r.UnitCode).HasMaxLength(5);
            remittance.Property(r => r.ProvinceCode).HasMaxLength(2);
            remittance.Property(r => r.RecordedBy).HasMaxLength(100);
        });
    }

    public DbSet<BudgetItem> BudgetItems => Set<BudgetItem>();

    public DbSet<FundingSource> FundingSources => Set<FundingSource>();

    public DbSet<Budget> Budgets => Set<Budget>();

    public DbSet<CapitalPlan> CapitalPlans => Set<CapitalPlan>();

    public DbSet<ServiceUnitAutonomy> Autonomy => Set<ServiceUnitAutonomy>();

    public DbSet<AuditRecommendation> AuditRecommendations => Set<AuditRecommendation>();

    public DbSet<AssetInventory> AssetInventories => Set<AssetInventory>();

    public DbSet<AssetDisposal> AssetDisposals => Set<AssetDisposal>();
}

/// <summary>Money in a column: the whole number of đồng (bigint).</summary>
internal sealed class MoneyConverter() : ValueConverter<Money, long>(money => money.Dong, dong => new Money(dong));
