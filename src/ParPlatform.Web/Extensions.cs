using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using ParPlatform.Web.Api;
using ParPlatform.Web.Auth;
using ParPlatform.Web.Components;

namespace ParPlatform.Web;

public static class Extensions
{
    /// <summary>
    /// Blazor with interactive server rendering and MudBlazor, in Vietnamese (vi-VN); sign-in with the identity service
    /// (<see cref="SignIn"/>); the APIs through the gateway (<see cref="GatewayClients"/>).
    /// </summary>
    public static void AddWebApplication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        // A circuit's services (its user) for the API clients' handler, which runs in a scope of its own.
        builder.Services.AddSingleton<CircuitServicesAccessor>();
        builder.Services.AddScoped<CircuitHandler, ServicesAccessorCircuitHandler>();
        builder.AddSignIn();
        builder.AddGatewayClients();
        builder.Services.AddScoped<FileDownloads>();
    }

    public static void MapWebApplication(this WebApplication app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese.Culture),
            SupportedCultures = [Vietnamese.Culture],
            SupportedUICultures = [Vietnamese.Culture],
        });
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapSignOut();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
