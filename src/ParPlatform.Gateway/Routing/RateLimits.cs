using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ParPlatform.ServiceDefaults;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Gateway.Routing;

/// <summary>Gateway:RateLimit: each client's token bucket.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Requests a client may make per second, sustained.</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may make at once after being idle (the bucket's size).</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 100;

    /// <summary>
    /// Sign-ins on the sign-in page (POST /account/login, a password to check) one client address may send per
    /// minute, refused here before the identity service hashes anything. Token requests are not counted: the web
    /// UI's server redeems every user's codes and refresh tokens from one address, and the identity service limits
    /// each user name itself.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SignInsPerMinute { get; set; } = 20;
}

/// <summary>
/// Rate limiting per client: a token bucket for each token subject (a user, or an integrator
/// client), and for each address when there is no token; sign-ins in a window of a minute per
/// address. A client over its limit gets 429 ProblemDetails with Retry-After.
/// </summary>
public static class RateLimits
{
    public static void AddClientRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.AddServiceOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + context.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.SignInsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Burst,
                        TokensPerPeriod = options.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Quá nhiều yêu cầu.",
                    detail: IsSignIn(rejected.HttpContext.Request)
                        ? $"Vượt giới hạn {options.SignInsPerMinute} lần đăng nhập mỗi phút từ một địa chỉ; thử lại sau {seconds} giây."
                        : $"Vượt giới hạn {options.PermitsPerSecond} yêu cầu mỗi giây; thử lại sau {seconds} giây.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    /// <summary>
    /// The bucket a request counts against: its token's subject, else its address; health probes
    /// (which fan out to every service) have a bucket per address of their own, so they neither
    /// use up a client's API budget nor go unlimited.
    /// </summary>
    private static string PartitionOf(HttpContext context)
    {
        if (IsHealthProbe(context.Request.Path))
            return "health:" + context.Connection.RemoteIpAddress;
        return context.User.FindFirst(PlatformClaims.Subject)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;
    }

    /// <summary>A person's sign-in on the sign-in page.</summary>
    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(ServiceDefaults.Extensions.HealthEndpointPath) ||
        path.StartsWithSegments(ServiceDefaults.Extensions.AlivenessEndpointPath);
}
