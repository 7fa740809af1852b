using ParPlatform.Reporting.Data;
using ParPlatform.Reporting.Documents;
using ParPlatform.ServiceDefaults;

namespace ParPlatform.Reporting.Apis;

/// <summary>The reporting service's API, every group listed once.</summary>
public static class ReportingApi
{
    public static void MapReportingApi(this IEndpointRouteBuilder app)
    {
        var unit = app.MapGroup("/api/v1/units/{unitCode}/reports").WithTenantAccess();
        unit.MapServiceStatus<ReportingDbContext>("reporting").WithTags("Status")
            .WithName("GetUnitReportingStatus").WithSummary("The reporting service's version and database migration level, for a unit");
        unit.MapGroup("").WithTags("Periods").MapUnitPeriods();
        unit.MapGroup("/statistics/dossiers").WithTags("Statistics").MapUnitStatistics();
        unit.MapGroup("/periods/{period}").WithTags("Periodic reports").AddEndpointFilter<DomainProblems>().MapUnitReports();

        var province = app.MapGroup("/api/v1/provinces/{provinceCode}/reports").WithTenantAccess();
        province.MapServiceStatus<ReportingDbContext>("reporting").WithTags("Status")
            .WithName("GetProvinceReportingStatus").WithSummary("The reporting service's version and database migration level, for a province");
        province.MapGroup("").WithTags("Periods").MapPeriods();
        province.MapGroup("").WithTags("Periodic reports").MapTemplate();
        province.MapGroup("/statistics/dossiers").WithTags("Statistics").MapProvinceStatistics();
        province.MapGroup("/periods/{period}").WithTags("Periodic reports").AddEndpointFilter<DomainProblems>().MapProvinceReports();

        app.MapGroup("/api/v1/admin/reports/rebuilds").WithTenantAccess(tenantCodeInRoute: false).WithTags("Rebuilds").MapRebuilds();
    }
}

