using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ParPlatform.Hosting.Dashboard;

/// <summary>One resource as the dashboard and GET /api/resources show it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    string State,
    string Health,
    IReadOnlyList<string> HealthNotes,
    int? ProcessId,
    int Restarts,
    IReadOnlyDictionary<string, string> Endpoints,
    IReadOnlyList<string> WaitsFor,
    string? Error,
    IReadOnlyList<TelemetrySnapshot> Telemetry,
    IReadOnlyList<string> Console);

internal static class DashboardEndpoints
{
    private static readonly string[] Signals = ["traces", "metrics", "logs"];

    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapErrorQueues();

        app.MapGet("/api/resources", (PlatformApp platform, TelemetryCounters telemetry, int? lines) =>
        {
            var tail = Math.Clamp(lines ?? 100, 0, 300);
            return Results.Json(platform.Resources.Select(r => new ResourceSnapshot(
                r.Name,
                r.Type,
                r.State.ToString(),
                r.Health.ToString(),
                r.HealthNotes,
                r.ProcessId,
                r.Restarts,
                new Dictionary<string, string>(r.Endpoints),
                [.. r.WaitsFor.Select(d => d.Name)],
                r.Error,
                telemetry.For(r.Name),
                [.. r.Console.Lines.TakeLast(tail)])));
        });

        // OTLP/HTTP receiver: each service exports to /otlp/{its name}/v1/{signal}. The
        // dashboard counts what arrives per resource; decoding the payloads comes later.
        app.MapPost("/otlp/{resource}/v1/{signal}", async (string resource, string signal, HttpRequest request, PlatformApp platform, TelemetryCounters telemetry) =>
        {
            if (!Signals.Contains(signal) || platform.Resources.All(r => r.Name != resource))
                return Results.NotFound();
            var buffer = new byte[81920];
            long bytes = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
                bytes += read;
            telemetry.Record(resource, signal, bytes);
            return Results.Bytes([], "application/x-protobuf");
        });
    }
}
