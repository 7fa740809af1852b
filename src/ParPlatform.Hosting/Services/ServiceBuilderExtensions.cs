using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace ParPlatform.Hosting.Services;

/// <summary>How the AppHost runs the platform's services.</summary>
public static class ServiceBuilderExtensions
{
    /// <summary>
    /// Runs the service from its build output (bin/&lt;configuration&gt;/net10.0/&lt;name&gt;, built with the AppHost)
    /// instead of through <c>dotnet run</c>: measured here, each <c>dotnet run</c> host stays beside its service
    /// with more memory than the service itself (121 MB against 96 MB for the gateway). Only when running;
    /// publishing builds the project as Aspire does.
    /// </summary>
    public static IResourceBuilder<ProjectResource> FromBuildOutput(this IResourceBuilder<ProjectResource> service)
    {
        var builder = service.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
            return service;
        var project = service.Resource.GetProjectMetadata().ProjectPath;
        var configuration = builder.AppHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0");
        var executable = Path.Combine(output, Path.GetFileNameWithoutExtension(project));
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} does not exist: build the solution first (dotnet build ParPlatform.sln -c {configuration}).");
        return service.WithAnnotation(new ExecutableAnnotation { Command = executable, WorkingDirectory = output }, ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Starts the resource again when its process ends with a failure (a non-zero exit code, a signal) while
    /// the platform runs, after 1 s, 2 s, 4 s … at most 30 s (back to 1 s once it has run for a minute),
    /// with the orchestrator's own start command. A process that exits with 0, or that an operator stops, stays stopped.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnFailure<T>(this IResourceBuilder<T> resource)
        where T : IResource
    {
        if (resource.ApplicationBuilder.ExecutionContext.IsPublishMode)
            return resource;
        var builder = resource.ApplicationBuilder;
        if (!builder.Resources.Any(r => r.HasAnnotationOfType<RestartOnFailureAnnotation>()))
            builder.RunInBackground(nameof(RestartOnFailure), (services, stopping) => ActivatorUtilities.CreateInstance<RestartOnFailure>(services).RunAsync(stopping));
        return resource.WithAnnotation(new RestartOnFailureAnnotation());
    }
}

/// <summary>Marks a resource <see cref="RestartOnFailure"/> restarts.</summary>
public sealed class RestartOnFailureAnnotation : IResourceAnnotation;
