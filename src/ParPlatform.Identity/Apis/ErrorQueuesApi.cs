using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParPlatform.Identity.Data;
using ParPlatform.Messaging;
using ParPlatform.Messaging.Audit;
using ParPlatform.Messaging.Errors;
using ParPlatform.ServiceDefaults;
using RabbitMQ.Client.Exceptions;

namespace ParPlatform.Identity.Apis;

public sealed record ReplayResponse(string Queue, int Replayed);

/// <summary>
/// The broker's error queues for scripts (the dashboard's replay-error-queue command is for people),
/// for platform administrators and operators: the list with each queue's first messages, and the
/// replay of a whole queue or one message of it to its original queue. A name not ending in _error
/// is a 400; an unknown queue or message 404; a replay the broker refuses 409; a broker that cannot
/// be reached, or no management URL (an external broker), 503. A replay is recorded in the audit log once
/// the broker has done it (the broker is no part of the database transaction).
/// </summary>
public static class ErrorQueuesApi
{
    private const int MaxMessages = 200;

    /// <summary>/api/v1/admin/messaging/error-queues (<see cref="IdentityApi.MapIdentityApi"/>).</summary>
    public static void MapErrorQueues(this RouteGroupBuilder queues)
    {
        queues.MapGet("/", ListAsync).WithName("ListErrorQueues").WithSummary("The broker's error queues, each with its first messages")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        queues.MapPost("/{queue}/replay", (string queue, IOptions<BrokerManagementOptions> options, IdentityDbContext db, AuditTrail audit, ClaimsPrincipal caller,
                CancellationToken ct) => ReplayAsync(queue, messageId: null, options.Value, db, audit, caller, ct))
            .WithName("ReplayErrorQueue").WithSummary("Sends every message of an error queue back to its original queue")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        queues.MapPost("/{queue}/messages/{messageId}/replay", (string queue, string messageId, IOptions<BrokerManagementOptions> options, IdentityDbContext db,
                AuditTrail audit, ClaimsPrincipal caller, CancellationToken ct) => ReplayAsync(queue, messageId, options.Value, db, audit, caller, ct))
            .WithName("ReplayErrorMessage").WithSummary("Sends one message of an error queue back to its original queue")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<IReadOnlyList<ErrorQueueSnapshot>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        IOptions<BrokerManagementOptions> options, int? messages, CancellationToken ct)
    {
        if (messages is < 0 or > MaxMessages)
            return Invalid("messages", $"Từ 0 đến {MaxMessages}.");
        if (options.Value.Queues() is not { } errorQueues)
            return NoManagementUrl();
        try
        {
            return TypedResults.Ok(await errorQueues.ListAsync(messages ?? 50, ct));
        }
        catch (Exception e) when (IsUnreachable(e, ct))
        {
            return Unreachable(e);
        }
        catch (KeyNotFoundException e)
        {
            // A queue deleted between the list and the look at its messages.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Hàng đợi lỗi vừa thay đổi; hãy thử lại.", detail: e.Message);
        }
    }

    private static async Task<Results<Ok<ReplayResponse>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        string queue, string? messageId, BrokerManagementOptions options, IdentityDbContext db, AuditTrail audit, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (!queue.EndsWith(ErrorQueues.Suffix, StringComparison.Ordinal) || queue.Length == ErrorQueues.Suffix.Length)
            return Invalid("queue", $"{queue} không phải hàng đợi lỗi: tên phải kết thúc bằng {ErrorQueues.Suffix}.");
        if (options.Queues() is not { } errorQueues)
            return NoManagementUrl();
        int replayed;
        try
        {
            replayed = await errorQueues.ReplayAsync(queue, messageId, ct);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy.",
                detail: messageId is null ? $"Không có hàng đợi {queue}." : $"Không có thông điệp {messageId} trong {queue}.");
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "RabbitMQ từ chối chạy lại thông điệp.", detail: e.Message);
        }
        catch (Exception e) when (IsUnreachable(e, ct))
        {
            return Unreachable(e);
        }
        if (replayed > 0)
        {
            audit.Record(caller, "error-queue.replayed", queue, before: null, new { messageId, replayed });
            await db.SaveChangesAsync(CancellationToken.None); // the broker has replayed them: the record of it is not cancelled
        }
        return TypedResults.Ok(new ReplayResponse(queue, replayed));
    }

    private static bool IsUnreachable(Exception e, CancellationToken ct) =>
        e is HttpRequestException or BrokerUnreachableException or OperationInterruptedException
            || (e is TaskCanceledException && !ct.IsCancellationRequested);

    private static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new FieldErrors().Add(field, error).ToDictionary(), title: "Dữ liệu gửi lên không hợp lệ.");

    private static ProblemHttpResult Unreachable(Exception e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Không kết nối được RabbitMQ.", detail: e.Message);

    private static ProblemHttpResult NoManagementUrl() =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Không xem được hàng đợi lỗi từ dịch vụ này.",
            detail: "Chưa cấu hình Messaging:ManagementUrl (RabbitMQ bên ngoài nền tảng): xem và chạy lại hàng đợi lỗi trong trang quản trị của chính RabbitMQ đó.");
}
