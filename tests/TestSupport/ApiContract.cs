using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ParPlatform.TestSupport;

/// <summary>
/// What a service's OpenAPI document (GET /openapi/v1.json, without a token) must say of its routes, walked
/// from the document and the service's endpoints so that a new route is checked without editing a test:
/// every route has a name and a summary, and is in the document unless excluded on purpose; every
/// operation has its success response, the ProblemDetails answers of the tenant access rule on /api/
/// routes (401, 403, 404, and 400 for a unit's or province's code), a 400 where it takes a body, and
/// every error response as application/problem+json.
/// </summary>
public static class ApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static async Task<JsonDocument> ReadDocumentAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> service)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(service);
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every way the document or the service's endpoints break the contract (none when it holds).</summary>
    public static List<string> Problems(JsonDocument document, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        var operationIds = new HashSet<string>();
        var documented = new HashSet<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            documented.Add(name);
            if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
                problems.Add($"{name}: no operationId");
            else if (!operationIds.Add(id.GetString()!))
                problems.Add($"{name}: operationId {id.GetString()} is taken");
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                problems.Add($"{name}: no summary");

            var responses = operation.GetProperty("responses");
            var codes = responses.EnumerateObject().Select(r => r.Name).ToList();
            if (!codes.Any(c => c.StartsWith('2') || c.StartsWith('3')))
                problems.Add($"{name}: no success response");
            var required = new List<string>();
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                required.AddRange(["401", "403", "404"]);
                if (!operation.TryGetProperty("security", out var security) || !security.EnumerateArray().Any(s => s.TryGetProperty("Bearer", out _)))
                    problems.Add($"{name}: does not say it needs a bearer token");
            }
            if (path.Contains("{unitCode}", StringComparison.Ordinal) || path.Contains("{provinceCode}", StringComparison.Ordinal) ||
                operation.TryGetProperty("requestBody", out _))
                required.Add("400");
            foreach (var code in required.Where(c => !codes.Contains(c)))
                problems.Add($"{name}: {code} not documented");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                if (!error.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    problems.Add($"{name}: {error.Name} is not documented as application/problem+json");
            }
        }

        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || pattern.StartsWith("/openapi/", StringComparison.Ordinal))
                continue; // the health checks and the document itself
            foreach (var method in methods.HttpMethods)
            {
                var name = $"{method} {pattern}";
                if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
                    problems.Add($"{name}: no name (WithName)");
                if (endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>() is null)
                    problems.Add($"{name}: no summary (WithSummary)");
                if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true } &&
                    !documented.Contains(DocumentPath(name)))
                    problems.Add($"{name}: not in the document");
            }
        }
        return problems;
    }

    /// <summary>Each operation as "operationId: METHOD /path → its response codes", ordered by operationId.</summary>
    public static List<string> Responses(JsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return
        [
            .. Operations(document)
                .Select(o => $"{o.Operation.GetProperty("operationId").GetString()}: {o.Method.ToUpperInvariant()} {o.Path} → " +
                    string.Join(' ', o.Operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)))
                .Order(StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select (operation.Name, path.Name, operation.Value);

    /// <summary>A route as the document writes it: no constraints ("{id:guid}" is "{id}"), no trailing slash.</summary>
    private static string DocumentPath(string route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:]+):[^}]+\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
