using ParPlatform.Messaging;
using ParPlatform.Reporting.Apis;
using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Events;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting;

public static class Extensions
{
    public static void AddReportingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb", ReportingDbContext.Schema);
        builder.AddMessaging<ReportingDbContext>("messaging", ReportingDbContext.Schema, consumers => consumers
            .AddUnitProvisioning<ReportingDbContext>()
            .Add<DossierReceivedConsumer>()
            .Add<DossierSupplementRequestedConsumer>()
            .Add<DossierSupplementedConsumer>()
            .Add<DossierFeesPaidConsumer>()
            .Add<DossierResolvedConsumer>()
            .Add<DossierReturnedConsumer>()
            .Add<DossierApologyIssuedConsumer>()
            .Add<DossierRatedConsumer>()
            .Add<DossiersRecordedConsumer>()
            .Add<FeedbackReceivedConsumer>()
            .Add<FeedbackResolvedConsumer>()
            .Add<FeedbackRecordedConsumer>()
            .Add<DossierReplayCompletedConsumer>()
            .Add<AgencyRegisteredSourceConsumer>()
            .Add<AgencyUpdatedSourceConsumer>()
            .Add<ProcedureCatalogueChangedSourceConsumer>()
            .Add<BudgetEstimateSetSourceConsumer>()
            .Add<BudgetActualRecordedSourceConsumer>()
            .Add<CapitalPlanSetSourceConsumer>()
            .Add<DisbursementRecordedSourceConsumer>()
            .Add<AutonomyApprovedSourceConsumer>()
            .Add<AuditRecommendationRecordedSourceConsumer>()
            .Add<RemittanceRecordedSourceConsumer>()
            .Add<AssetInventoryProgressedSourceConsumer>()
            .Add<QuotaSetSourceConsumer>()
            .Add<HeadcountRecordedSourceConsumer>()
            .Add<MovementsRecordedSourceConsumer>()
            .Add<PlanIssuedSourceConsumer>()
            .Add<PlanSupersededSourceConsumer>()
            .Add<TargetSetSourceConsumer>());
        builder.Services.AddSingleton<ReadModelLag>();
        builder.Services.AddHealthChecks().AddCheck<ReadModelLag>("read-model-lag", tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.Services.AddScoped<ProvincePeriodsStore>();
        builder.Services.AddScoped<ProvinceTemplateStore>();
        builder.Services.AddScoped<ReportingStatisticsQuery>();
        builder.Services.AddScoped<ReportStore>();
        builder.Services.AddScoped<ScorecardStore>();
    }
}
