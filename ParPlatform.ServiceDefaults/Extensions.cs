using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.ServiceDefaults;

/// <summary>
/// <c>builder.AddServiceDefaults()</c> and <c>app.MapDefaultEndpoints()</c>: the same for every
/// service, whichever host starts it (this repository's AppHost, Aspire, Kubernetes).
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Checks tagged "ready" decide /health; "live" ones decide /alive.</summary>
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A person reads these titles; the bare status codes' defaults are English.
            if (context.ProblemDetails.Status == StatusCodes.Status401Unauthorized)
                context.ProblemDetails.Title = "Cần đăng nhập: thiếu mã truy cập, hoặc mã đã hết hạn hay không hợp lệ.";
        });
        builder.Services.AddBadRequestAnswers();
        builder.Services.AddServiceDiscovery();
        builder.AddAccessTokenValidation();
        builder.Services.AddScoped<TenantScope>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A read is tried again; a change never is: the first may have been done when its answer was lost.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("ParPlatform.Messaging") // consumer and error queue lengths, the outbox's backlog
                .AddMeter("ParPlatform.Reporting")) // the read model's lag (Reporting's ReadModelLag)
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthEndpointPath) &&
                    !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit") // publish/consume spans, trace context carried in message headers
                .AddSource("ParPlatform.Messaging")); // the outbox dispatcher, continuing the committing request's trace
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// ProblemDetails for errors and bare status codes, bearer-token authentication, /health
    /// (readiness: database, broker) and /alive (the process answers).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.RefuseNulInQuery();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains(LiveTag),
            ResponseWriter = WriteHealthAsync,
        });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = WriteHealthAsync,
        });
        return app;
    }

    /// <summary>{ "status": "Healthy", "checks": [ { "name", "status", "description", "durationMs" } ] }</summary>
    public static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
