using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.TestSupport;

namespace ParPlatform.Dossiers.Tests;

/// <summary>The contract check (<see cref="ApiContract"/>) finds what a document and a service's endpoints leave out.</summary>
public sealed class ApiContractTests
{
    [Fact]
    public void Each_thing_left_out_is_a_problem()
    {
        using var document = JsonDocument.Parse(
            """
            {"paths":{"/api/v1/units/{unitCode}/widgets":{"post":{
              "operationId":"AddWidget","requestBody":{},
              "responses":{"201":{},"401":{"content":{"application/problem+json":{}}},"409":{"content":{"application/json":{}}}}}}}}
            """);
        var unnamed = new RouteEndpoint(
            _ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/units/{unitCode}/things/{id:guid}/"), 0,
            new EndpointMetadataCollection(new HttpMethodMetadata(["GET"])), "things");
        using var services = new ServiceCollection().AddSingleton<EndpointDataSource>(new DefaultEndpointDataSource(unnamed)).BuildServiceProvider();

        string[] expected =
        [
            "POST /api/v1/units/{unitCode}/widgets: no summary",
            "POST /api/v1/units/{unitCode}/widgets: does not say it needs a bearer token",
            "POST /api/v1/units/{unitCode}/widgets: 403 not documented",
            "POST /api/v1/units/{unitCode}/widgets: 404 not documented",
            "POST /api/v1/units/{unitCode}/widgets: 400 not documented",
            "POST /api/v1/units/{unitCode}/widgets: 409 is not documented as application/problem+json",
            "GET /api/v1/units/{unitCode}/things/{id:guid}/: no name (WithName)",
            "GET /api/v1/units/{unitCode}/things/{id:guid}/: no summary (WithSummary)",
            "GET /api/v1/units/{unitCode}/things/{id:guid}/: not in the document",
        ];
        Assert.Equal(expected, ApiContract.Problems(document, services));
    }
}
