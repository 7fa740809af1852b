using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParPlatform.Hosting.Services;

internal static class WhileRunning
{
    /// <summary>
    /// Runs <paramref name="work"/> in the background from the AppHost's start until it stops (a hosted service
    /// would start only once the orchestrator has started every resource: too late to watch them start).
    /// </summary>
    public static void RunInBackground(this IDistributedApplicationBuilder builder, string name, Func<IServiceProvider, CancellationToken, Task> work) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
        {
            _ = RunAsync(@event.Services, name, work);
            return Task.CompletedTask;
        });

    private static async Task RunAsync(IServiceProvider services, string name, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await Task.Yield();
        try
        {
            await work(services, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WhileRunning)).LogError(e, "{Name} stopped", name);
        }
    }
}
