using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ParPlatform.Web.Tests.Browser;

/// <summary>
/// The real AppHost (every resource, the web application included) started by Aspire.Hosting.Testing in Development, with
/// a fresh data directory and free ports for the gateway and the web application; and the machine's Chromium
/// (/usr/bin/chromium, the Debian package build.sh installs) driven headless by Playwright.
/// </summary>
public sealed class WebPlatform : IAsyncLifetime
{
    public const string DemoPassword = "ParPlatform@2026";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);
    private string _dataDirectory = "";
    private readonly Dictionary<string, (string Value, DateTimeOffset IssuedAt)> _tokens = [];
    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The web application's address, as people open it.</summary>
    public string WebAddress { get; private set; } = "";

    public HttpClient Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "parplatform-tests", Guid.NewGuid().ToString("N"));
        var gatewayPort = FreePort();
        var webPort = FreePort();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ParPlatform_AppHost>(
            [$"--DataDirectory={_dataDirectory}", $"--Gateway:Port={gatewayPort}", $"--Web:Port={webPort}"],
            (_, settings) => settings.EnvironmentName = "Development");
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources.Where(r => r.HasAnnotationOfType<HealthCheckAnnotation>()))
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
        WebAddress = $"http://localhost:{webPort.ToString(CultureInfo.InvariantCulture)}";
        Gateway = new HttpClient { BaseAddress = new Uri($"http://localhost:{gatewayPort.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
        // A shared two-core machine answers slower than the default 5 s at times.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    /// <summary>A browser of its own (cookies, storage) at a desktop's size, or a phone's.</summary>
    public Task<IBrowserContext> NewBrowserAsync(bool phone = false) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = WebAddress,
        Locale = "vi-VN",
        ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
    });

    /// <summary>Opens the web application, signs in on the identity service's page and waits to be back.</summary>
    public async Task<IPage> SignInAsync(IBrowserContext browser, string userName)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{WebAddress}/**");
        await page.GetByTestId("user-name").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>
    /// An access token of a demo user for the API (the password grant for scripts, Development only), asked for once and used
    /// for 3 of its 5 minutes: the identity service refuses a user name tried more than 10 times a minute.
    /// </summary>
    public async Task<string> TokenAsync(string userName)
    {
        if (_tokens.TryGetValue(userName, out var cached) && DateTimeOffset.UtcNow - cached.IssuedAt < TimeSpan.FromMinutes(3))
            return cached.Value;
        using var response = await Gateway.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "parplatform-scripts",
            ["username"] = userName,
            ["password"] = DemoPassword,
            ["scope"] = "api",
        }));
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"No token for {userName}: {(int)response.StatusCode} {answer}");
        var token = answer.GetProperty("access_token").GetString()!;
        _tokens[userName] = (token, DateTimeOffset.UtcNow);
        return token;
    }

    /// <summary>Calls the API through the gateway as <paramref name="userName"/> and reads the JSON answer.</summary>
    public async Task<JsonElement> CallAsync(HttpMethod method, string path, string userName, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await Gateway.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {answer}");
        return answer;
    }

    /// <summary>Saves a screenshot of the page for the README (docs/screenshots/NAME.png).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var root = typeof(WebPlatform).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ParPlatform.RepositoryRoot").Value!;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(root, "docs", "screenshots", $"{name}.png"), FullPage = true });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The browser tests share one running platform (run one class after another).</summary>
[CollectionDefinition(Name)]
public sealed class SharedWebPlatform : ICollectionFixture<WebPlatform>
{
    public const string Name = "web platform";
}
