using ParPlatform.TestSupport;

namespace ParPlatform.Staffing.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
public sealed class ApiDocumentTests(StaffingFixture staffing) : IClassFixture<StaffingFixture>
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(staffing.Service);

        Assert.Empty(ApiContract.Problems(document, staffing.Service.Services));
        string[] expected =
        [
            "GetMovements: GET /api/v1/units/{unitCode}/staffing/movements/{period} → 200 400 401 403 404",
            "GetProvinceStaffingOverview: GET /api/v1/provinces/{provinceCode}/staffing/overview → 200 400 401 403 404",
            "GetStaffingReport: GET /api/v1/units/{unitCode}/staffing/{year} → 200 400 401 403 404",
            "GetStaffingStatus: GET /api/v1/units/{unitCode}/staffing/status → 200 400 401 403 404",
            "ImportStaffing: POST /api/v1/units/{unitCode}/staffing/import → 200 400 401 403 404 409 413 415",
            "ListJobPositionSchemes: GET /api/v1/units/{unitCode}/staffing/job-position-schemes → 200 400 401 403 404",
            "ListQuotas: GET /api/v1/units/{unitCode}/staffing/quotas/{year} → 200 400 401 403 404",
            "RecordHeadcount: POST /api/v1/units/{unitCode}/staffing/headcounts → 200 400 401 403 404 409",
            "RecordJobPositionScheme: PUT /api/v1/units/{unitCode}/staffing/job-position-schemes/{agencyCode} → 200 400 401 403 404 409",
            "RecordMovements: PUT /api/v1/units/{unitCode}/staffing/movements/{period} → 200 400 401 403 404 409",
            "SetQuota: PUT /api/v1/units/{unitCode}/staffing/quotas/{year} → 200 400 401 403 404 409",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }
}
