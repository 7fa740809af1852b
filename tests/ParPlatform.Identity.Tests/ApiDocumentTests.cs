using ParPlatform.TestSupport;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class ApiDocumentTests(IdentityFixture identity)
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(identity.Service);

        Assert.Empty(ApiContract.Problems(document, identity.Service.Services));
        string[] expected =
        [
            "AdminListAgencies: GET /api/v1/admin/units/{unitCode}/agencies → 200 400 401 403 404",
            "AdminRegisterAgency: POST /api/v1/admin/units/{unitCode}/agencies → 201 400 401 403 404 409",
            "AdminUpdateAgency: PUT /api/v1/admin/units/{unitCode}/agencies/{code} → 200 400 401 403 404",
            "ChangeOwnPassword: PUT /api/v1/account/password → 204 400 401 403 404",
            "DisableUser: POST /api/v1/admin/users/{userName}/disable → 200 401 403 404",
            "EnableUser: POST /api/v1/admin/users/{userName}/enable → 200 401 403 404",
            "GetIdentityStatus: GET /api/v1/admin/identity/status → 200 401 403 404",
            "GetOwnAccount: GET /api/v1/account → 200 401 403 404",
            "GetUnit: GET /api/v1/admin/units/{code} → 200 401 403 404",
            "ListAgencies: GET /api/v1/units/{unitCode}/agencies → 200 400 401 403 404",
            "ListAuditEntries: GET /api/v1/admin/audit → 200 400 401 403 404",
            "ListErrorQueues: GET /api/v1/admin/messaging/error-queues → 200 400 401 403 404 409 503",
            "ListIntegrators: GET /api/v1/admin/integrators → 200 401 403 404",
            "ListProvinceUnits: GET /api/v1/provinces/{provinceCode}/units → 200 400 401 403 404",
            "ListProvinces: GET /api/v1/admin/provinces → 200 401 403 404",
            "ListUnits: GET /api/v1/admin/units → 200 401 403 404",
            "ListUsers: GET /api/v1/admin/users → 200 401 403 404",
            "RegisterAgency: POST /api/v1/units/{unitCode}/agencies → 201 400 401 403 404 409",
            "RegisterIntegrator: POST /api/v1/admin/integrators → 201 400 401 403 404 409 503",
            "RegisterProvince: POST /api/v1/admin/provinces → 201 400 401 403 404 409",
            "RegisterUnit: POST /api/v1/admin/units → 201 400 401 403 404 409",
            "RegisterUser: POST /api/v1/admin/users → 201 400 401 403 404 409",
            "ReplayErrorMessage: POST /api/v1/admin/messaging/error-queues/{queue}/messages/{messageId}/replay → 200 400 401 403 404 409 503",
            "ReplayErrorQueue: POST /api/v1/admin/messaging/error-queues/{queue}/replay → 200 400 401 403 404 409 503",
            "RevokeIntegrator: POST /api/v1/admin/integrators/{clientId}/revoke → 200 401 403 404 503",
            "RotateIntegratorSecret: POST /api/v1/admin/integrators/{clientId}/secret → 200 401 403 404 503",
            "SetUserPassword: PUT /api/v1/admin/users/{userName}/password → 200 400 401 403 404",
            "UnlockUser: POST /api/v1/admin/users/{userName}/unlock → 200 401 403 404",
            "UpdateAgency: PUT /api/v1/units/{unitCode}/agencies/{code} → 200 400 401 403 404",
            "UpdateUnit: PUT /api/v1/admin/units/{code} → 200 400 401 403 404",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }
}
