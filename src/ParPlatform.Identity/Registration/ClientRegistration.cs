using OpenIddict.Abstractions;
using ParPlatform.Identity.Tokens;
using ParPlatform.ServiceDefaults.Tenancy;

namespace ParPlatform.Identity.Registration;

/// <summary>
/// Makes the platform's own OAuth clients match this configuration at start-up: the web UI
/// always; the scripts client (password grant) only in Development, and removed elsewhere.
/// </summary>
internal sealed class ClientRegistration(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetAllTenants(); // the platform's own clients, no tenant's
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        IEnumerable<Uri> Addresses(string key, string fallback) => (configuration[key] ?? fallback)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(uri => new Uri(uri, UriKind.Absolute));
        await UpsertAsync(applications, Clients.Web(
            Addresses(Clients.WebRedirectUrisConfig, Clients.DefaultWebRedirectUri),
            Addresses(Clients.WebSignedOutUrisConfig, Clients.DefaultWebSignedOutUri)), cancellationToken);

        var scripts = await applications.FindByClientIdAsync(Clients.ScriptsClientId, cancellationToken);
        if (environment.IsDevelopment())
            await UpsertAsync(applications, Clients.Scripts(), cancellationToken);
        else if (scripts is not null)
            await applications.DeleteAsync(scripts, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
            await applications.CreateAsync(descriptor, cancellationToken);
        else
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
    }
}
