using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ParPlatform.Hosting.RabbitMQ;

namespace ParPlatform.Hosting.Dashboard;

/// <summary>The answer of a replay: how many messages went back from the error queue to their queue.</summary>
public sealed record ReplayResult(string Queue, int Replayed);

/// <summary>
/// The error queues of the platform's RabbitMQ node as JSON: GET /api/error-queues lists them,
/// POST …/{queue}/replay and …/{queue}/messages/{messageId}/replay send messages back. A name
/// not ending in _error answers 400, an unknown queue or message 404, a refused replay 409.
/// </summary>
internal static class ErrorQueueEndpoints
{
    public static void MapErrorQueues(this WebApplication app)
    {
        app.MapGet("/api/error-queues", (PlatformApp platform, int? messages, CancellationToken cancellationToken) =>
            RunAsync(platform, async errorQueues =>
                Results.Json(await errorQueues.ListAsync(Math.Clamp(messages ?? 50, 0, 500), cancellationToken))));

        app.MapPost("/api/error-queues/{queue}/replay", (string queue, PlatformApp platform, CancellationToken cancellationToken) =>
            RunAsync(platform, async errorQueues =>
                Results.Json(new ReplayResult(queue, await errorQueues.ReplayAsync(queue, null, cancellationToken)))));

        app.MapPost("/api/error-queues/{queue}/messages/{messageId}/replay",
            (string queue, string messageId, PlatformApp platform, CancellationToken cancellationToken) =>
                RunAsync(platform, async errorQueues =>
                    Results.Json(new ReplayResult(queue, await errorQueues.ReplayAsync(queue, messageId, cancellationToken)))));
    }

    /// <summary>Runs an operation on the platform's error queues and answers its refusals as ProblemDetails.</summary>
    private static async Task<IResult> RunAsync(PlatformApp platform, Func<ErrorQueues, Task<IResult>> operation)
    {
        if (platform.Resources.OfType<RabbitMQServerResource>().FirstOrDefault() is not { } messaging)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The platform has no RabbitMQ resource.");
        try
        {
            return await operation(messaging.ErrorQueues);
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an error queue.", detail: e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now.", detail: e.Message);
        }
    }
}
