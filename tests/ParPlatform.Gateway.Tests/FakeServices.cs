using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ParPlatform.Gateway.Tests;

/// <summary>
/// One tiny HTTP server per service name, answering "{service} {path}" on every request and
/// 200 on /health, so a test can see where the gateway sent a request.
/// </summary>
public sealed class FakeServices : IAsyncLifetime
{
    public static readonly string[] Names = ["identity", "plans", "dossiers", "finance", "staffing", "reporting"];

    private readonly List<WebApplication> _apps = [];

    public Dictionary<string, string> Urls { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var name in Names)
        {
            var builder = WebApplication.CreateSlimBuilder();
            var url = $"http://127.0.0.1:{FreePort()}";
            builder.WebHost.UseUrls(url);
            var app = builder.Build();
            app.Run(context => context.Response.WriteAsync($"{name} {context.Request.Path}{context.Request.QueryString}"));
            await app.StartAsync();
            _apps.Add(app);
            Urls[name] = url;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
