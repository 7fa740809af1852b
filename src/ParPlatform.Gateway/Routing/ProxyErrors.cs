using Yarp.ReverseProxy.Forwarder;

namespace ParPlatform.Gateway.Routing;

/// <summary>
/// Turns a failed forward into a ProblemDetails the caller can act on: the service is down or
/// not discovered → 503 (try again later); it did not answer in time → 504.
/// </summary>
public static class ProxyErrors
{
    public static async Task WriteProblemOnFailureAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
            return;

        var timedOut = error.Error == ForwarderError.RequestTimedOut;
        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        context.Response.StatusCode = timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = timedOut ? "Dịch vụ không trả lời kịp thời." : "Dịch vụ tạm thời không sẵn sàng.",
                Detail = timedOut
                    ? $"The '{service}' service did not answer in time."
                    : $"The '{service}' service is unavailable. Try again in a moment.",
                Extensions = { ["service"] = service },
            },
        });
    }
}
