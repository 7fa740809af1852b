using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParPlatform.Hosting.Services;

/// <summary>
/// Aspire's orchestrator does not restart a process that ended; this does, for the resources marked
/// <see cref="RestartOnFailureAnnotation"/>: it watches their states and, when one ends with a failure
/// while the platform runs, waits a back-off and executes the resource's start command.
/// </summary>
internal sealed class RestartOnFailure(
    ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime, ILogger<RestartOnFailure> logger)
{
    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Restarts> _restarts = new();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (!change.Resource.HasAnnotationOfType<RestartOnFailureAnnotation>())
                continue;
            var restarts = _restarts.GetOrAdd(change.ResourceId, _ => new Restarts());
            // Several notifications can tell of the same end: only the change into it counts.
            if (restarts.Ended(change.Snapshot.State?.Text, change.Snapshot.ExitCode, change.Snapshot.StartTimeStamp))
                _ = RestartAsync(change.Resource, change.ResourceId, change.Snapshot.ExitCode, restarts, stoppingToken);
        }
    }

    private async Task RestartAsync(IResource resource, string resourceId, int? exitCode, Restarts restarts, CancellationToken stoppingToken)
    {
        var delay = restarts.NextDelay();
        logger.LogWarning("{Resource} ended (exit code {ExitCode}); starting it again in {Delay} s", resourceId, exitCode, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                return;
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
                logger.LogError("{Resource} could not be started again: {Error}", resource.Name, result.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One resource's restarts: the back-off doubles while it keeps failing within a minute of starting.</summary>
    private sealed class Restarts
    {
        private readonly Lock _lock = new();
        private string? _state;
        private int _failuresInARow;

        /// <summary>
        /// True when this state is a failed end and the one before was neither an end nor Stopping: the
        /// orchestrator stops a process (the dashboard's Stop or Restart) through Stopping, and the process
        /// it stopped ends with a non-zero code too.
        /// </summary>
        public bool Ended(string? state, int? exitCode, DateTime? startedAt)
        {
            lock (_lock)
            {
                var isNew = IsEnd(state) && !IsEnd(_state) && _state != KnownResourceStates.Stopping && exitCode is not 0;
                _state = state;
                if (isNew)
                {
                    var ranFor = DateTime.UtcNow - (startedAt ?? DateTime.UtcNow);
                    _failuresInARow = ranFor > ResetAfter ? 1 : _failuresInARow + 1;
                }
                return isNew;
            }
        }

        private static bool IsEnd(string? state) =>
            state == KnownResourceStates.Finished || state == KnownResourceStates.Exited || state == KnownResourceStates.FailedToStart;

        public TimeSpan NextDelay()
        {
            lock (_lock)
                return TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, _failuresInARow - 1)));
        }
    }
}
