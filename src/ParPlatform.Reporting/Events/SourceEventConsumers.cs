using System.Globalization;
using System.Text.Json;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Finance;
using ParPlatform.Contracts.Identity;
using ParPlatform.Contracts.Plans;
using ParPlatform.Contracts.Staffing;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Domain;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Reporting.Events;

/// <summary>
/// Keeps the latest event of each subject of a unit in <c>reporting.source_events</c> (<see cref="SourceEvent"/>): one
/// upsert that an older event (by the time it occurred) does not overwrite, so that events applied in any order, or twice,
/// leave the same row.
/// </summary>
public abstract class SourceEventConsumer<TEvent>(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : FactConsumer<TEvent>(context, scope, lag)
    where TEvent : IntegrationEvent
{
    /// <summary>The subject's kind (<see cref="SourceEvent.Kind"/>): the event's name unless several events speak of one subject.</summary>
    protected virtual string Kind => typeof(TEvent).Name;

    /// <summary>The subject's key within the unit.</summary>
    protected abstract string Subject(TEvent message);

    protected sealed override void Apply(TEvent message) => Write($"""
        INSERT INTO reporting.source_events AS e (unit_code, province_code, kind, subject, occurred_at, payload)
        VALUES ({message.UnitCode}, {message.ProvinceCode}, {Kind}, {Subject(message)}, {Utc(message.OccurredAt)},
          CAST({JsonSerializer.Serialize(message, UnitSources.Json)} AS jsonb))
        ON CONFLICT (unit_code, kind, subject) DO UPDATE SET province_code = EXCLUDED.province_code, occurred_at = EXCLUDED.occurred_at,
          payload = EXCLUDED.payload
        WHERE e.occurred_at <= EXCLUDED.occurred_at
        """);

    protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class AgencyRegisteredSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<AgencyRegistered>(context, scope, lag)
{
    protected override string Kind => UnitSources.Agency;

    protected override string Subject(AgencyRegistered m) => m.AgencyCode;
}

public sealed class AgencyUpdatedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<AgencyUpdated>(context, scope, lag)
{
    protected override string Kind => UnitSources.Agency;

    protected override string Subject(AgencyUpdated m) => m.AgencyCode;
}

public sealed class ProcedureCatalogueChangedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<ProcedureCatalogueChanged>(context, scope, lag)
{
    protected override string Subject(ProcedureCatalogueChanged m) => "catalogue"; // the latest counts the whole catalogue
}

public sealed class BudgetEstimateSetSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<BudgetEstimateSet>(context, scope, lag)
{
    protected override string Subject(BudgetEstimateSet m) => $"{m.Year}:{m.ItemCode}:{m.Basis}:{m.Revision}";
}

public sealed class BudgetActualRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<BudgetActualRecorded>(context, scope, lag)
{
    protected override string Subject(BudgetActualRecorded m) => $"{m.Year}:{m.ItemCode}:{Day(m.AsOf)}";
}

public sealed class CapitalPlanSetSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<CapitalPlanSet>(context, scope, lag)
{
    protected override string Subject(CapitalPlanSet m) => m.Year.ToString(CultureInfo.InvariantCulture);
}

public sealed class DisbursementRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<DisbursementRecorded>(context, scope, lag)
{
    protected override string Subject(DisbursementRecorded m) => m.DisbursementId.ToString();
}

public sealed class AutonomyApprovedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<AutonomyApproved>(context, scope, lag)
{
    protected override string Subject(AutonomyApproved m) => $"{m.ServiceUnitCode}:{Day(m.ApprovedOn)}";
}

public sealed class AuditRecommendationRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<AuditRecommendationRecorded>(context, scope, lag)
{
    protected override string Subject(AuditRecommendationRecorded m) => m.RecommendationId.ToString();
}

public sealed class RemittanceRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<RemittanceRecorded>(context, scope, lag)
{
    protected override string Subject(RemittanceRecorded m) => m.RecommendationId.ToString(); // the latest says all remitted so far
}

public sealed class AssetInventoryProgressedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<AssetInventoryProgressed>(context, scope, lag)
{
    protected override string Subject(AssetInventoryProgressed m) => m.InventoryCode;
}

public sealed class QuotaSetSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<QuotaSet>(context, scope, lag)
{
    protected override string Subject(QuotaSet m) => $"{m.Year}:{m.AgencyCode}:{Day(m.DecidedOn)}";
}

public sealed class HeadcountRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<HeadcountRecorded>(context, scope, lag)
{
    protected override string Subject(HeadcountRecorded m) => $"{m.AgencyCode}:{Day(m.AsOf)}";
}

public sealed class MovementsRecordedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<MovementsRecorded>(context, scope, lag)
{
    protected override string Subject(MovementsRecorded m) => m.Period;
}

public sealed class PlanIssuedSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<PlanIssued>(context, scope, lag)
{
    protected override string Subject(PlanIssued m) => m.PlanId.ToString();
}

public sealed class PlanSupersededSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<PlanSuperseded>(context, scope, lag)
{
    protected override string Subject(PlanSuperseded m) => m.PlanId.ToString();
}

public sealed class TargetSetSourceConsumer(ReportingDbContext context, TenantScope scope, ReadModelLag lag)
    : SourceEventConsumer<TargetSet>(context, scope, lag)
{
    protected override string Subject(TargetSet m) => m.TargetId.ToString();
}
