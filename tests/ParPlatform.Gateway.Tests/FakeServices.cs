using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// One tiny HTTP server per service name, answering "{service} {path}" on every request and
/// 200 on /health, so a test can see where the gateway sent a request. Each reads the whole
/// request body (of any size) and answers its length in X-Received-Bytes, after waiting the
/// milliseconds of an X-Test-Delay-Ms header if the request has one. The identity service
/// also publishes the signing keys of <see cref="TestTokens"/> at /.well-known/jwks.
/// </summary>
public sealed class FakeServices : IAsyncLifetime
{
    public static readonly string[] Names = ["identity", "plans", "dossiers", "finance", "staffing", "reporting"];

    private readonly List<WebApplication> _apps = [];
    private readonly ConcurrentQueue<string> _received = new();

    public Dictionary<string, string> Urls { get; } = [];

    /// <summary>Every request any fake service answered, as "{service} {method} {path}{query}".</summary>
    public IReadOnlyCollection<string> Received => _received;

    public async Task InitializeAsync()
    {
        foreach (var name in Names)
        {
            var builder = WebApplication.CreateSlimBuilder();
            var url = $"http://127.0.0.1:{FreePort()}";
            builder.WebHost.UseUrls(url);
            // The gateway's limits are under test, not the service's.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
            var app = builder.Build();
            app.Run(async context =>
            {
                var path = $"{context.Request.Path}{context.Request.QueryString}";
                var received = await CountBytesAsync(context.Request.Body, context.RequestAborted);
                _received.Enqueue($"{name} {context.Request.Method} {path}");
                if (int.TryParse(context.Request.Headers["X-Test-Delay-Ms"], out var delay))
                    await Task.Delay(delay, context.RequestAborted);
                context.Response.Headers["X-Received-Bytes"] = received.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (name == "identity" && context.Request.Path == "/.well-known/jwks")
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(TestTokens.KeySet());
                    return;
                }
                await context.Response.WriteAsync($"{name} {path}");
            });
            await app.StartAsync();
            _apps.Add(app);
            Urls[name] = url;
        }
    }

    /// <summary>Whether any fake service was asked for this path (with its query), by any method.</summary>
    public bool Saw(string pathAndQuery) => _received.Any(r => r.EndsWith(" " + pathAndQuery, StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
    }

    private static async Task<long> CountBytesAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            total += read;
        return total;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The gateway tests share one set of fake services and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedFakeServices : ICollectionFixture<FakeServices>
{
    public const string Name = "gateway";
}