/// <summary>
/// The units' periodic reports: a unit's officers write its narrative and enter its facts, and its chairman submits it; the province's
/// reviewers see who submitted, and accept or return each report with a reason.
/// </summary>
public static class ReportsApi
{
    /// <summary>/api/v1/units/{unitCode}/reports/periods/{period}.</summary>
    public static void MapUnitReports(this RouteGroupBuilder report)
    {
        report.MapGet("", (string unitCode, string period, ReportStore store, CancellationToken ct) => store.GetAsync(unitCode, period, ct))
            .WithName("GetReport")
            .WithSummary("The unit's report of a period (e.g. 2026-Q1): status, due date, the narrative under every heading, its submissions");
        report.MapGet("/document", (string unitCode, string period, ReportStore store, CancellationToken ct) => store.PreviewAsync(unitCode, period, ct))
            .Produces(StatusCodes.Status200OK, contentType: ReportDocument.ContentType)
            .WithName("PreviewReportDocument")
            .WithSummary("The report as it stands as a Word document in the official layout, before it is submitted (no number yet, today's figures)");
        report.MapGet("/figures", (string unitCode, string period, ReportStore store, CancellationToken ct) => store.FiguresAsync(unitCode, period, ct))
            .WithName("GetReportFigures")
            .WithSummary("Every figure the report prints from the services' records as of today, each with its time base, and the template's sentences filled with them");
        report.MapPut("/figures/{code}/override", (string unitCode, string period, string code, OverrideInput input, ReportStore store, HttpContext http,
                CancellationToken ct) => store.OverrideAsync(unitCode, period, code, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("OverrideReportFigure")
            .WithSummary("Replaces a computed figure of the report with a value the unit gives, for a stated reason the reviewer sees with the computed value");
        report.MapDelete("/figures/{code}/override", (string unitCode, string period, string code, ReportStore store, CancellationToken ct) =>
                store.RestoreAsync(unitCode, period, code, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RestoreReportFigure").WithSummary("Goes back to the figure computed from the services' records");
        report.MapGet("/indicators", (string unitCode, string period, ScorecardStore store, CancellationToken ct) => store.UnitIndicatorsAsync(unitCode, period, ct))
            .WithName("GetReportIndicators")
            .WithSummary("The indicator catalogue's values for the unit and the period: computed from the services' records, or as the unit entered them");
        report.MapPut("/indicators/{code}", (string unitCode, string period, string code, IndicatorInput input, ScorecardStore store, HttpContext http,
                CancellationToken ct) => store.EnterAsync(unitCode, period, code, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnterReportIndicator")
            .WithSummary("Enters an indicator no service computes (e.g. EOffice.ElectronicDocumentRate): numerator and denominator, or a count, with evidence");
        report.MapGet("/scorecard", (string unitCode, string period, ScorecardStore store, CancellationToken ct) => store.UnitScorecardAsync(unitCode, period, ct))
            .WithName("GetReportScorecard")
            .WithSummary("Every measurable target of the unit's plans for the period's year against its indicator's value: met, not met, no data");
        report.MapPut("/narrative/{key}", (string unitCode, string period, string key, NarrativeInput input, ReportStore store, HttpContext http,
            CancellationToken ct) => store.WriteAsync(unitCode, period, key, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WriteReportNarrative").WithSummary("Writes the text under a heading of the report (I, II.1.1 … V) while it is a draft or returned");
        report.MapPut("/agencies/{agencyCode}/parts/{key}", (string unitCode, string period, string agencyCode, string key, NarrativeInput input,
                ReportStore store, HttpContext http, CancellationToken ct) => store.WriteAgencyPartAsync(unitCode, period, agencyCode, key, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WriteAgencyReportPart")
            .WithSummary("An agency's officer writes the agency's part of the unit's report under a heading (agency → unit → province)");
        report.MapPost("/agencies/{agencyCode}/send", (string unitCode, string period, string agencyCode, ReportStore store, HttpContext http,
                CancellationToken ct) => store.SendAgencyPartsAsync(unitCode, period, agencyCode, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SendAgencyReportParts").WithSummary("An agency sends its parts to the unit, which sees them with the date under their headings");
        report.MapPut("/facts/{code}", (string unitCode, string period, string code, FactInput input, ReportStore store, HttpContext http,
            CancellationToken ct) => store.EnterAsync(unitCode, period, code, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnterReportFact")
            .WithSummary("Enters a figure of the period no service holds (e.g. video-meetings, eoffice-outgoing-paper), with a note of its evidence");
        report.MapPost("/submit", (string unitCode, string period, SubmitInput input, ReportStore store, HttpContext http, CancellationToken ct) =>
            store.SubmitAsync(unitCode, period, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SubmitReport")
            .WithSummary("The chairman submits the report to the province: a new immutable version with its figures frozen, its number and date, on time or late");
        report.MapGet("/versions/compare", (string unitCode, string period, int? from, int? to, ReportStore store, CancellationToken ct) =>
            store.CompareAsync(unitCode, period, from, to, ct))
            .WithName("CompareReportVersions")
            .WithSummary("What changed between two submitted versions (from=1&to=2): every narrative, fact and figure that differs, before and after");
        report.MapGet("/versions/{number:int}", (string unitCode, string period, int number, ReportStore store, CancellationToken ct) =>
            store.VersionAsync(unitCode, period, number, ct))
            .WithName("GetReportVersion").WithSummary("A submitted version of the report, as it was submitted");
        report.MapGet("/versions/{number:int}/document", (string unitCode, string period, int number, ReportStore store, CancellationToken ct) =>
            store.DocumentAsync(unitCode, period, number, ct))
            .Produces(StatusCodes.Status200OK, contentType: ReportDocument.ContentType)
            .WithName("GetReportDocument")
            .WithSummary("A submitted version of the report as a Word document (.docx) in the official layout of Decree 30/2020/NĐ-CP");
        report.MapGet("/versions/{number:int}/appendix", (string unitCode, string period, int number, ReportStore store, CancellationToken ct) =>
            store.AppendixAsync(unitCode, period, number, ct))
            .Produces(StatusCodes.Status200OK, contentType: AppendixWorkbook.ContentType)
            .WithName("GetReportAppendix").WithSummary("Appendix I (form II.06a) of a submitted version as an Excel workbook (.xlsx)");
    }

    /// <summary>/api/v1/provinces/{provinceCode}/reports/periods/{period}.</summary>
    public static void MapProvinceReports(this RouteGroupBuilder period)
    {
        period.MapGet("/submissions", (string provinceCode, string period, ReportStore store, CancellationToken ct) =>
            store.SubmissionsAsync(provinceCode, period, ct))
            .WithName("ListReportSubmissions")
            .WithSummary("Every unit of the province for a period: submitted on time or late, returned and why, accepted, missing; the reporting and on-time rates");
        period.MapGet("/document", (string provinceCode, string period, ReportStore store, ScorecardStore scorecards, CancellationToken ct) =>
            store.ProvinceDocumentAsync(provinceCode, period, scorecards, ct))
            .Produces(StatusCodes.Status200OK, contentType: ReportDocument.ContentType)
            .WithName("GetProvinceReportDocument")
            .WithSummary("The province's consolidated report of the period as a Word document: who reported, form II.06a of every unit with the total, the scorecards ranked");
        period.MapGet("/scorecard", (string provinceCode, string period, ScorecardStore store, CancellationToken ct) =>
            store.ProvinceScorecardAsync(provinceCode, period, ct))
            .WithName("GetProvinceScorecard")
            .WithSummary("Every unit's scorecard of targets for the period, ranked by the share met, and the province's value of every indicator (Σ numerators ÷ Σ denominators)");
        period.MapPost("/units/{unitCode}/return", (string provinceCode, string period, string unitCode, ReturnInput input, ReportStore store,
            HttpContext http, CancellationToken ct) => store.DecideAsync(provinceCode, period, unitCode, input, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReturnReport").WithSummary("Returns a unit's submitted report with the reason");
        period.MapPost("/units/{unitCode}/accept", (string provinceCode, string period, string unitCode, ReportStore store, HttpContext http,
            CancellationToken ct) => store.DecideAsync(provinceCode, period, unitCode, null, http.User, ct))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcceptReport").WithSummary("Accepts a unit's submitted report: final");
    }
}
