using ParPlatform.TestSupport;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
public sealed class ApiDocumentTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(finance.Service);

        Assert.Empty(ApiContract.Problems(document, finance.Service.Services));
        string[] expected =
        [
            "ApproveAutonomy: PUT /api/v1/units/{unitCode}/finance/autonomy/{code} → 200 400 401 403 404 409",
            "DefineAssetInventory: PUT /api/v1/units/{unitCode}/finance/assets/inventories/{code} → 200 400 401 403 404 409",
            "GetAssetInventory: GET /api/v1/units/{unitCode}/finance/assets/inventories/{code} → 200 400 401 403 404",
            "GetAuditRecommendations: GET /api/v1/units/{unitCode}/finance/audit-recommendations → 200 400 401 403 404",
            "GetAutonomy: GET /api/v1/units/{unitCode}/finance/autonomy → 200 400 401 403 404",
            "GetBudget: GET /api/v1/units/{unitCode}/finance/budgets/{year} → 200 400 401 403 404",
            "GetCapitalPlan: GET /api/v1/units/{unitCode}/finance/capital-plans/{year} → 200 400 401 403 404",
            "GetFinanceStatus: GET /api/v1/units/{unitCode}/finance/status → 200 400 401 403 404",
            "GetProvinceFinanceOverview: GET /api/v1/provinces/{provinceCode}/finance/overview → 200 400 401 403 404",
            "ImportBudget: POST /api/v1/units/{unitCode}/finance/budgets/{year}/import → 200 400 401 403 404 409 413 415",
            "ImportCapitalPlan: POST /api/v1/units/{unitCode}/finance/capital-plans/{year}/import → 200 400 401 403 404 409 413 415",
            "ImportDisbursements: POST /api/v1/units/{unitCode}/finance/capital-plans/{year}/disbursements/import → 200 400 401 403 404 409 413 415",
            "ListAssetDisposals: GET /api/v1/units/{unitCode}/finance/assets/disposals → 200 400 401 403 404",
            "ListBudgetEstimates: GET /api/v1/units/{unitCode}/finance/budgets/{year}/estimates → 200 400 401 403 404",
            "ListBudgetItems: GET /api/v1/units/{unitCode}/finance/budget-items → 200 400 401 403 404",
            "ListFundingSources: GET /api/v1/units/{unitCode}/finance/funding-sources → 200 400 401 403 404",
            "RecordAdminFundViolations: PUT /api/v1/units/{unitCode}/finance/budgets/{year}/admin-fund-violations → 200 400 401 403 404 409",
            "RecordAssetDisposal: POST /api/v1/units/{unitCode}/finance/assets/disposals → 201 400 401 403 404",
            "RecordAuditRecommendation: POST /api/v1/units/{unitCode}/finance/audit-recommendations → 201 400 401 403 404",
            "RecordBudgetActual: POST /api/v1/units/{unitCode}/finance/budgets/{year}/actuals → 200 400 401 403 404 409",
            "RecordDisbursement: POST /api/v1/units/{unitCode}/finance/capital-plans/{year}/disbursements → 201 400 401 403 404 409",
            "RecordInventorySubject: PUT /api/v1/units/{unitCode}/finance/assets/inventories/{code}/subjects/{subjectCode} → 200 400 401 403 404 409",
            "RecordRemittance: POST /api/v1/units/{unitCode}/finance/audit-recommendations/{id}/remittances → 201 400 401 403 404 409",
            "SetBudgetEstimate: POST /api/v1/units/{unitCode}/finance/budgets/{year}/estimates → 201 400 401 403 404 409",
            "SetCapitalPlan: PUT /api/v1/units/{unitCode}/finance/capital-plans/{year} → 200 400 401 403 404 409",
            "SetParFunding: PUT /api/v1/units/{unitCode}/finance/budgets/{year}/par-funding → 200 400 401 403 404 409",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }
}
