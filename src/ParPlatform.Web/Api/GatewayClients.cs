using System.Text.Json;
using System.Text.Json.Serialization;
using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// The APIs as Refit's generated clients of the gateway (Web:GatewayUrl, by default its service-discovery name), each call
/// with the person's token (<see cref="AccessTokenHandler"/>); ServiceDefaults gives every HttpClient service discovery and
/// the standard resilience handler (reads retried, changes never sent twice), which the files' uploads go without (<see cref="IDossierUploadsApi"/>, <see cref="IFinanceUploadsApi"/>,
/// <see cref="IStaffingUploadsApi"/>).
/// </summary>
public static class GatewayClients
{
    public static void AddGatewayClients(this IHostApplicationBuilder builder)
    {
        var gateway = new Uri(builder.Configuration["Web:GatewayUrl"] ?? "http://gateway");
        builder.Services.AddTransient<AccessTokenHandler>();
        Api<IDossiersApi>();
        Upload<IDossierUploadsApi>();
        Upload<IFinanceUploadsApi>();
        Upload<IStaffingUploadsApi>();
        Api<IReportsApi>();
        Api<IUnitReportsApi>();
        Api<IPlansApi>();
        Api<IRegistryApi>();
        Api<IFinanceApi>();
        Api<IStaffingApi>();

        void Api<T>() where T : class => builder.Services.AddRefitGeneratedClient<T>(GatewayJson.Default)
            .ConfigureHttpClient(http => http.BaseAddress = gateway).AddHttpMessageHandler<AccessTokenHandler>();

        // A file's upload: no timeout and no resilience handler (its attempt timeout of 10 s and total of 30 s would cut a large file's upload).
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers, the one way to take off ConfigureHttpClientDefaults' handler, is an evaluation API
        void Upload<T>() where T : class => builder.Services.AddRefitGeneratedClient<T>(GatewayJson.Default)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = gateway;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<AccessTokenHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}

/// <summary>The JSON of the APIs' answers and requests (camelCase, as the services write it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<Dossier>))]
[JsonSerializable(typeof(Dossier))]
[JsonSerializable(typeof(Page<Procedure>))]
[JsonSerializable(typeof(NewDossier))]
[JsonSerializable(typeof(DossierImportJob))]
[JsonSerializable(typeof(Page<DossierImportJob>))]
[JsonSerializable(typeof(ImportRefusalBody))]
[JsonSerializable(typeof(DossierActionInput))]
[JsonSerializable(typeof(ReportPeriods))]
[JsonSerializable(typeof(ReportPeriod))]
[JsonSerializable(typeof(PeriodSettings))]
[JsonSerializable(typeof(ParPlatform.SharedKernel.Reporting.ReportPeriodSettings))]
[JsonSerializable(typeof(AdHocPeriodInput))]
[JsonSerializable(typeof(Submissions))]
[JsonSerializable(typeof(ProvinceStatistics))]
[JsonSerializable(typeof(UnitReport))]
[JsonSerializable(typeof(ReportFigures))]
[JsonSerializable(typeof(ComputedFigure))]
[JsonSerializable(typeof(FigureOverrideInput))]
[JsonSerializable(typeof(NarrativeInput))]
[JsonSerializable(typeof(ReportFact))]
[JsonSerializable(typeof(FactInput))]
[JsonSerializable(typeof(ReportIndicators))]
[JsonSerializable(typeof(IndicatorValue))]
[JsonSerializable(typeof(IndicatorInput))]
[JsonSerializable(typeof(SubmitInput))]
[JsonSerializable(typeof(SubmittedVersion))]
[JsonSerializable(typeof(IReadOnlyList<VersionChange>))]
[JsonSerializable(typeof(ReturnInput))]
[JsonSerializable(typeof(ReportVersionSummary))]
[JsonSerializable(typeof(ProvinceScorecard))]
[JsonSerializable(typeof(ApologyInput))]
[JsonSerializable(typeof(RatingInput))]
[JsonSerializable(typeof(Feedback))]
[JsonSerializable(typeof(Page<Feedback>))]
[JsonSerializable(typeof(NewFeedback))]
[JsonSerializable(typeof(FeedbackForwardInput))]
[JsonSerializable(typeof(FeedbackAnswerInput))]
[JsonSerializable(typeof(Page<PlanSummary>))]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(PlanTask))]
[JsonSerializable(typeof(IReadOnlyList<TaskProgress>))]
[JsonSerializable(typeof(ProgressInput))]
[JsonSerializable(typeof(DueDateInput))]
[JsonSerializable(typeof(IssueInput))]
[JsonSerializable(typeof(IReadOnlyList<UnitBody>))]
[JsonSerializable(typeof(IReadOnlyList<RegistryProvince>))]
[JsonSerializable(typeof(RegistryProvince))]
[JsonSerializable(typeof(NewProvince))]
[JsonSerializable(typeof(Page<RegistryUnit>))]
[JsonSerializable(typeof(RegistryUnit))]
[JsonSerializable(typeof(NewUnit))]
[JsonSerializable(typeof(UnitChange))]
[JsonSerializable(typeof(IReadOnlyList<Agency>))]
[JsonSerializable(typeof(Agency))]
[JsonSerializable(typeof(NewAgency))]
[JsonSerializable(typeof(AgencyChange))]
[JsonSerializable(typeof(Page<RegistryUser>))]
[JsonSerializable(typeof(RegistryUser))]
[JsonSerializable(typeof(NewUser))]
[JsonSerializable(typeof(NewPassword))]
[JsonSerializable(typeof(Integrator))]
[JsonSerializable(typeof(Page<IntegratorSummary>))]
[JsonSerializable(typeof(NewIntegrator))]
[JsonSerializable(typeof(IReadOnlyList<CalendarYear>))]
[JsonSerializable(typeof(CalendarYear))]
[JsonSerializable(typeof(CalendarYearInput))]
[JsonSerializable(typeof(IReadOnlyList<BudgetItem>))]
[JsonSerializable(typeof(IReadOnlyList<FundingSource>))]
[JsonSerializable(typeof(Budget))]
[JsonSerializable(typeof(EstimateInput))]
[JsonSerializable(typeof(Estimate))]
[JsonSerializable(typeof(ActualInput))]
[JsonSerializable(typeof(Actual))]
[JsonSerializable(typeof(CapitalPlan))]
[JsonSerializable(typeof(DisbursementInput))]
[JsonSerializable(typeof(CapitalPlanInput))]
[JsonSerializable(typeof(Disbursement))]
[JsonSerializable(typeof(StaffingYear))]
[JsonSerializable(typeof(QuotaInput))]
[JsonSerializable(typeof(Quota))]
[JsonSerializable(typeof(HeadcountInput))]
[JsonSerializable(typeof(HeadcountRecorded))]
[JsonSerializable(typeof(Movements))]
[JsonSerializable(typeof(MovementsInput))]
[JsonSerializable(typeof(StaffingImported))]
internal sealed partial class GatewayJson : JsonSerializerContext;
