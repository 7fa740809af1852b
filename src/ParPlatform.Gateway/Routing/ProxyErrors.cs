using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace ParPlatform.Gateway.Routing;

/// <summary>
/// Turns a failed forward into a ProblemDetails the caller can act on: the request body is over the
/// gateway's limit → 413; the service is down or not discovered → 503 (try again later); it did not
/// answer in time → 504.
/// </summary>
public static class ProxyErrors
{
    public static async Task WriteProblemOnFailureAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
            return;

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (error.Error == ForwarderError.RequestBodyClient && IsBodyTooLarge(error.Exception))
        {
            // Kestrel stopped reading the caller's body at the limit: the caller's fault, not the service's.
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Nội dung gửi lên quá lớn.",
                    Detail = limit is { } bytes
                        ? $"The gateway accepts at most {bytes} bytes in this request's body."
                        : "The request's body is over the gateway's limit.",
                },
            });
            return;
        }

        var timedOut = error.Error == ForwarderError.RequestTimedOut;
        var service = context.GetReverseProxyFeature().Cluster.Config.Metadata![GatewayRoutes.ServiceMetadata];
        context.Response.StatusCode = timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable;
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

    private static bool IsBodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                return true;
        }
        return false;
    }
}
