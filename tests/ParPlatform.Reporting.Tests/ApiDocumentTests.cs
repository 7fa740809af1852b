using ParPlatform.TestSupport;

namespace ParPlatform.Reporting.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
public sealed class ApiDocumentTests(ReportingFixture reporting) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(reporting.Service);

        Assert.Empty(ApiContract.Problems(document, reporting.Service.Services));
        string[] expected =
        [
            "AcceptReport: POST /api/v1/provinces/{provinceCode}/reports/periods/{period}/units/{unitCode}/accept → 200 400 401 403 404 409",
            "CallAdHocReport: POST /api/v1/provinces/{provinceCode}/reports/ad-hoc-periods → 201 400 401 403 404",
            "CompareReportVersions: GET /api/v1/units/{unitCode}/reports/periods/{period}/versions/compare → 200 400 401 403 404",
            "CorrectAdHocReport: PUT /api/v1/provinces/{provinceCode}/reports/ad-hoc-periods/{period} → 200 400 401 403 404 409",
            "EnterReportFact: PUT /api/v1/units/{unitCode}/reports/periods/{period}/facts/{code} → 200 400 401 403 404 409",
            "EnterReportIndicator: PUT /api/v1/units/{unitCode}/reports/periods/{period}/indicators/{code} → 200 400 401 403 404 409",
            "GetProvinceDossierStatistics: GET /api/v1/provinces/{provinceCode}/reports/statistics/dossiers → 200 400 401 403 404",
            "GetProvinceReportDocument: GET /api/v1/provinces/{provinceCode}/reports/periods/{period}/document → 200 400 401 403 404",
            "GetProvinceReportingStatus: GET /api/v1/provinces/{provinceCode}/reports/status → 200 400 401 403 404",
            "GetProvinceScorecard: GET /api/v1/provinces/{provinceCode}/reports/periods/{period}/scorecard → 200 400 401 403 404",
            "GetReadModelRebuild: GET /api/v1/admin/reports/rebuilds/{id} → 200 401 403 404",
            "GetReport: GET /api/v1/units/{unitCode}/reports/periods/{period} → 200 400 401 403 404",
            "GetReportAppendix: GET /api/v1/units/{unitCode}/reports/periods/{period}/versions/{number}/appendix → 200 400 401 403 404",
            "GetReportDocument: GET /api/v1/units/{unitCode}/reports/periods/{period}/versions/{number}/document → 200 400 401 403 404",
            "GetReportFigures: GET /api/v1/units/{unitCode}/reports/periods/{period}/figures → 200 400 401 403 404",
            "GetReportIndicators: GET /api/v1/units/{unitCode}/reports/periods/{period}/indicators → 200 400 401 403 404",
            "GetReportPeriodSettings: GET /api/v1/provinces/{provinceCode}/reports/period-settings → 200 400 401 403 404",
            "GetReportScorecard: GET /api/v1/units/{unitCode}/reports/periods/{period}/scorecard → 200 400 401 403 404",
            "GetReportTemplate: GET /api/v1/provinces/{provinceCode}/reports/template → 200 400 401 403 404",
            "GetReportVersion: GET /api/v1/units/{unitCode}/reports/periods/{period}/versions/{number} → 200 400 401 403 404",
            "GetUnitDossierStatistics: GET /api/v1/units/{unitCode}/reports/statistics/dossiers → 200 400 401 403 404",
            "GetUnitReportingStatus: GET /api/v1/units/{unitCode}/reports/status → 200 400 401 403 404",
            "ListReadModelRebuilds: GET /api/v1/admin/reports/rebuilds → 200 401 403 404",
            "ListReportPeriods: GET /api/v1/provinces/{provinceCode}/reports/periods → 200 400 401 403 404",
            "ListReportSubmissions: GET /api/v1/provinces/{provinceCode}/reports/periods/{period}/submissions → 200 400 401 403 404",
            "ListUnitReportPeriods: GET /api/v1/units/{unitCode}/reports/periods → 200 400 401 403 404",
            "OverrideReportFigure: PUT /api/v1/units/{unitCode}/reports/periods/{period}/figures/{code}/override → 200 400 401 403 404 409",
            "PreviewReportDocument: GET /api/v1/units/{unitCode}/reports/periods/{period}/document → 200 400 401 403 404",
            "PutReportPeriodSettings: PUT /api/v1/provinces/{provinceCode}/reports/period-settings → 200 400 401 403 404",
            "PutReportTemplate: PUT /api/v1/provinces/{provinceCode}/reports/template → 200 400 401 403 404",
            "RestoreReportFigure: DELETE /api/v1/units/{unitCode}/reports/periods/{period}/figures/{code}/override → 204 400 401 403 404 409",
            "ReturnReport: POST /api/v1/provinces/{provinceCode}/reports/periods/{period}/units/{unitCode}/return → 200 400 401 403 404 409",
            "SendAgencyReportParts: POST /api/v1/units/{unitCode}/reports/periods/{period}/agencies/{agencyCode}/send → 200 400 401 403 404 409",
            "StartReadModelRebuild: POST /api/v1/admin/reports/rebuilds → 202 400 401 403 404",
            "SubmitReport: POST /api/v1/units/{unitCode}/reports/periods/{period}/submit → 201 400 401 403 404 409",
            "WithdrawAdHocReport: DELETE /api/v1/provinces/{provinceCode}/reports/ad-hoc-periods/{period} → 204 400 401 403 404 409",
            "WriteAgencyReportPart: PUT /api/v1/units/{unitCode}/reports/periods/{period}/agencies/{agencyCode}/parts/{key} → 200 400 401 403 404 409",
            "WriteReportNarrative: PUT /api/v1/units/{unitCode}/reports/periods/{period}/narrative/{key} → 200 400 401 403 404 409",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }
}
