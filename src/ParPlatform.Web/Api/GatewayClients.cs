using System.Text.Json;
using System.Text.Json.Serialization;
using ParPlatform.ServiceDefaults;
using Refit;

namespace ParPlatform.Web.Api;

/// <summary>
/// The APIs as Refit's generated clients of the gateway (Web:GatewayUrl, by default its service-discovery name), each call
/// with the person's token (<see cref="AccessTokenHandler"/>); ServiceDefaults gives every HttpClient service discovery and
/// the standard resilience handler, which the dossier files' uploads go without (<see cref="IDossierUploadsApi"/>).
/// </summary>
public static class GatewayClients
{
    public static void AddGatewayClients(this IHostApplicationBuilder builder)
    {
        var gateway = new Uri(builder.Configuration["Web:GatewayUrl"] ?? "http://gateway");
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddRefitGeneratedClient<IDossiersApi>(GatewayJson.Default)
            .ConfigureHttpClient(http => http.BaseAddress = gateway).AddHttpMessageHandler<AccessTokenHandler>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers, the one way to take off ConfigureHttpClientDefaults' handler, is an evaluation API
        builder.Services.AddRefitGeneratedClient<IDossierUploadsApi>(GatewayJson.Default)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = gateway;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<AccessTokenHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddRefitGeneratedClient<IReportsApi>(GatewayJson.Default)
            .ConfigureHttpClient(http => http.BaseAddress = gateway).AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddRefitGeneratedClient<IUnitReportsApi>(GatewayJson.Default)
            .ConfigureHttpClient(http => http.BaseAddress = gateway).AddHttpMessageHandler<AccessTokenHandler>();
        builder.Services.AddRefitGeneratedClient<IPlansApi>(GatewayJson.Default)
            .ConfigureHttpClient(http => http.BaseAddress = gateway).AddHttpMessageHandler<AccessTokenHandler>();
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
internal sealed partial class GatewayJson : JsonSerializerContext;
