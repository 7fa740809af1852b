using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using ParPlatform.ServiceDefaults.Tenancy;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// A component rendered with MudBlazor, fake dossiers, plans, reporting, registry, finance and staffing APIs and, when a test signs one in, a person of a given role.
/// MudBlazor's services dispose asynchronously only: xunit disposes the context through <see cref="IAsyncDisposable"/>.
/// </summary>
public abstract class ComponentTest : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    internal FakeDossiersApi Api { get; } = new();

    internal FakeReportsApi Reports { get; } = new();

    internal FakePlansApi Plans { get; } = new();

    internal FakeRegistryApi Registry { get; } = new();

    internal FakeFinanceApi Finance { get; } = new();

    internal FakeStaffingApi Staffing { get; } = new();

    protected ComponentTest()
    {
        _context.Services.AddMudServices();
        _context.Services.AddSingleton<IDossiersApi>(Api);
        _context.Services.AddSingleton<IDossierUploadsApi>(Api);
        _context.Services.AddSingleton<IUnitReportsApi>(Reports);
        _context.Services.AddSingleton<IReportsApi>(Reports);
        _context.Services.AddSingleton<IPlansApi>(Plans);
        _context.Services.AddSingleton<IRegistryApi>(Registry);
        _context.Services.AddSingleton<IFinanceApi>(Finance);
        _context.Services.AddSingleton<IFinanceUploadsApi>(Finance);
        _context.Services.AddSingleton<IStaffingApi>(Staffing);
        _context.Services.AddSingleton<IStaffingUploadsApi>(Staffing);
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        _context.Services.AddScoped<FileDownloads>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Signs a person in with the claims the web application reads from the identity service's tokens.</summary>
    protected void SignIn(string role, string? unit = null, string? province = null, string? agency = null)
    {
        var authorization = _context.AddAuthorization();
        authorization.SetAuthorized("Người dùng thử");
        List<Claim> claims = [new(PlatformClaims.Role, role)];
        if (unit is not null)
            claims.Add(new Claim(PlatformClaims.Unit, unit));
        if (province is not null)
            claims.Add(new Claim(PlatformClaims.Province, province));
        if (agency is not null)
            claims.Add(new Claim(PlatformClaims.Agency, agency));
        authorization.SetClaims([.. claims]);
    }

    /// <summary>The popover provider, where an open MudSelect's items are.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    /// <summary>Renders the component after the popover provider MudSelect's lists open in.</summary>
    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent
    {
        Popovers = _context.Render<MudPopoverProvider>();
        return _context.Render(parameters);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
