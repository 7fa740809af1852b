using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParPlatform.Identity.Registration;

namespace ParPlatform.Identity.Tests;

/// <summary>
/// An installation outside Development (issue "Hardening", production mode): no demo data, the demo data's public
/// password and integrator secret refused where they still exist, the first administrator made by a one-time command,
/// and administrators giving accounts and integrators new credentials.
/// </summary>
[Collection(SharedIdentity.Name)]
public sealed class ProductionTests(IdentityFixture identity)
{
    /// <summary>The database of an installation started as the demo first, then in Production.</summary>
    private const string Installed = "identityinstalleddb";

    [Fact]
    public void Demo_data_asked_for_outside_development_stops_the_start_naming_the_setting()
    {
        using var production = identity.Create("Production", "identityproductiondb", new Dictionary<string, string> { ["Identity:DemoData"] = "true" });

        var refusal = Record.Exception(() => production.CreateClient().Dispose());

        Assert.NotNull(refusal);
        Assert.Contains("Identity:DemoData", refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_an_account_with_the_demo_password_is_refused_and_the_log_says_which_until_it_has_a_new_one()
    {
        // An installation that ran as the demo once: its data has the demo accounts, and one more with the demo password.
        await using var demo = identity.Create("Development", Installed);
        using var admin = demo.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await IdentityFixture.PasswordTokenAsync(admin, "admin", IdentityFixture.DemoPassword));
        using (var created = await admin.PostAsJsonAsync(new Uri("/api/v1/admin/users", UriKind.Relative), new
        {
            userName = "chilang.demo", displayName = "Cán bộ thử", role = "unit-officer", password = IdentityFixture.DemoPassword,
            unitCode = "06181", agencyCode = "van-phong",
        }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{created.StatusCode}");
        }
        using (var inDevelopment = await IdentityFixture.SignInOnPageAsync(IdentityFixture.Browser(demo), "chilang.demo", IdentityFixture.DemoPassword))
            Assert.Equal(HttpStatusCode.Redirect, inDevelopment.StatusCode);
        var logs = new CapturedLogs();
        await using var production = identity.Create("Production", Installed, logs: logs);
        using var client = IdentityFixture.Browser(production);
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        using (var refused = await IdentityFixture.SignInOnPageAsync(client, "chilang.demo", IdentityFixture.DemoPassword))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var tooShort = await client.PutAsJsonAsync(new Uri("/api/v1/admin/users/chilang.demo/password", UriKind.Relative), new { password = "ngan" }))
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        using (var reset = await client.PutAsJsonAsync(new Uri("/api/v1/admin/users/chilang.demo/password", UriKind.Relative), new { password = "Chi-Lang-2027" }))
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using var signedIn = await IdentityFixture.SignInOnPageAsync(IdentityFixture.Browser(production), "chilang.demo", "Chi-Lang-2027");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("chilang.demo still has the demo data's public password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_development_the_demo_integrator_secret_is_refused()
    {
        await using var demo = identity.Create("Development", Installed);
        using (var inDevelopment = await IdentityFixture.ClientCredentialsAsync(demo.CreateClient(), "langson-integrator", "langson-demo-secret-2026"))
            Assert.Equal(HttpStatusCode.OK, inDevelopment.StatusCode);
        var logs = new CapturedLogs();
        await using var production = identity.Create("Production", Installed, logs: logs);

        using var response = await IdentityFixture.ClientCredentialsAsync(production.CreateClient(), "langson-integrator", "langson-demo-secret-2026");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Contains(logs.Lines, l => l.Contains("langson-integrator still has the demo data's public secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotated_integrator_secret_works_at_once_and_the_old_one_no_longer()
    {
        using var admin = await identity.SignedInAsync("admin");
        var old = await IdentityFixture.RegisterIntegratorAsync(admin, "chilang-rotation");

        using var rotated = await admin.PostAsync(new Uri("/api/v1/admin/integrators/chilang-rotation/secret", UriKind.Relative), null);
        using var unknown = await admin.PostAsync(new Uri("/api/v1/admin/integrators/khong-co/secret", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(old, secret);
        using var client = identity.Client();
        using (var withOld = await IdentityFixture.ClientCredentialsAsync(client, "chilang-rotation", old))
            Assert.NotEqual(HttpStatusCode.OK, withOld.StatusCode);
        using (var withNew = await IdentityFixture.ClientCredentialsAsync(client, "chilang-rotation", secret))
            Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_is_created_once_with_a_printed_password_that_signs_in()
    {
        await using var production = identity.Create("Production", "identityproductiondb");
        using var client = IdentityFixture.Browser(production); // started once: its tables exist

        var (badName, _) = await RunAsync(production.Services, FirstAdministrator.Command, "Quản Trị");
        var (created, printed) = await RunAsync(production.Services, FirstAdministrator.Command, "quantri", "Quản trị tỉnh");
        var (second, refusal) = await RunAsync(production.Services, FirstAdministrator.Command, "quantri2");

        Assert.Equal((2, 0, 1), (badName, created, second));
        Assert.Contains("has an administrator already", refusal, StringComparison.Ordinal);
        var password = printed.Trim().Split(' ')[^1];
        Assert.Equal(20, password.Length);
        using var signedIn = await IdentityFixture.SignInOnPageAsync(client, "quantri", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<(int Code, string Output)> RunAsync(IServiceProvider services, params string[] args)
    {
        await using var output = new StringWriter();
        var code = await FirstAdministrator.RunAsync(services, args, output);
        return (code, output.ToString());
    }

    /// <summary>What the service logs, line by line.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
