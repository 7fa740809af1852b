using ParPlatform.TestSupport;

namespace ParPlatform.Plans.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
public sealed class ApiDocumentTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(plans.Service);

        Assert.Empty(ApiContract.Problems(document, plans.Service.Services));
        string[] expected =
        [
            "DraftProvincePlan: POST /api/v1/provinces/{provinceCode}/plans → 201 400 401 403 404",
            "DraftUnitPlan: POST /api/v1/units/{unitCode}/plans → 201 400 401 403 404",
            "EditProvincePlan: PUT /api/v1/provinces/{provinceCode}/plans/{id} → 200 400 401 403 404 409",
            "EditUnitPlan: PUT /api/v1/units/{unitCode}/plans/{id} → 200 400 401 403 404 409",
            "GetPlanIndicators: GET /api/v1/units/{unitCode}/plans/indicators → 200 400 401 403 404",
            "GetPlansStatus: GET /api/v1/units/{unitCode}/plans/status → 200 400 401 403 404",
            "GetProvincePlan: GET /api/v1/provinces/{provinceCode}/plans/{id} → 200 400 401 403 404",
            "GetProvincePlansOverview: GET /api/v1/provinces/{provinceCode}/plans/overview → 200 400 401 403 404",
            "GetUnitPlan: GET /api/v1/units/{unitCode}/plans/{id} → 200 400 401 403 404",
            "ImportTaskTable: POST /api/v1/units/{unitCode}/plans/{id}/tasks/import → 200 400 401 403 404 409 413 415",
            "IssueProvincePlan: POST /api/v1/provinces/{provinceCode}/plans/{id}/issue → 200 400 401 403 404 409",
            "IssueUnitPlan: POST /api/v1/units/{unitCode}/plans/{id}/issue → 200 400 401 403 404 409",
            "ListProvincePlans: GET /api/v1/provinces/{provinceCode}/plans → 200 400 401 403 404",
            "ListProvinceTargets: GET /api/v1/units/{unitCode}/plans/province-targets → 200 400 401 403 404",
            "ListTaskProgress: GET /api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/progress → 200 400 401 403 404",
            "ListUnitBodies: GET /api/v1/units/{unitCode}/plans/bodies → 200 400 401 403 404",
            "ListUnitPlans: GET /api/v1/units/{unitCode}/plans → 200 400 401 403 404",
            "RecordTaskProgress: POST /api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/progress → 200 400 401 403 404 409",
            "ReviseProvincePlan: POST /api/v1/provinces/{provinceCode}/plans/{id}/revisions → 201 400 401 403 404 409",
            "ReviseUnitPlan: POST /api/v1/units/{unitCode}/plans/{id}/revisions → 201 400 401 403 404 409",
            "SetTaskDueDate: PUT /api/v1/units/{unitCode}/plans/{id}/tasks/{taskId}/due-date → 200 400 401 403 404 409",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }
}
