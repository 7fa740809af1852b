using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// Each service's OpenAPI document at <see cref="Path"/>, generated at run time from its endpoints:
/// their names (operationId), summaries and typed results. The gateway serves each document at
/// /openapi/{service}/v1.json and a Scalar UI over all of them at /scalar. A document describes no
/// data, so it needs no token; the routes under /api/ it describes do (the bearer scheme "Bearer").
/// </summary>
public static class ApiDocuments
{
    public const string Path = "/openapi/v1.json";

    public const string BearerScheme = "Bearer";

    public static TBuilder AddApiDocument<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token of the identity service: POST /connect/token (client_credentials for an integrator).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(); // /openapi/{documentName}.json: the one document is "v1"
        return app;
    }

    /// <summary>
    /// What the tenant access rule answers on a group's routes before they run (TenantAccessMiddleware):
    /// 401 without a valid token, 403 or 404 as the rule decides; on a unit's or province's routes also 400
    /// for a malformed code.
    /// </summary>
    public static RouteGroupBuilder WithTenantAccess(this RouteGroupBuilder group, bool tenantCodeInRoute = true)
    {
        group.ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        if (tenantCodeInRoute)
            group.ProducesValidationProblem();
        return group;
    }
}
