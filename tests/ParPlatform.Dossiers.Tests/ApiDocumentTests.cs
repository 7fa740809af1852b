using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The service's OpenAPI document keeps the contract (<see cref="ApiContract"/>), and says what each route answers, read
/// here as a table: a new route or a changed answer is a deliberate edit of it.
/// </summary>
public sealed class ApiDocumentTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    [Fact]
    public async Task Every_route_is_documented_with_its_responses()
    {
        using var document = await ApiContract.ReadDocumentAsync(dossiers.Service);

        Assert.Empty(ApiContract.Problems(document, dossiers.Service.Services));
        string[] expected =
        [
            "ActOnDossier: POST /api/v1/units/{unitCode}/dossiers/{id}/actions/{action} → 200 400 401 403 404 409",
            "CreateProcedure: POST /api/v1/units/{unitCode}/dossiers/procedures → 201 400 401 403 404 409",
            "ForwardFeedback: POST /api/v1/units/{unitCode}/dossiers/feedback/{id}/forward → 200 400 401 403 404 409",
            "GetCalendarYear: GET /api/v1/admin/calendar/years/{year} → 200 401 403 404",
            "GetDossier: GET /api/v1/units/{unitCode}/dossiers/{id} → 200 400 401 403 404",
            "GetDossierHistory: GET /api/v1/units/{unitCode}/dossiers/{id}/history → 200 400 401 403 404",
            "GetDossierImport: GET /api/v1/units/{unitCode}/dossiers/imports/{id} → 200 400 401 403 404",
            "GetDossierStatistics: GET /api/v1/units/{unitCode}/dossiers/statistics → 200 400 401 403 404",
            "GetDossiersStatus: GET /api/v1/units/{unitCode}/dossiers/status → 200 400 401 403 404",
            "GetFeedback: GET /api/v1/units/{unitCode}/dossiers/feedback/{id} → 200 400 401 403 404",
            "GetProcedure: GET /api/v1/units/{unitCode}/dossiers/procedures/{code} → 200 400 401 403 404",
            "ImportDossiers: POST /api/v1/units/{unitCode}/dossiers/imports → 202 400 401 403 404 413 415 429",
            "ImportProcedures: POST /api/v1/units/{unitCode}/dossiers/procedures/import → 200 400 401 403 404 413 415",
            "IssueDossierApology: POST /api/v1/units/{unitCode}/dossiers/{id}/apology → 200 400 401 403 404 409",
            "ListCalendarYears: GET /api/v1/admin/calendar/years → 200 401 403 404",
            "ListDossierImports: GET /api/v1/units/{unitCode}/dossiers/imports → 200 400 401 403 404",
            "ListDossiers: GET /api/v1/units/{unitCode}/dossiers → 200 400 401 403 404",
            "ListFeedback: GET /api/v1/units/{unitCode}/dossiers/feedback → 200 400 401 403 404",
            "ListProcedures: GET /api/v1/units/{unitCode}/dossiers/procedures → 200 400 401 403 404",
            "PublishFeedbackAnswer: POST /api/v1/units/{unitCode}/dossiers/feedback/{id}/publish → 200 400 401 403 404 409",
            "PutCalendarYear: PUT /api/v1/admin/calendar/years/{year} → 200 201 400 401 403 404 409",
            "RateDossier: POST /api/v1/units/{unitCode}/dossiers/{id}/rating → 200 400 401 403 404 409",
            "ReceiveFeedback: POST /api/v1/units/{unitCode}/dossiers/feedback → 201 400 401 403 404",
            "RegisterDossier: POST /api/v1/units/{unitCode}/dossiers → 201 400 401 403 404 409",
            "ResolveFeedback: POST /api/v1/units/{unitCode}/dossiers/feedback/{id}/resolve → 200 400 401 403 404 409",
            "UpdateProcedure: PUT /api/v1/units/{unitCode}/dossiers/procedures/{code} → 200 400 401 403 404",
        ];
        Assert.Equal(expected, ApiContract.Responses(document));
    }

    [Theory]
    [InlineData("/api/v1/units/{unitCode}/dossiers/imports", "receivedAt")]
    [InlineData("/api/v1/units/{unitCode}/dossiers/procedures/import", "timeLimit")]
    public async Task An_import_route_documents_its_body_as_a_csv_a_json_array_of_its_rows_or_an_xlsx_file(string path, string column)
    {
        using var document = await ApiContract.ReadDocumentAsync(dossiers.Service);

        var body = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        var content = body.GetProperty("content");
        Assert.Equal(["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
            content.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.True(body.GetProperty("required").GetBoolean());
        var rows = content.GetProperty("application/json").GetProperty("schema");
        Assert.Equal("array", rows.GetProperty("type").GetString());
        var row = rows.GetProperty("items");
        if (row.TryGetProperty("$ref", out var reference))
            row = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        Assert.True(row.GetProperty("properties").TryGetProperty(column, out _), row.ToString());
        Assert.Equal("binary", content.GetProperty("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").GetProperty("schema")
            .GetProperty("format").GetString());
    }
}
