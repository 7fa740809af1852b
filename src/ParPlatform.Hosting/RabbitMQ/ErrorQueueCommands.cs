using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParPlatform.Hosting.RabbitMQ;

/// <summary>
/// The error queues on the dashboard: each one's depth as a property of the broker resource
/// (<c>error-queue.&lt;name&gt;</c>), refreshed every few seconds, and the command that replays a whole
/// queue or one message of it.
/// </summary>
public static class ErrorQueueCommands
{
    public const string Replay = "replay-error-queue";
    public const string QueueArgument = "queue";
    public const string MessageArgument = "messageId";
    public const string PropertyPrefix = "error-queue.";

    /// <summary>
    /// Adds the command <c>replay-error-queue</c> with the arguments <c>queue</c> (a name ending in _error) and
    /// <c>messageId</c> (empty: every message of the queue).
    /// </summary>
    public static IResourceBuilder<RabbitMQExecutableResource> WithErrorQueueCommands(this IResourceBuilder<RabbitMQExecutableResource> broker) =>
        broker.WithCommand(Replay, "Chạy lại hàng đợi lỗi", context => ReplayAsync(broker.Resource, context), new CommandOptions
        {
            Description = "Gửi các thông điệp của một hàng đợi …_error (hoặc một thông điệp) về hàng đợi gốc; " +
                "mỗi thông điệp chỉ bị xoá khỏi hàng đợi lỗi khi RabbitMQ đã xác nhận.",
            IconName = "ArrowRedo",
            Arguments =
            [
                new InteractionInput
                {
                    Name = QueueArgument,
                    Label = "Hàng đợi lỗi",
                    InputType = InputType.Text,
                    Required = true,
                    Placeholder = "reporting.dossier-events_error",
                    Description = "Tên hàng đợi, kết thúc bằng _error (xem các thuộc tính error-queue.* của tài nguyên).",
                },
                new InteractionInput
                {
                    Name = MessageArgument,
                    Label = "Mã thông điệp (để trống: tất cả)",
                    InputType = InputType.Text,
                    Required = false,
                },
            ],
            UpdateState = context => context.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
        });

    private static async Task<ExecuteCommandResult> ReplayAsync(RabbitMQExecutableResource broker, ExecuteCommandContext context)
    {
        // Aspire checks the required queue argument and trims both before the command runs.
        var queue = context.Arguments.GetString(QueueArgument)!;
        var messageId = context.Arguments.GetString(MessageArgument);
        try
        {
            var replayed = await broker.ErrorQueues.ReplayAsync(queue, string.IsNullOrEmpty(messageId) ? null : messageId, context.CancellationToken);
            context.Logger.LogInformation("Replayed {Count} message(s) of {Queue}", replayed, queue);
            return CommandResults.Success(string.Create(CultureInfo.InvariantCulture, $"Đã chạy lại {replayed} thông điệp của {queue}."));
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return CommandResults.Failure(e.Message);
        }
    }
}

/// <summary>Publishes each error queue's depth as a property of the broker resource while it runs.</summary>
internal static class ErrorQueueMonitor
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(RabbitMQExecutableResource broker, IServiceProvider services, CancellationToken stoppingToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(broker);
        using var timer = new PeriodicTimer(Interval);
        await notifications.WaitForResourceHealthyAsync(broker.Name, stoppingToken);
        do
        {
            try
            {
                var depths = await broker.ErrorQueues.DepthsAsync(stoppingToken);
                await notifications.PublishUpdateAsync(broker, snapshot => snapshot with
                {
                    Properties = [
                        .. snapshot.Properties.Where(p => !p.Name.StartsWith(ErrorQueueCommands.PropertyPrefix, StringComparison.Ordinal)),
                        .. depths.Select(q => new ResourcePropertySnapshot(ErrorQueueCommands.PropertyPrefix + q.Name, q.Messages)),
                    ],
                });
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Error queue depths not read: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
